import Asterix
import Foundation
import Geodesy
import Testing
@testable import Simulation

@Suite struct SessionTests {
    static let centre = GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 0)

    /// One radar at the centre (12 s, 16 sectors, no false plots), one Mode S aircraft 60 km north at
    /// 3,000 m flying east at 100 m/s whose transponder goes off at 60 s, over flat sea-level ground.
    static func session(falsePlots: Double = 0) throws -> Session {
        let plane = try LocalTangentPlane(centre: centre)
        let site = try RadarSite(sensor: SensorID(sac: 50, sic: 1),
                                 antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))
        let radar = SimulatedRadar(site: site, scanPeriod: 12, sectors: 16, rangeSigma: 100, azimuthSigma: 0.15,
                                   detection: DetectionModel(referenceProbability: 0.9, referenceRange: 150_000,
                                                             referenceRCS: 2, ssrProbability: 1),
                                   falsePlotsPerScan: falsePlots)
        let flight = SimulatedFlight(
            id: "AMX401", rcs: 50,
            start: AircraftState(time: 0, east: -10_000, north: 60_000, altitude: 3000, heading: Double.pi / 2, speed: 100),
            route: [Waypoint(east: 100_000, north: 60_000, altitude: 3000, speed: 100)],
            transponder: Transponder(mode3A: Mode3A(octal: "1000"), address: ModeSAddress(0x0D0001), callsign: Callsign("AMX401")),
            transponderSwitches: [.init(time: 60, on: false)])
        return Session(plane: plane, start: 1_780_000_000, duration: 120, radars: [radar], flights: [flight], ground: Terrain())
    }

    struct Plots: RecordVisitor {
        var plots: [Cat048Record] = []
        var services = 0
        var failures = 0
        mutating func record(_ r: RecordView) {
            if r.spec.category == 48 { plots.append(Cat048Record(r)) } else { services += 1 }
        }
        mutating func failure(_ e: DecodeError) { failures += 1 }
    }

    func decode(_ datagrams: [Session.Datagram]) -> Plots {
        var decoder = AsterixDecoder()
        var v = Plots()
        for d in datagrams { d.payload.withUnsafeBytes { _ = decoder.decode($0, into: &v) } }
        return v
    }

    @Test func everySectorSendsItsMessageAndEveryScanSeesTheAircraft() throws {
        let datagrams = try Self.session().datagrams(seed: 1)
        // 120 s of 12 s revolutions in 16 sectors.
        #expect(datagrams.count == 10 * 16)
        #expect(datagrams.map(\.time) == datagrams.map(\.time).sorted())
        let v = decode(datagrams)
        #expect(v.failures == 0 && v.services == 160)
        // Large and close: seen on every one of the 10 revolutions.
        #expect(v.plots.count == 10)
    }

    @Test func plotsAreWhereTheAircraftIs() throws {
        let session = try Self.session()
        let v = decode(session.datagrams(seed: 2))
        let site = session.radars[0].site
        for p in v.plots {
            let time = try #require(p.timeOfDay).seconds(since: session.timeOfDay(0))
            let polar = try #require(p.polar)
            // Truth at the plot's time: flying east from (−10 km, 60 km) at 100 m/s.
            let truth = session.position(of: AircraftState(time: time, east: -10_000 + 100 * time, north: 60_000,
                                                           altitude: 3000, heading: Double.pi / 2, speed: 100))
            let obs = site.observe(truth)
            // 5 σ of noise plus the range LSB; the azimuth also moves 0.1° a second at this speed.
            #expect(abs(polar.rangeNM * 1852 - obs.slantRange) < 5 * 100 + 8, "t=\(time)")
            var da = polar.azimuthDegrees - obs.azimuth
            if da > 180 { da -= 360 }
            #expect(abs(da) < 5 * 0.15 + 0.01, "t=\(time)")
        }
    }

    @Test func theTransponderGoesSilentWhenSwitchedOff() throws {
        let session = try Self.session()
        let v = decode(session.datagrams(seed: 3))
        for p in v.plots {
            let time = try #require(p.timeOfDay).seconds(since: session.timeOfDay(0))
            let ssr = try #require(p.descriptor).detection.hasSSR
            #expect(ssr == (time < 60), "t=\(time)")
            #expect((p.callsign != nil) == (time < 60))
        }
        #expect(v.plots.contains { $0.descriptor?.detection == .psr })
    }

    @Test func falsePlotsArriveAtTheirRate() throws {
        let v = decode(try Self.session(falsePlots: 40).datagrams(seed: 4))
        // 10 revolutions × 40 = 400 expected (σ 20), plus the aircraft's 10.
        let psrOnly = v.plots.filter { $0.callsign == nil }.count
        #expect(abs(Double(v.plots.count - 10) - 400) < 5 * 20, "\(v.plots.count) plots, \(psrOnly) without identity")
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let s = try Self.session(falsePlots: 10)
        #expect(s.datagrams(seed: 7).map(\.payload) == s.datagrams(seed: 7).map(\.payload))
        #expect(s.datagrams(seed: 7).map(\.payload) != s.datagrams(seed: 8).map(\.payload))
    }

    @Test func truthIsOneJSONLineASecond() throws {
        let lines = String(decoding: try Self.session().truthLines(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 121)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "AMX401" && first["label"] as? String == "normal")
        #expect(first["alt_m"] as? Double == 3000 && first["transponder"] as? Bool == true)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[120].utf8)) as? [String: Any])
        #expect(last["transponder"] as? Bool == false)
        #expect(abs((last["heading_deg"] as? Double ?? 0) - 90) < 1e-6)
    }
}
