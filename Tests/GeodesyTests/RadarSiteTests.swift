import Glibc
import Surveillance
import Testing
@testable import Geodesy

/// A radar on a 15 m mast at sea level (on the ellipsoid), as in DOMAIN.md §2's horizon numbers.
let coastal = try! RadarSite(sensor: SensorID(sac: 10, sic: 1), antenna: GeodeticPosition(latitude: 31.3, longitude: -113.5, height: 15))
let hill = try! RadarSite(sensor: SensorID(sac: 10, sic: 2), antenna: GeodeticPosition(latitude: 31.35, longitude: -110.95, height: 1215))

@Suite struct RadarHorizonTests {
    /// DOMAIN.md §2: antenna 15 m; 500 ft → about 67 km, 1000 ft → 88 km, 10,000 ft → 244 km.
    @Test func ruleOfThumbGivesTheDomainNumbers() {
        let ft = Units.metresPerFoot
        #expect(abs(radarHorizon(antennaHeight: 15, targetHeight: 500 * ft) - 67_000) < 500)
        #expect(abs(radarHorizon(antennaHeight: 15, targetHeight: 1000 * ft) - 88_000) < 500)
        #expect(abs(radarHorizon(antennaHeight: 15, targetHeight: 10_000 * ft) - 244_000) < 1000)
        #expect(radarHorizon(antennaHeight: 0, targetHeight: -5) == 0)
        #expect(radarHorizon(antennaHeight: .nan, targetHeight: 100).isNaN)
    }

    @Test func geometricFormAgreesWithTheRuleOfThumb() {
        for (ha, ht) in [(15.0, 152.4), (15.0, 304.8), (15.0, 3048.0), (30.0, 12_000.0)] {
            let exact = EarthModel.fourThirds.horizon(antennaHeight: ha, targetHeight: ht)
            let rule = radarHorizon(antennaHeight: ha, targetHeight: ht)
            #expect(abs(exact / rule - 1) < 0.002, "\(ha) m, \(ht) m: \(exact) vs \(rule)")
        }
        // With no refraction the horizon is √(3/4) as far.
        let k1 = EarthModel.geometric.horizon(antennaHeight: 15, targetHeight: 152.4)
        let k43 = EarthModel.fourThirds.horizon(antennaHeight: 15, targetHeight: 152.4)
        #expect(abs(k1 / k43 - (3.0 / 4).squareRoot()) < 1e-4)
    }

    @Test func targetsBeyondTheHorizonAreHidden() throws {
        let ft = Units.metresPerFoot
        // Due west over the sea (the Gulf of California side), at 500 ft.
        let horizon = radarHorizon(antennaHeight: 15, targetHeight: 500 * ft)
        for (distance, visible) in [(horizon - 2000, true), (horizon + 2000, false)] {
            let target = try coastal.locate(slantRange: distance, azimuth: 270, height: .measured(500 * ft))
            #expect(coastal.isAboveHorizon(target.position) == visible, "\(distance) m")
        }
        // 10,000 ft at 240 km is seen, at 250 km not.
        for (distance, visible) in [(240_000.0, true), (250_000.0, false)] {
            let target = try coastal.locate(slantRange: distance, azimuth: 0, height: .measured(10_000 * ft))
            #expect(coastal.isAboveHorizon(target.position) == visible, "\(distance) m")
        }
        // Below the surface: never.
        #expect(!coastal.isAboveHorizon(GeodeticPosition(latitude: 31.31, longitude: -113.5, height: -1)))
        #expect(!coastal.isAboveHorizon(GeodeticPosition(latitude: 31.31, longitude: -113.5, height: 500), surfaceHeight: 600))
        #expect(!coastal.isAboveHorizon(.invalid))
    }

    /// At the horizon the 4/3-earth ray grazes the effective sphere: the lowest point of the
    /// straight ray, (kR + h_a)·cos(elevation) from the effective centre, is kR.
    @Test func aRayToTheHorizonGrazesTheEffectiveEarth() {
        let az = 270.0
        let R = coastal.earthRadius(azimuth: az), kR = 4.0 / 3 * R
        let d = EarthModel.fourThirds.horizon(antennaHeight: 15, targetHeight: 152.4, earthRadius: R)
        // Walk d along the ground due west and look.
        let target = GeodeticPosition(latitude: 31.3, longitude: -113.5 - d / (R * cos(31.3 * .pi / 180)) * 180 / .pi, height: 152.4)
        let o = coastal.observe(target)
        let lowest = (kR + 15) * cos(o.elevation * .pi / 180)
        #expect(abs(lowest - kR) < 1.5, "lowest point of the ray \(lowest - kR) m above the effective earth")
        #expect(abs(coastal.lowestVisibleHeight(groundDistance: d, azimuth: az) - 152.4) < 1)
        #expect(coastal.lowestVisibleHeight(groundDistance: 10_000, azimuth: az) == 0)
    }
}

