import Asterix
import Geodesy
import Glibc
import Testing
@testable import Simulation

@Suite struct SessionReportTests {
    /// One radar, ten flights circling at 40–120 km for ten minutes, 20 false plots a scan: enough
    /// crossings to measure rates and spreads.
    static func session() throws -> Session {
        let centre = GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 0)
        let plane = try LocalTangentPlane(centre: centre)
        let site = try RadarSite(sensor: SensorID(sac: 50, sic: 1), antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))
        let radar = SimulatedRadar(site: site, scanPeriod: 6, sectors: 8, rangeSigma: 100, azimuthSigma: 0.15,
                                   detection: DetectionModel(referenceProbability: 0.8, referenceRange: 80_000,
                                                             referenceRCS: 2, ssrProbability: 0.9),
                                   falsePlotsPerScan: 20)
        let flights = (0..<10).map { i -> SimulatedFlight in
            let r = 40_000 + Double(i) * 8_000, a = Double(i) * 0.6
            let east = r * sin(a), north = r * cos(a)
            return SimulatedFlight(
                id: "F\(i)", rcs: 2,
                start: AircraftState(time: 0, east: east, north: north, altitude: 6000, heading: a + Double.pi / 2, speed: 120),
                route: [Waypoint(east: east + 200_000 * cos(a), north: north - 200_000 * sin(a), altitude: 6000, speed: 120)],
                transponder: i % 2 == 0 ? Transponder(mode3A: Mode3A(octal: "0\(i)00")) : nil)
        }
        return Session(plane: plane, start: 1_780_000_000, duration: 600, radars: [radar], flights: flights, ground: Terrain())
    }

    @Test func measuredRatesMatchTheSettings() throws {
        let session = try Self.session()
        let datagrams = session.datagrams(seed: 11)
        let report = session.report(datagrams)
        let r = try #require(report.radars.first)
        #expect(r.scans == 100)
        // Every flight stays within range and in sight over flat ground: 10 a scan.
        #expect(r.visible == 1000)
        // PSR hits against the model's expectation: within five standard deviations of a sum of
        // Bernoulli draws (variance at most n/4).
        let psrDeviation: Double = abs(Double(r.psrHits) - r.psrExpected)
        #expect(psrDeviation < 5 * (Double(r.visible) / 4).squareRoot())
        // Half the flights have a transponder: 500 chances at 0.9 → 450 ± 5·6.7.
        #expect(r.ssrChances == 500)
        #expect(abs(Double(r.ssrHits) - 450) < 5 * (500 * 0.9 * 0.1).squareRoot())
        // Noise: σ within 10 % of the setting; bias within five standard errors.
        let rangeRatio: Double = r.rangeErrors.standardDeviation / 100
        let azimuthRatio: Double = r.azimuthErrors.standardDeviation / 0.15
        #expect(abs(rangeRatio - 1) < 0.1 && abs(azimuthRatio - 1) < 0.1)
        let bias: Double = abs(r.rangeErrors.mean)
        #expect(bias < 5 * 100 / Double(r.rangeErrors.count).squareRoot() + 4)
        // False plots: 20 a scan over 100 scans → 2000 ± 5·45.
        #expect(abs(Double(r.falsePlots) - 2000) < 5 * 2000.0.squareRoot())
    }

    @Test func everyPlotIsEitherMatchedOrFalse() throws {
        let session = try Self.session()
        let datagrams = session.datagrams(seed: 12)
        let report = session.report(datagrams)
        var decoder = AsterixDecoder()
        var count = PlotCount()
        for d in datagrams { d.payload.withUnsafeBytes { _ = decoder.decode($0, into: &count) } }
        let matched = report.flights.map(\.plots).reduce(0, +)
        #expect(matched + report.radars[0].falsePlots == count.plots)
        // Flights with a transponder reply 9 times in 10 a 6 s scan: seen within the first scans and
        // never missed ten scans in a row (a chance of 1e-10).
        for f in report.flights where Int(f.id.dropFirst())! % 2 == 0 {
            #expect((f.firstSeen ?? 99) < 18)
            #expect(f.longestGap < 60)
        }
    }

    /// A flight flown into a ridge is called out: the synthetic relief of seed 1 rises above
    /// 600 m east of 110° W, and this one holds 300 m above sea level.
    @Test func aFlightIntoTheGroundIsCalledOut() throws {
        var s = try Self.session()
        s.ground = SyntheticTerrain(seed: 1)
        s.flights[0].start.altitude = 300
        s.flights[0].route = s.flights[0].route.map { leg in
            guard case .waypoint(var w) = leg else { return leg }
            w.altitude = 300
            return .waypoint(w)
        }
        let report = s.report(s.datagrams(seed: 1))
        #expect((report.flights[0].lowestAboveGround ?? 0) < 0)
        // The others fly at 6,000 m, far above any of it.
        #expect(report.flights.dropFirst().allSatisfy { ($0.lowestAboveGround ?? -1) > 3000 })
    }

    struct PlotCount: RecordVisitor {
        var plots = 0
        mutating func record(_ r: RecordView) { if r.spec.category == 48 { plots += 1 } }
        mutating func failure(_ e: DecodeError) {}
    }
}
