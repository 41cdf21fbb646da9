import Glibc
import Testing
@testable import Geodesy

let nogales = GeodeticPosition(latitude: 31.3, longitude: -110.9, height: 1200)

@Suite struct LocalTangentPlaneTests {
    @Test func centreIsTheOriginAndAxesPointTheRightWay() throws {
        let p = try LocalTangentPlane(centre: nogales)
        let o = p.enu(from: nogales)
        #expect(o.norm < 1e-9)
        // Straight up by 100 m along the normal: 100 m up, nothing sideways.
        let up = p.enu(from: GeodeticPosition(latitude: 31.3, longitude: -110.9, height: 1300))
        #expect(abs(up.up - 100) < 1e-9 && abs(up.east) < 1e-9 && abs(up.north) < 1e-9)
        // A little north is north, a little east is east (first order: M·Δφ, N·cosφ·Δλ).
        let wgs = Ellipsoid.wgs84
        let n = p.enu(from: GeodeticPosition(latitude: 31.3 + 1e-5, longitude: -110.9, height: 1200))
        #expect(abs(n.north - (wgs.meridianRadius(latitude: 31.3) + 1200) * 1e-5 * .pi / 180) < 1e-6)
        let e = p.enu(from: GeodeticPosition(latitude: 31.3, longitude: -110.9 + 1e-5, height: 1200))
        let expectedEast = (wgs.primeVerticalRadius(latitude: 31.3) + 1200) * cos(31.3 * .pi / 180) * 1e-5 * .pi / 180
        #expect(abs(e.east - expectedEast) < 1e-6 && e.north > -1e-6)
    }

    /// IOGP Guidance Note 7-2, geocentric → topocentric (EPSG method 9836): origin 55°N 5°E
    /// h 200 m; the point X 3 771 793.968, Y 140 253.342, Z 5 124 304.349 m is at
    /// U −189 013.869, V −128 642.040, W −4 220.171 m.
    @Test func publishedTopocentricExample() throws {
        let p = try LocalTangentPlane(centre: GeodeticPosition(latitude: 55, longitude: 5, height: 200))
        #expect(p.centreECEF.distance(to: ECEF(x: 3_652_755.3058, y: 319_574.6799, z: 5_201_547.3536)) < 1e-3)
        let v = p.enu(from: ECEF(x: 3_771_793.968, y: 140_253.342, z: 5_124_304.349))
        #expect(abs(v.east - -189_013.869) < 1e-3 && abs(v.north - -128_642.040) < 1e-3 && abs(v.up - -4_220.171) < 1e-3)
    }

    @Test func roundTripsWithinAMillimetre() throws {
        let p = try LocalTangentPlane(centre: nogales)
        var worst = 0.0
        for e in stride(from: -400_000.0, through: 400_000, by: 80_000) {
            for n in stride(from: -400_000.0, through: 400_000, by: 80_000) {
                for u in [-2000.0, 0, 12_000] {
                    let v = ENU(east: e, north: n, up: u)
                    let back = p.enu(from: p.geodetic(from: v))
                    let d = ENU(east: back.east - e, north: back.north - n, up: back.up - u).norm
                    worst = max(worst, d)
                    #expect(d < 1e-3)
                }
            }
        }
        print("ENU → geodetic → ENU: max \(worst) m")
    }
}

@Suite struct StereographicPlaneTests {
    @Test func centreMapsToTheOrigin() throws {
        let s = try StereographicPlane(centre: nogales)
        let o = s.point(from: nogales)
        #expect(abs(o.x) < 1e-9 && abs(o.y) < 1e-9)
        let back = s.geodetic(from: PlanePoint(x: 0, y: 0), height: 1200)
        #expect(separation(back, nogales) < 1e-6)
        #expect(abs(s.scaleFactor(at: nogales) - 1) < 1e-12)
        #expect(abs(s.northDirection(at: nogales)) < 1e-12)
    }

