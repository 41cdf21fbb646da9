import Testing
@testable import Geodesy

/// Agreement with pymap3d 3.2.0 on the vectors in Fixtures/pymap3d_vectors.json (border points,
/// far-off, polar and antimeridian cases): positions within 1 mm, angles within 1e-7°.
/// Each test prints its largest error, for the record.
@Suite struct Pymap3dTests {
    let v: Pymap3dVectors
    init() throws { v = try Pymap3dVectors.load() }

    @Test func fixtureIsFromTheExpectedVersion() {
        #expect(v.pymap3d == "3.2.0")
        #expect(v.geodeticToECEF.count >= 30 && v.aer.count >= 20)
    }

    @Test func geodeticToECEF() {
        var worst = 0.0
        for c in v.geodeticToECEF {
            let d = c.geodetic.ecef.distance(to: c.ecef)
            worst = max(worst, d)
            #expect(d < 1e-3, "\(c.geodetic): \(d) m from pymap3d")
        }
        print("geodetic→ECEF: max \(worst) m over \(v.geodeticToECEF.count)")
    }

    @Test func ecefToGeodetic() {
        var worstPosition = 0.0, worstHeight = 0.0
        for c in v.ecefToGeodetic {
            let ours = c.ecef.geodetic
            // Horizontal error on the ground plus height error, each in metres.
            let horizontal = separation(GeodeticPosition(latitude: ours.latitude, longitude: ours.longitude),
                                        GeodeticPosition(latitude: c.lat, longitude: c.lon))
            let dh = abs(ours.height - c.h)
            worstPosition = max(worstPosition, horizontal)
            worstHeight = max(worstHeight, dh)
            #expect(horizontal < 1e-3 && dh < 1e-3, "\(c.ecef): \(ours) vs pymap3d (\(c.lat), \(c.lon), \(c.h))")
        }
        print("ECEF→geodetic: max horizontal \(worstPosition) m, height \(worstHeight) m over \(v.ecefToGeodetic.count)")
    }

    @Test func geodeticToENU() throws {
        let plane = try LocalTangentPlane(centre: v.centre.geodetic)
        var worst = 0.0
        for c in v.geodeticToENU {
            let ours = plane.enu(from: c.geodetic)
            let d = ENU(east: ours.east - c.e, north: ours.north - c.n, up: ours.up - c.u).norm
            worst = max(worst, d)
            #expect(d < 1e-3, "\(c.geodetic): \(ours) vs \(c.enu)")
        }
        print("geodetic→ENU: max \(worst) m over \(v.geodeticToENU.count)")
    }

    @Test func enuToGeodetic() throws {
        let plane = try LocalTangentPlane(centre: v.centre.geodetic)
        var worst = 0.0
        for c in v.enuToGeodetic {
            let d = separation(plane.geodetic(from: c.enu), c.geodetic)
            worst = max(worst, d)
            #expect(d < 1e-3, "\(c.enu): \(d) m from pymap3d")
        }
        print("ENU→geodetic: max \(worst) m over \(v.enuToGeodetic.count)")
    }

    /// The radar's inverse model with k = 1 is the straight line pymap3d computes.
    @Test func observationsMatchGeodetic2aer() throws {
        var worstAngle = 0.0, worstRange = 0.0
        for c in v.aer {
            let site = try RadarSite(sensor: .init(sac: 1, sic: 1), antenna: c.antenna)
            let o = site.observe(c.target, earth: .geometric)
            let dAz = angleDifference(o.azimuth, c.az), dEl = abs(o.elevation - c.el)
            let dR = abs(o.slantRange - c.range)
            worstAngle = max(worstAngle, dAz, dEl)
            worstRange = max(worstRange, dR)
            #expect(dAz < 1e-7 && dEl < 1e-7 && dR < 1e-3, "\(c.site) → \(c.target): \(o) vs (\(c.az), \(c.el), \(c.range))")
            #expect(o.geometricElevation == o.elevation)
        }
        print("observe (k = 1) vs geodetic2aer: max angle \(worstAngle)°, range \(worstRange) m over \(v.aer.count)")
    }

    /// Ground distances (and so `LocatedPlot.groundRange`) follow the geodesic: within 0.1 m
    /// out to 400 km, 0.5 m beyond (the farthest pair is 680 km apart).
    @Test func groundDistancesFollowTheGeodesic() throws {
        var worst = 0.0
        for c in v.aer {
            let site = try RadarSite(sensor: .init(sac: 1, sic: 1), antenna: c.antenna)
            let d = abs(site.groundDistance(to: c.target) - c.geodesic)
            worst = max(worst, d)
            #expect(d < (c.geodesic < 400_000 ? 0.1 : 0.5), "\(c.site) → \(c.target): \(d) m at \(c.geodesic) m")
            let p = try site.locate(slantRange: c.range, azimuth: c.az, height: .measured(c.h), earth: .geometric)
            #expect(abs(p.groundRange - site.groundDistance(to: c.target)) < 1e-3)
        }
        print("ground distance vs Vincenty: max \(worst) m over \(v.aer.count)")
    }

    /// And the forward model with k = 1: pymap3d's slant range and azimuth, with the target's
    /// height, land on pymap3d's target.
    @Test func locatedPlotsLandOnPymap3dTargets() throws {
        var worst = 0.0, worstElevation = 0.0
        for c in v.aer {
            let site = try RadarSite(sensor: .init(sac: 1, sic: 1), antenna: c.antenna)
            let p = try site.locate(slantRange: c.range, azimuth: c.az, height: .measured(c.h), earth: .geometric)
            let d = separation(p.position, c.target)
            worst = max(worst, d)
            worstElevation = max(worstElevation, abs(p.geometricElevation - c.el))
            #expect(d < 1e-3, "\(c.site) → \(c.target): placed \(d) m away")
            #expect(abs(p.geometricElevation - c.el) < 1e-7)
            #expect(abs(p.elevation - c.el) < 1e-3, "the sphere's elevation is close to the ellipsoid's")
        }
        print("locate (k = 1) vs pymap3d targets: max \(worst) m, elevation \(worstElevation)° over \(v.aer.count)")
    }
}
