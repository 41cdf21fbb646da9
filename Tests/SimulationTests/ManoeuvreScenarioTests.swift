import Foundation
import Testing
@testable import Simulation

/// Orbits, landings and take-offs written in scenario files: read into legs, and refused with a
/// message naming the flight and the entry when wrong.
@Suite struct ManoeuvreScenarioTests {
    static let knots = 1852.0 / 3600

    /// The demo with a sixth flight, `strip-6`, with this route (and extra keys).
    static func withFlight(route: [Any], extra: [String: Any] = [:]) throws -> [UInt8] {
        try ScenarioTests.edited { o in
            var flights = o["flights"] as! [[String: Any]]
            var f: [String: Any] = ["id": "strip-6", "label": "suspect:clandestine-landing", "rcs_m2": 3, "heading_deg": 0,
                                    "start": ["lat": 30.9, "lon": -110.9, "alt_ft": 1500, "speed_kt": 120], "route": route]
            f.merge(extra) { $1 }
            flights.append(f)
            o["flights"] = flights
        }
    }

    static var orbit: [String: Any] { ["lat": 31.0, "lon": -110.9, "radius_nm": 0.5, "turns": 2, "alt_ft": 2000, "speed_kt": 90, "direction": "left"] }
    static var land: [String: Any] { ["lat": 31.1, "lon": -110.9, "approach_heading_deg": 0, "ground_s": 300] }
    static var takeOff: [String: Any] { ["heading_deg": 180, "climb_to_ft": 6000, "speed_kt": 100] }

    func error(_ json: [UInt8]) -> String? {
        do {
            _ = try Scenario(json: json).session()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func manoeuvresAreReadIntoLegs() throws {
        let json = try Self.withFlight(route: [["orbit": Self.orbit], ["land": Self.land], ["take_off": Self.takeOff],
                                               ["lat": 30.5, "lon": -110.9, "alt_ft": 3000, "speed_kt": 120]])
        let session = try Scenario(json: json).session()
        let f = session.flights[5]
        #expect(f.route.count == 4)
        guard case .orbit(let o) = f.route[0], case .land(let l) = f.route[1], case .takeOff(let t) = f.route[2],
              case .waypoint(let w) = f.route[3] else {
            Issue.record("legs: \(f.route)")
            return
        }
        #expect(abs(o.radius - 926) < 1e-9 && o.turns == 2 && o.duration == nil && !o.clockwise)
        #expect(abs(o.speed - 90 * Self.knots) < 1e-9 && abs(o.altitude - 2000 * 0.3048) < 1e-9)
        // No elevation given: the demo's relief under the strip. No speed: the speed before, capped at 80 kt.
        let relief = SyntheticTerrain(seed: 1).groundHeight(latitude: 31.1, longitude: -110.9)
        #expect(abs(l.elevation - relief) < 1e-9 && l.groundTime == 300 && l.approachHeading == 0)
        #expect(abs(l.speed - 80 * Self.knots) < 1e-9)
        #expect(abs(t.heading - Double.pi) < 1e-12 && abs(t.altitude - 6000 * 0.3048) < 1e-9)
        #expect(abs(w.altitude - 3000 * 0.3048) < 1e-9)
        // The scenario round-trips through its own encoding.
        let scenario = try Scenario(json: json)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        #expect(try Scenario(json: [UInt8](encoder.encode(scenario))) == scenario)
        // And it flies: the strip is reached and left within the demo's extended duration.
        let path = f.model.fly(from: f.start, route: f.route, until: 7200)
        #expect(path.contains { $0.onGround } && path.last?.onGround == false)
    }

    @Test func aFlightCanStartOnTheGround() throws {
        let json = try Self.withFlight(route: [["take_off": Self.takeOff]], extra: ["start_on_ground_s": 60])
        let f = try Scenario(json: json).session().flights[5]
        let relief = SyntheticTerrain(seed: 1).groundHeight(latitude: 30.9, longitude: -110.9)
        #expect(f.start.onGround && f.start.speed == 0 && abs(f.start.altitude - relief) < 1e-9)
        #expect(f.route.first == .wait(60))
        // A land entry's own elevation wins over the ground's.
        var land = Self.land
        land["elevation_ft"] = 1000
        let g = try Scenario(json: Self.withFlight(route: [["land": land]])).session().flights[5]
        guard case .land(let l) = g.route[0] else { Issue.record("\(g.route)"); return }
        #expect(abs(l.elevation - 304.8) < 1e-9)
    }

    @Test func badEntriesAreNamed() throws {
        func with(_ key: String, _ base: [String: Any], _ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var entry = base
            change(&entry)
            return try Self.withFlight(route: [[key: entry]])
        }
        let at = "flights[5] (strip-6): route[0]"
        #expect(error(try with("orbit", Self.orbit) { $0["radius_nm"] = -1 }) == "\(at).orbit.radius_nm must be positive")
        #expect(error(try with("orbit", Self.orbit) { $0["bank_deg"] = 30 }) == "\(at).orbit: give radius_nm or bank_deg, not both")
        #expect(error(try with("orbit", Self.orbit) { $0["duration_s"] = 30 }) == "\(at).orbit: give turns or duration_s, not both")
        #expect(error(try with("orbit", Self.orbit) { $0["direction"] = "widdershins" }) == "\(at).orbit.direction must be left or right")
        #expect(error(try with("orbit", Self.orbit) { $0["radius_nm"] = 0.01 })?.hasPrefix("\(at).orbit.radius_nm is too tight") == true)
        #expect(error(try with("orbit", Self.orbit) { $0["alt_ft"] = nil }) == "missing flights[5].route[0].orbit.alt_ft")
        #expect(error(try with("land", Self.land) { $0["approach_heading_deg"] = 400 }) == "\(at).land.approach_heading_deg must be within 0–360")
        #expect(error(try with("land", Self.land) { $0["ground_s"] = -5 }) == "\(at).land.ground_s must be within 0–86400 s")
        #expect(error(try with("land", Self.land) { $0["lat"] = 120 }) == "\(at).land.lat/lon out of range")
        #expect(error(try with("take_off", Self.takeOff) { _ in })
                == "\(at).take_off: the aircraft is flying; only a landing or start_on_ground_s puts it on the ground")
        #expect(error(try Self.withFlight(route: [["land": Self.land], ["land": Self.land]]))
                == "flights[5] (strip-6): route[1].land: the aircraft is already on the ground; a take_off must come first")
        #expect(error(try Self.withFlight(route: [["land": Self.land], ["lat": 30.5, "lon": -110.9, "alt_ft": 3000, "speed_kt": 120]]))
                == "flights[5] (strip-6): route[1]: the aircraft is on the ground; a take_off must come first")
        var low = Self.takeOff
        low["climb_to_ft"] = 10
        #expect(error(try Self.withFlight(route: [["land": Self.land], ["take_off": low]]))?
                    .hasPrefix("flights[5] (strip-6): route[1].take_off.climb_to_ft must be above the ground") == true)
        #expect(error(try Self.withFlight(route: [["orbit": Self.orbit]], extra: ["start_on_ground_s": 60]))
                == "flights[5] (strip-6): start_on_ground_s needs a take_off as route[0]")
        #expect(error(try Self.withFlight(route: [["loiter": Self.orbit]]))?
                    .hasPrefix("bad value at flights[5].route[0]: a route entry is a point") == true)
        #expect(error(try Self.withFlight(route: [["orbit": Self.orbit, "land": Self.land]]))?
                    .hasPrefix("bad value at flights[5].route[0]") == true)
    }
}