@Suite struct RadarGeometryTests {
    @Test func roundTripsInBothEarthModels() throws {
        var worst = 0.0
        for earth in [EarthModel.geometric, .fourThirds] {
            for az in stride(from: 0.0, to: 360, by: 37.5) {
                for range in [800.0, 5_000, 40_000, 150_000, 420_000] {
                    for h in [0.0, 150, 1500, 12_000] {
                        let p = try hill.locate(slantRange: range, azimuth: az, height: .measured(h), earth: earth)
                        if p.heightExceedsRange { continue }
                        #expect(abs(p.position.height - h) < 1e-4)
                        let o = hill.observe(p.position, earth: earth)
                        #expect(abs(o.slantRange - range) < 1e-3 && angleDifference(o.azimuth, az) < 1e-7,
                                "\(earth) \(range) m \(az)° \(h) m: \(o)")
                        #expect(abs(o.elevation - p.elevation) < 1e-7 && abs(o.groundRange - p.groundRange) < 1e-3)
                        // And from the observation back to the same place.
                        let again = try hill.locate(slantRange: o.slantRange, azimuth: o.azimuth, height: .measured(h), earth: earth)
                        let d = separation(again.position, p.position)
                        worst = max(worst, d)
                        #expect(d < 1e-3)
                    }
                }
            }
        }
        print("locate → observe → locate: max \(worst) m")
    }

    /// The 4/3 earth bends rays down into arcs of curvature κ = (1 − 1/k)/R: for the same target
    /// the ray leaves higher than the straight line by κρ/2, and the arc is longer than its chord
    /// by κ²c³/24 (a fraction of a metre at 130 km).
    @Test func refractionRaisesTheApparentElevation() throws {
        let target = GeodeticPosition(latitude: 32.5, longitude: -110.5, height: 3000)
        let straight = hill.observe(target, earth: .geometric), bent = hill.observe(target, earth: .fourThirds)
        #expect(bent.geometricElevation == straight.geometricElevation)
        #expect(bent.azimuth == straight.azimuth && bent.groundRange == straight.groundRange)
        let κ = (1 - 3.0 / 4) / hill.earthRadius(azimuth: bent.azimuth), c = straight.slantRange
        #expect(abs((bent.elevation - straight.elevation) * .pi / 180 - κ * bent.slantRange / 2) < 1e-12)
        let longer = κ * κ * c * c * c / 24
        #expect(longer > 0.1 && abs((bent.slantRange - c) - longer) < 1e-4, "\(bent.slantRange - c) m")
    }

    /// In the atmosphere the 4/3 model stands for, a ray launched level from 1215 m and traced
    /// numerically (RK4 on Snell's law, n = 1 − h(1 − 1/k)/R, R = 6368 km) has travelled 200 km
    /// of path when it is 3569.5 m above the sphere: placed from that slant range and height, the
    /// plot must be 200 km of path away along the bent ray, i.e. the chord 2(4R)·sin(ρ/8R) from
    /// the antenna and at the traced height. (The textbook k·R triangle misses by 16 m here.)
    @Test func aTracedRayIsPlacedWhereItEnds() throws {
        let p = try hill.locate(slantRange: 200_000, azimuth: 0, height: .measured(3569.5))
        let R = hill.earthRadius(azimuth: 0)
        let chord = 8 * R * sin(200_000 / (8 * R))
        #expect(abs(p.enu.norm - chord) < 1e-6)
        #expect(abs(p.elevation) < 0.01, "launched level: \(p.elevation)°")
    }

    /// Flat-earth sanity near the radar: at 2 km and the antenna's height the ray barely bends,
    /// so the plot is 2 km from the antenna in the azimuth's direction, d²/2R (0.31 m) below its
    /// horizontal plane; the ground range, counted at the ellipsoid, is R/(R + 1215) of that.
    @Test func nearbyPlotIsWhereAMapWouldPutIt() throws {
        let p = try hill.locate(slantRange: 2000, azimuth: 90, height: .measured(1215))
        let R = hill.earthRadius(azimuth: 90)
        #expect(abs(p.enu.norm - 2000) < 1e-6)
        #expect(abs(p.enu.east - 2000) < 1e-3 && abs(p.enu.north) < 1e-6 && abs(p.enu.up + 2000 * 2000 / (2 * R)) < 0.01)
        #expect(abs(p.groundRange - 2000 * R / (R + 1215)) < 0.01)
        #expect(p.heightSource == .measured && !p.heightExceedsRange)
        #expect(p.azimuth == 90)
        let wrapped = try hill.locate(slantRange: 2000, azimuth: -270, height: .measured(1215))
        #expect(wrapped.azimuth == 90 && separation(wrapped.position, p.position) < 1e-6)
    }

    @Test func modeCIsConvertedWithTheStandardAtmosphere() throws {
        // FL100 = 3048 m geopotential = 3048 · r₀/(r₀ − 3048) ≈ 3049.46 m geometric.
        #expect(abs(StandardAtmosphere.geometricHeight(flightLevel: 100) - 3049.462) < 1e-3)
        #expect(abs(StandardAtmosphere.flightLevel(geometricHeight: StandardAtmosphere.geometricHeight(flightLevel: 350)) - 350) < 1e-9)
        let p = try hill.locate(slantRange: 80_000, azimuth: 10, height: .reported(flightLevel: 100))
        #expect(p.heightSource == .reported && abs(p.position.height - 3049.462) < 1e-3)
    }

    @Test func aPlotCarriesItsBestHeightAndSaysWhich() throws {
        let base = Plot(sensor: SensorID(sac: 10, sic: 2), time: TimeOfDay(seconds: 0), detection: .psr,
                        range: 30_000, azimuth: 200)
        var ssr = base
        ssr.detection = .ssrPSR
        ssr.flightLevel = 45
        ssr.measuredHeight = 9000  // a 3-D radar's feet: coarser than Mode C, so not used
        #expect(TargetHeight(ssr, assumedHeight: 500) == .reported(flightLevel: 45))
        var threeD = base
        threeD.measuredHeight = 5000
        #expect(TargetHeight(threeD, assumedHeight: 500) == .measured(1524))
        #expect(TargetHeight(base, assumedHeight: 500) == .assumed(500))
        var garbled = base
        garbled.flightLevel = .nan
        #expect(TargetHeight(garbled, assumedHeight: 500).source == .assumed)

        let psr = try hill.locate(base, assumedHeight: 1500)
        #expect(psr.heightSource == .assumed && abs(psr.position.height - 1500) < 1e-4)
        let mode = try hill.locate(ssr, assumedHeight: 1500)
        #expect(mode.heightSource == .reported)
    }

    @Test func aRangeShorterThanTheHeightDifferenceIsPutOverheadAndFlagged() throws {
        let p = try hill.locate(slantRange: 3000, azimuth: 45, height: .reported(flightLevel: 200))
        #expect(p.heightExceedsRange)
        #expect(p.groundRange == 0 && p.elevation == 90)
        #expect(abs(p.position.height - StandardAtmosphere.geometricHeight(flightLevel: 200)) < 1e-3)
        #expect(separation(GeodeticPosition(latitude: p.position.latitude, longitude: p.position.longitude),
                           GeodeticPosition(latitude: hill.antenna.latitude, longitude: hill.antenna.longitude)) < 1e-3)
        // Zero range at the antenna's own height: the antenna.
        let zero = try hill.locate(slantRange: 0, azimuth: 0, height: .measured(1215))
        #expect(separation(zero.position, hill.antenna) < 1e-6)
    }

    @Test func badPlotsAreRefusedWithTheReason() {
        #expect(throws: GeodesyError.slantRangeInvalid(-1)) { try hill.locate(slantRange: -1, azimuth: 0, height: .assumed(0)) }
        #expect(throws: GeodesyError.slantRangeInvalid(.infinity)) { try hill.locate(slantRange: .infinity, azimuth: 0, height: .assumed(0)) }
        #expect(throws: GeodesyError.azimuthNotFinite(.infinity)) { try hill.locate(slantRange: 1, azimuth: .infinity, height: .assumed(0)) }
        #expect(throws: GeodesyError.heightOutOfRange(.infinity)) { try hill.locate(slantRange: 1, azimuth: 0, height: .measured(.infinity)) }
        #expect(throws: GeodesyError.heightOutOfRange(-50_000)) { try hill.locate(slantRange: 1, azimuth: 0, height: .measured(-50_000)) }
        #expect(throws: GeodesyError.slantRangeInvalid(1e9)) { try hill.locate(slantRange: 1e9, azimuth: 0, height: .measured(0)) }
        #expect(throws: GeodesyError.factorInvalid(-1)) { try hill.locate(slantRange: 1, azimuth: 0, height: .assumed(0), earth: EarthModel(k: -1)) }
        do {
            _ = try hill.locate(slantRange: .nan, azimuth: 0, height: .assumed(0))
            Issue.record("NaN range accepted")
        } catch {
            guard case .slantRangeInvalid(let v) = error, v.isNaN else { Issue.record("\(error)"); return }
        }
        #expect(throws: GeodesyError.self) { try hill.locate(slantRange: 1, azimuth: .nan, height: .assumed(0)) }
        #expect(throws: GeodesyError.self) { try hill.locate(slantRange: 1, azimuth: 0, height: .reported(flightLevel: .nan)) }
        // Absurd but accepted values give a position, not a trap.
        let far = try? hill.locate(slantRange: 15_000_000, azimuth: 0, height: .measured(1_000_000))
        #expect(far?.position.isValid == true)
        let o = hill.observe(GeodeticPosition(latitude: 100, longitude: 0))
        #expect(o.slantRange.isNaN && o.azimuth.isNaN)
    }
}

