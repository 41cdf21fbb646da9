import Asterix
import Foundation
import Geodesy
import Testing
@testable import Simulation

/// A session with a clandestine landing: the radar loses the aircraft while it stands on the strip
/// and finds it again after take-off; the truth says when it was on the ground and what happened.
@Suite struct LandingSessionTests {
    static let deg = Double.pi / 180

    /// One radar at the centre (4 s, 16 sectors, no false plots) over flat sea-level ground; a
    /// transponder-equipped aircraft from 40 km north at 1,000 m lands southbound at a strip 8 km
    /// north of the radar, stands 180 s, takes off northbound to 1,000 m. Transponder off at 120 s,
    /// on again at 200 s.
    static func session() throws -> Session {
        let plane = try LocalTangentPlane(centre: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 0))
        let site = try RadarSite(sensor: SensorID(sac: 50, sic: 1),
                                 antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))
        let radar = SimulatedRadar(site: site, scanPeriod: 4, sectors: 16, rangeSigma: 50, azimuthSigma: 0.1,
                                   detection: DetectionModel(referenceProbability: 0.95, referenceRange: 150_000,
                                                             referenceRCS: 2, ssrProbability: 1),
                                   falsePlotsPerScan: 0)
        let flight = SimulatedFlight(
            id: "strip-1", label: "suspect:clandestine-landing", rcs: 20,
            start: AircraftState(time: 0, east: 0, north: 40_000, altitude: 1000, heading: Double.pi, speed: 55),
            route: [.land(Landing(east: 0, north: 8000, elevation: 0, approachHeading: Double.pi, speed: 35, groundTime: 180)),
                    .takeOff(TakeOff(heading: 0, altitude: 1000, speed: 45))],
            transponder: Transponder(mode3A: Mode3A(octal: "4001"), address: ModeSAddress(0x0D0002), callsign: Callsign("XBABC")),
            transponderSwitches: [.init(time: 120, on: false), .init(time: 200, on: true)])
        return Session(plane: plane, start: 1_780_000_000, duration: 1500, radars: [radar], flights: [flight], ground: Terrain())
    }

    /// Touchdown and lift-off seconds, from the flown path.
    static func groundInterval(_ s: Session) throws -> (touchdown: Double, liftOff: Double) {
        let f = s.flights[0]
        let path = f.model.fly(from: f.start, route: f.route, until: s.duration)
        let down = try #require(path.firstIndex { $0.onGround })
        let up = try #require(path[down...].firstIndex { !$0.onGround })
        return (path[down].time, path[up].time)
    }

    struct Plots: RecordVisitor {
        var plots: [Cat048Record] = []
        mutating func record(_ r: RecordView) { if r.spec.category == 48 { plots.append(Cat048Record(r)) } }
        mutating func failure(_ e: DecodeError) { Issue.record("\(e)") }
    }

    @Test func noPlotsWhileOnTheGroundAndPlotsAgainAfterTakeOff() throws {
        let session = try Self.session()
        let (down, up) = try Self.groundInterval(session)
        // Three minutes on the ground plus the roll: many revolutions without the aircraft.
        #expect(up - down > 180)
        var decoder = AsterixDecoder()
        var v = Plots()
        for d in session.datagrams(seed: 11) { d.payload.withUnsafeBytes { _ = decoder.decode($0, into: &v) } }
        let times = try v.plots.map { try #require($0.timeOfDay).seconds(since: session.timeOfDay(0)) }
        // Interpolation between the touchdown second and the one before can still count as airborne.
        #expect(times.filter { $0 > down && $0 < up - 1 }.isEmpty, "\(times.filter { $0 > down && $0 < up - 1 })")
        // Seen on final (8 km out, low but above the horizon) and again within two minutes of lift-off.
        #expect(times.filter { $0 < down && $0 > down - 120 }.count > 10)
        #expect(times.filter { $0 >= up && $0 < up + 120 }.count > 10)
    }

    @Test func truthSaysOnGroundAndTheEventsAtTheirSeconds() throws {
        let session = try Self.session()
        let (down, up) = try Self.groundInterval(session)
        let lines = try String(decoding: session.truthLines(), as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        var events: [Double: [String]] = [:]
        for line in lines {
            let t = try #require(line["t"] as? Double)
            let onGround = try #require(line["on_ground"] as? Bool)
            #expect(onGround == (t >= down && t < up), "t=\(t)")
            if onGround { #expect(line["alt_m"] as? Double == 0 && line["speed_mps"] as? Double ?? 1 < 40) }
            if let e = line["events"] as? [String] { events[t] = e }
        }
        #expect(events == [120: ["transponder_off"], 200: ["transponder_on"], down: ["landing"], up: ["take_off"]])
    }
}