    /// IOGP GIGS test 5104 / Guidance Note 7-2 example for EPSG method 9809, Amersfoort / RD New:
    /// Bessel 1841, origin 52°09'22.178"N 5°23'15.500"E, k₀ 0.9999079, FE 155 000, FN 463 000.
    /// Published to the millimetre.
    @Test func publishedObliqueStereographicExamples() throws {
        let bessel = Ellipsoid(semiMajorAxis: 6_377_397.155, inverseFlattening: 299.152_812_8)
        let rd = try StereographicPlane(
            centre: GeodeticPosition(latitude: 52 + 9 / 60.0 + 22.178 / 3600, longitude: 5 + 23 / 60.0 + 15.5 / 3600),
            scale: 0.999_907_9, ellipsoid: bessel)
        // The last point's geographic coordinates are published to 0.001" only (3 cm).
        let cases: [(lat: Double, lon: Double, e: Double, n: Double)] = [
            (53, 6, 196_105.283, 557_057.739),
            (53, 4, 61_856.776, 557_779.118),
            (53, 8, 330_331.464, 560_058.312),
            (53, 10, 464_462.348, 566_781.236),
            (57, 5, 131_405.466, 1_002_468.081),
            (49, 4, 53_412.761, 112_842.732),
            (53, 3, -5_253.063, 559_535.55),
            (53, 11, 531_469.202, 571_538.839),
            (47 + 58 / 60.0 + 30.940 / 3600, 3 + 18 / 60.0 + 49.421 / 3600, 0, 0),
        ]
        var worst = 0.0
        for c in cases {
            let p = rd.point(from: GeodeticPosition(latitude: c.lat, longitude: c.lon))
            let d = hypot(p.x + 155_000 - c.e, p.y + 463_000 - c.n)
            let coarse = c.e == 0
            #expect(d < (coarse ? 0.03 : 1e-3), "\(c): \(p.x + 155_000), \(p.y + 463_000)")
            let back = rd.geodetic(from: PlanePoint(x: c.e - 155_000, y: c.n - 463_000))
            let tolerance = coarse ? 0.0006 / 3600 : 1e-8  // degrees: 1e-8° ≈ 1 mm
            #expect(abs(back.latitude - c.lat) < tolerance && abs(back.longitude - c.lon) < tolerance, "\(c): \(back)")
            if !coarse { worst = max(worst, d) }
        }
        print("oblique stereographic vs EPSG/GIGS: max \(worst) m")
    }

    @Test func roundTripsWithinAMillimetre() throws {
        let s = try StereographicPlane(centre: nogales)
        var worst = 0.0
        for lat in stride(from: 27.0, through: 35, by: 0.5) {
            for lon in stride(from: -117.0, through: -102, by: 0.75) {
                let p = GeodeticPosition(latitude: lat, longitude: lon, height: 3000)
                let d = separation(s.geodetic(from: s.point(from: p), height: 3000), p)
                worst = max(worst, d)
                #expect(d < 1e-3)
            }
        }
        for x in stride(from: -600_000.0, through: 600_000, by: 100_000) {
            for y in stride(from: -600_000.0, through: 600_000, by: 100_000) {
                let back = s.point(from: s.geodetic(from: PlanePoint(x: x, y: y)))
                #expect(hypot(back.x - x, back.y - y) < 1e-3)
            }
        }
        print("stereographic round trip: max \(worst) m")
    }

    /// Near the centre the plane agrees with the tangent plane to second order, and everywhere
    /// it is conformal: a short step has the same scale north and east, which `scaleFactor`
    /// predicts, and true north points where `northDirection` says.
    @Test func conformalWithTheScaleAndNorthItReports() throws {
        let s = try StereographicPlane(centre: nogales)
        let ltp = try LocalTangentPlane(centre: GeodeticPosition(latitude: 31.3, longitude: -110.9))
        let near = GeodeticPosition(latitude: 31.31, longitude: -110.89)
        let a = s.point(from: near), b = ltp.enu(from: near)
        #expect(hypot(a.x - b.east, a.y - b.north) < 0.01)

        for p in [GeodeticPosition(latitude: 33, longitude: -106), GeodeticPosition(latitude: 29, longitude: -114.5),
                  GeodeticPosition(latitude: 31.3, longitude: -104)] {
            let local = try LocalTangentPlane(centre: p)
            let step = 1e-4  // degrees, about 10 m
            let pn = GeodeticPosition(latitude: p.latitude + step, longitude: p.longitude)
            let pe = GeodeticPosition(latitude: p.latitude, longitude: p.longitude + step)
            let o = s.point(from: p), n = s.point(from: pn), e = s.point(from: pe)
            let gn = local.enu(from: pn).norm, ge = local.enu(from: pe).norm
            let kn = hypot(n.x - o.x, n.y - o.y) / gn, ke = hypot(e.x - o.x, e.y - o.y) / ge
            #expect(abs(kn - ke) < 1e-6, "not conformal at \(p)")
            #expect(abs(kn - s.scaleFactor(at: p)) < 1e-6)
            let north = atan2(n.x - o.x, n.y - o.y) * 180 / .pi
            #expect(abs(north - s.northDirection(at: p)) < 1e-4, "\(north) vs \(s.northDirection(at: p))")
        }
        // East of the centre, in the northern hemisphere, north leans back west.
        #expect(s.northDirection(at: GeodeticPosition(latitude: 31.3, longitude: -104)) < 0)
        // Scale grows as 1 + (d/2R)²: about 1.000 55 at 300 km.
        let far = s.scaleFactor(at: GeodeticPosition(latitude: 31.3, longitude: -107.75))
        #expect(far > 1.0005 && far < 1.0006)
    }
}