@Suite struct CovarianceTests {
    /// Due north the radial is y and the cross-range is x: σx = r·σθ (radians), σy = σr.
    @Test func plotDueNorthIsDiagonal() {
        let c = Covariance2.polar(range: 100_000, azimuth: 0, rangeSigma: 116, azimuthSigma: 0.18)
        #expect(abs(c.xy) < 1e-9)
        #expect(abs(c.sigmaX - 100_000 * 0.18 * .pi / 180) < 1e-9)
        #expect(abs(c.sigmaY - 116) < 1e-12)
        // Due east the roles swap.
        let e = Covariance2.polar(range: 100_000, azimuth: 90, rangeSigma: 116, azimuthSigma: 0.18)
        #expect(abs(e.sigmaX - 116) < 1e-9 && abs(e.sigmaY - 100_000 * 0.18 * .pi / 180) < 1e-9 && abs(e.xy) < 1e-6)
    }

    /// At 45° the ellipse's axes are the diagonals: xx = yy = (σr² + σc²)/2, xy = (σr² − σc²)/2.
    @Test func diagonalAzimuthMixesEqually() {
        let c = Covariance2.polar(range: 50_000, azimuth: 45, rangeSigma: 100, azimuthSigma: 0.1)
        let σc = 50_000 * 0.1 * .pi / 180
        #expect(abs(c.xx - (10_000 + σc * σc) / 2) < 1e-6 && abs(c.yy - c.xx) < 1e-6)
        #expect(abs(c.xy - (10_000 - σc * σc) / 2) < 1e-6)
        // Determinant is rotation-invariant: σr²·σc².
        #expect(abs(c.determinant / (10_000 * σc * σc) - 1) < 1e-12)
    }

