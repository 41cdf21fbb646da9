import Asterix
import Foundation
import Geodesy
import Testing
@testable import Simulation

/// The race-track hold and the airdrop, flown and written to the truth.
@Suite struct HoldAndDropTests {
    /// A hold on the origin, inbound course north, 60 s legs at 100 m/s, three laps, entered from
    /// 10 km south heading north.
    static func holdPath(clockwise: Bool) -> (path: [AircraftState], radius: Double) {
        let model = FlightModel()
        let hold = Hold(east: 0, north: 0, inboundCourse: 0, legTime: 60, laps: 3, altitude: 1000, speed: 100, clockwise: clockwise)
        let start = AircraftState(time: 0, east: 0, north: -10_000, altitude: 1000, heading: 0, speed: 100)
        return (model.fly(from: start, route: hold.legs(model: model), until: 3600), model.turnRadius(speed: 100))
    }

    @Test func aHoldIsARaceTrackOnTheTurnSideFlownLapByLap() throws {
        for clockwise in [true, false] {
            let (path, r) = Self.holdPath(clockwise: clockwise)
            #expect(path.last!.time < 3600, "the hold ends")
            let pattern = path.drop { $0.north < -300 }
            let side: Double = clockwise ? 1 : -1
            // The pattern lies on the turn side of the inbound course (east for right turns),
            // two turn radii wide and about a 6 km leg (60 s at 100 m/s) plus the turns long.
            for s in pattern {
                #expect(side * s.east > -300 && side * s.east < 2 * r + 400, "east \(s.east) at \(s.time) s")
                #expect(s.north < r + 400 && s.north > -6000 - r - 400, "north \(s.north) at \(s.time) s")
            }
            // Back over the fix, heading north, once per lap: the entry and three laps.
            var passes = 0
            for (a, b) in zip(pattern, pattern.dropFirst()) where a.north < 0 && b.north >= 0 && abs(b.east) < 400 { passes += 1 }
            #expect(passes == 3, "\(passes) passes over the fix")
            // Each lap: two half turns at the bank's radius and two straight legs, about 2πr/v + 2×60 s.
            let lap = 2 * Double.pi * r / 100 + 120
            let span = pattern.last!.time - pattern.first!.time
            #expect(abs(span - 3 * lap) < 0.2 * 3 * lap, "\(span) s for three laps of \(lap) s")
        }
    }

    @Test func aDropIsMarkedOnceWhereItHappensAndChangesNothingElse() throws {
        let plane = try LocalTangentPlane(centre: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 0))
        let site = try RadarSite(sensor: SensorID(sac: 50, sic: 1), antenna: GeodeticPosition(latitude: 31.0, longitude: -111.0, height: 15))
        let orbit = Orbit(east: 0, north: 5000, radius: 600, altitude: 150, speed: 23, turns: 1)
        let start = AircraftState(time: 0, east: 0, north: 0, altitude: 150, heading: 0, speed: 23)
        func session(_ route: [Leg]) -> Session {
            Session(plane: plane, start: 1_780_000_000, duration: 900, radars: [SimulatedRadar(site: site)],
                    flights: [SimulatedFlight(id: "ultralight-1", label: "suspect:ultralight-incursion", rcs: 0.4, start: start,
                                              route: route, transponder: nil)], ground: Terrain())
        }
        let with = session([.orbit(orbit), .drop, .waypoint(Waypoint(east: 0, north: -2000, altitude: 150, speed: 23))])
        let without = session([.orbit(orbit), .waypoint(Waypoint(east: 0, north: -2000, altitude: 150, speed: 23))])
        let lines = String(decoding: with.truthLines(), as: UTF8.self).split(separator: "\n").map(String.init)
        let plain = String(decoding: without.truthLines(), as: UTF8.self).split(separator: "\n").map(String.init)
        // Same flight line for line, but for the one event.
        #expect(lines.count == plain.count)
        let marked = lines.indices.filter { lines[$0] != plain[$0] }
        #expect(marked.count == 1)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(lines[marked[0]].utf8)) as? [String: Any])
        #expect(line["events"] as? [String] == ["drop"])
        // At the end of the orbit: back where it joined the circle, about one turn's time in.
        let t = try #require(line["t"] as? Double)
        #expect(abs(t - (5000 - 600) / 23 - 2 * Double.pi * 600 / 23) < 60, "drop at \(t) s")
    }

    @Test func holdAndDropAreReadFromTheScenario() throws {
        let hold: [String: Any] = ["lat": 31.0, "lon": -110.9, "inbound_course_deg": 90, "leg_s": 45, "laps": 2,
                                   "alt_ft": 3000, "speed_kt": 100, "direction": "left"]
        let session = try Scenario(json: ManoeuvreScenarioTests.withFlight(route: [["hold": hold], ["drop": [:]]])).session()
        let f = session.flights[5]
        // The fix, then four legs a lap, then the drop.
        #expect(f.route.count == 1 + 2 * 4 + 1 && f.route.last == .drop)
        guard case .orbit(let turn) = f.route[1] else { Issue.record("\(f.route)"); return }
        #expect(turn.turns == 0.5 && !turn.clockwise && abs(turn.speed - 100 * 1852 / 3600) < 1e-9)
        var bad = hold
        bad["laps"] = 0
        #expect(throws: ScenarioError(message: "flights[5] (strip-6): route[0].hold.laps must be within 1–100")) {
            try Scenario(json: ManoeuvreScenarioTests.withFlight(route: [["hold": bad]])).session()
        }
    }
}
