import Asterix
import Geodesy
import Glibc
import Testing
@testable import Simulation

@Suite struct SimulatedRadarTests {
    static let site = try! RadarSite(sensor: SensorID(sac: 50, sic: 1),
                                     antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))
    static let radar = SimulatedRadar(site: site, rangeSigma: 100, azimuthSigma: 0.15)
    let noTerrain = Terrain()
    let tod = TimeOfDay(seconds: 3600)

    /// A point due north of the radar at `km` and `height` metres.
    static func north(_ km: Double, height: Double) -> GeodeticPosition {
        let g = site.frame.geodetic(from: ENU(east: 0, north: km * 1000, up: 0))
        return GeodeticPosition(latitude: g.latitude, longitude: g.longitude, height: height)
    }

    @Test func theAntennaTurnsOnceAScan() {
        #expect(Self.radar.antennaAzimuth(at: 0) == 0)
        #expect(abs(Self.radar.antennaAzimuth(at: 3) - 90) < 1e-9)
        #expect(abs(Self.radar.antennaAzimuth(at: 12 + 6) - 180) < 1e-9)
    }

    @Test func primaryDetectionsFollowTheDetectionModel() {
        var rng = SplitMix64(seed: 1)
        let target = ScanTarget(position: Self.north(200, height: 9000), rcs: 2, transponder: nil)
        let n = 5000
        var hits = 0
        for _ in 0..<n {
            if case .success = Self.radar.observe(target, at: tod, terrain: noTerrain, rng: &rng) { hits += 1 }
        }
        let range = Self.site.observe(target.position).slantRange
        let p = Self.radar.detection.psrProbability(range: range, rcs: 2)
        #expect(abs(Double(hits) / Double(n) - p) < 5 * (p * (1 - p) / Double(n)).squareRoot(), "Pd \(p)")
    }

    @Test func measurementNoiseHasTheConfiguredSpread() throws {
        var rng = SplitMix64(seed: 2)
        let target = ScanTarget(position: Self.north(80, height: 6000), rcs: 50, transponder: nil)
        let truth = Self.site.observe(target.position)
        var dr: [Double] = [], da: [Double] = []
        for _ in 0..<4000 {
            guard case .success(let r) = Self.radar.observe(target, at: tod, terrain: noTerrain, rng: &rng) else { continue }
            let polar = try #require(r.polar)
            dr.append(polar.rangeNM * 1852 - truth.slantRange)
            var a = polar.azimuthDegrees - truth.azimuth
            if a > 180 { a -= 360 }
            if a < -180 { a += 360 }
            da.append(a)
        }
        func sd(_ x: [Double]) -> Double {
            let m = x.reduce(0, +) / Double(x.count)
            return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
        }
        #expect(dr.count > 3900)
        // σ within 5 %; the LSBs (7 m, 0.0055°) add a little quantisation noise, well inside that.
        let rangeSpread: Double = sd(dr) / 100, azimuthSpread: Double = sd(da) / 0.15
        #expect(abs(rangeSpread - 1) < 0.05)
        #expect(abs(azimuthSpread - 1) < 0.05)
        // No bias beyond five standard errors and half a range LSB.
        let bias: Double = dr.reduce(0, +) / Double(dr.count)
        let allowed: Double = 5 * 100 / Double(dr.count).squareRoot() + 4
        #expect(abs(bias) < allowed)
    }

    @Test func aFlightAt500FeetIsFirstSeenAtTheHorizon() {
        // DOMAIN.md §2: a 15 m antenna sees 500 ft (152.4 m) out to 4.12 (√15 + √152.4) = 66.8 km.
        var rng = SplitMix64(seed: 3)
        var firstSeen: Double?
        for km in stride(from: 100.0, through: 20, by: -0.5) {
            let target = ScanTarget(position: Self.north(km, height: 152.4), rcs: 1000, transponder: nil)
            if case .success = Self.radar.observe(target, at: tod, terrain: noTerrain, rng: &rng) {
                firstSeen = km
                break
            }
        }
        let horizon = radarHorizon(antennaHeight: 15, targetHeight: 152.4) / 1000
        #expect(firstSeen.map { abs($0 - horizon) < 3 } == true, "first seen at \(String(describing: firstSeen)) km, horizon \(horizon) km")
    }

    @Test func transpondersAddIdentityAndAltitude() throws {
        var rng = SplitMix64(seed: 4)
        let modeS = Transponder(mode3A: Mode3A(octal: "2451"), address: ModeSAddress(0x0D1111), callsign: Callsign("VOI1234"))
        let target = ScanTarget(position: Self.north(50, height: 10_000), rcs: 20, transponder: modeS)
        guard case .success(let r) = Self.radar.observe(target, at: tod, terrain: noTerrain, rng: &rng) else {
            Issue.record("not seen at 50 km")
            return
        }
        #expect(r.mode3A?.description == "2451")
        #expect(r.address?.value == 0x0D1111)
        #expect(r.callsign?.description == "VOI1234")
        // Mode S reports in quarter flight levels; 10,000 m in the standard atmosphere is FL 328.
        let fl = try #require(r.flightLevel?.flightLevel)
        let expected: Double = StandardAtmosphere.flightLevel(geometricHeight: 10_000)
        #expect(abs(fl - expected) <= 0.125)
        #expect(fl == (fl * 4).rounded() / 4)
        #expect(r.descriptor?.detection.isModeS == true)
        // Without a transponder: a primary plot and no identity.
        let silent = ScanTarget(position: target.position, rcs: 20, transponder: nil)
        if case .success(let p) = Self.radar.observe(silent, at: tod, terrain: noTerrain, rng: &rng) {
            #expect(p.descriptor?.detection == .psr)
            #expect(p.mode3A == nil && p.flightLevel == nil)
        }
    }

    @Test func beyondTheInstrumentedRangeNothingIsSeen() {
        var rng = SplitMix64(seed: 5)
        let target = ScanTarget(position: Self.north(480, height: 12_000), rcs: 100, transponder: nil)
        #expect(Self.radar.observe(target, at: tod, terrain: noTerrain, rng: &rng) == .failure(.outOfRange))
    }

    @Test func falsePlotsFallInTheirSectorAndCoverage() throws {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<500 {
            let r = Self.radar.falsePlot(at: tod, azimuthFrom: 90, to: 112.5, rng: &rng)
            let polar = try #require(r.polar)
            let azimuth: Double = polar.azimuthDegrees
            #expect(azimuth >= 89.99 && azimuth < 112.51)
            #expect(polar.rangeNM <= 250)
            #expect(r.descriptor?.detection == .psr)
        }
    }
}