    @Test func rotatingIsTheSameAsChangingTheAzimuth() {
        let north = Covariance2.polar(range: 80_000, azimuth: 0, rangeSigma: 60, azimuthSigma: 0.15)
        let turned = north.rotatedClockwise(by: 30)
        // A radial due north, turned clockwise by 30°, is a radial at azimuth 30°.
        let expected = Covariance2.polar(range: 80_000, azimuth: 30, rangeSigma: 60, azimuthSigma: 0.15)
        #expect(abs(turned.xx - expected.xx) < 1e-6 && abs(turned.xy - expected.xy) < 1e-6 && abs(turned.yy - expected.yy) < 1e-6)
    }

    @Test func locatedPlotCovarianceFollowsTheGeometry() throws {
        // Level with the antenna, nearby: σ along = σr, across = r·σθ.
        let p = try hill.locate(slantRange: 20_000, azimuth: 0, height: .measured(1215))
        let c = hill.covariance(of: p, rangeSigma: 50, azimuthSigma: 0.1)
        #expect(abs(c.sigmaY - 50) < 0.1 && abs(c.sigmaX - 20_000 * 0.1 * .pi / 180) < 0.01 && abs(c.xy) < 1)
        // Steep and with an uncertain (assumed) height, the ground error along the ray grows.
        let steep = try hill.locate(slantRange: 12_000, azimuth: 0, height: .assumed(9000))
        let loose = hill.covariance(of: steep, rangeSigma: 50, azimuthSigma: 0.1, heightSigma: 1000)
        let ε = steep.arrivalElevation * .pi / 180
        let expected = ((50 / cos(ε)) * (50 / cos(ε)) + (1000 * tan(ε)) * (1000 * tan(ε))).squareRoot()
        #expect(abs(loose.sigmaY - expected) < 1e-6 && loose.sigmaY > 500)
    }
}
