import Foundation
import Geodesy
import Testing
@testable import Simulation

/// The `traffic` section: airliners on airways and general aviation between airports, drawn from
/// the seed, at the rates and in the bands the scenario sets.
@Suite struct TrafficTests {
    static var tucson: [String: Any] { ["icao": "KTUS", "lat": 32.1161, "lon": -110.9410, "elevation_ft": 2643.0] }
    static var nogales: [String: Any] { ["icao": "MMNG", "lat": 31.2261, "lon": -110.9758, "elevation_ft": 3990.0] }
    static var hermosillo: [String: Any] { ["icao": "MMHO", "lat": 29.0959, "lon": -111.0479, "elevation_ft": 627.0] }

    /// The demo's radars and relief, no listed flights, one north–south airway and general
    /// aviation between three airports, for `hours`.
    static func scenario(hours: Double, airwayPerHour: Double = 30, gaPerHour: Double = 10) throws -> Scenario {
        let json = try ScenarioTests.edited { o in
            o["duration_s"] = hours * 3600
            o["flights"] = []
            o["airports"] = [tucson, nogales, hermosillo]
            o["traffic"] = [
                "airways": [["name": "Hermosillo-Tucson", "points": [[29.0, -111.2], [31.0, -111.0], [32.5, -110.9]],
                             "fl_min": 300, "fl_max": 400, "per_hour": airwayPerHour]],
                "general_aviation": ["per_hour": gaPerHour, "cruise_ft": [7500, 9500], "speed_kt": [120, 150]],
            ]
        }
        return try Scenario(json: json)
    }

    @Test func theSameSeedGivesTheSameTrafficAndAnotherSeedOther() throws {
        let s = try Self.scenario(hours: 1)
        let a = try s.session(seed: 3).flights, b = try s.session(seed: 3).flights, c = try s.session(seed: 4).flights
        #expect(a.map(\.id) == b.map(\.id) && a.map(\.start) == b.map(\.start) && a.map(\.route) == b.map(\.route))
        #expect(a.map(\.id) != c.map(\.id))
        #expect(!a.isEmpty && Set(a.map(\.id)).count == a.count)
        #expect(a.allSatisfy { $0.label == "normal" })
    }

    @Test func airlinersArriveAtTheirRateInTheirBand() throws {
        // 20 hours at 30 an hour both ways, plus those already on the 390 km airway at the start
        // (about 0.46 h of flying at 460 kt): about 614 flights, Poisson σ 25.
        let session = try Self.scenario(hours: 20, gaPerHour: 0).session(seed: 1)
        let flights = session.flights
        #expect(abs(Double(flights.count) - 614) < 5 * 25, "\(flights.count) airliners")
        var addresses = Set<String>()
        for f in flights {
            let t = try #require(f.transponder)
            // Mode S with an address and a callsign, its id.
            let address = try #require(t.address), callsign = try #require(t.callsign)
            addresses.insert("\(address)")
            #expect("\(callsign)".trimmingCharacters(in: .whitespaces) == f.id)
            // Cruise in FL300–400 on the semicircular rule: this airway runs north-north-east, so
            // odd levels northbound, even southbound.
            let level = f.start.altitude / 0.3048 / 100
            #expect(level >= 299.9 && level <= 400.1 && abs(level - (level / 10).rounded() * 10) < 0.01, "\(f.id) FL\(level)")
            let northbound = cos(f.start.heading) > 0
            let thousands = Int((level / 10).rounded())
            #expect(thousands % 2 == (northbound ? 1 : 0), "\(f.id) FL\(level) heading \(f.start.heading)")
            // Every one flies to the end of the airway.
            guard case .waypoint(let last) = f.route.last else { Issue.record("\(f.id) \(f.route)"); continue }
            let end = session.position(of: AircraftState(time: 0, east: last.east, north: last.north, altitude: 0, heading: 0, speed: 0))
            #expect(abs(end.latitude - (northbound ? 32.5 : 29.0)) < 0.01, "\(f.id)")
        }
        #expect(addresses.count == flights.count)
        // Both directions, in about equal numbers.
        let north = flights.filter { cos($0.start.heading) > 0 }.count
        #expect(abs(Double(north) - Double(flights.count) / 2) < 5 * (Double(flights.count) / 4).squareRoot())
    }

    @Test func generalAviationFliesBetweenTheAirportsAndLandsThere() throws {
        let scenario = try Self.scenario(hours: 10, airwayPerHour: 0, gaPerHour: 6)
        let session = try scenario.session(seed: 2)
        let fields = [Self.tucson, Self.nogales, Self.hermosillo].map { a in
            session.plane.enu(from: GeodeticPosition(latitude: a["lat"] as! Double, longitude: a["lon"] as! Double, height: 0))
        }
        let elevations = [Self.tucson, Self.nogales, Self.hermosillo].map { ($0["elevation_ft"] as! Double) * 0.3048 }
        // Departures over 10 h at 6 an hour (60 ± 5·7.7), plus some met in the air at the start.
        let departures = session.flights.filter(\.start.onGround)
        #expect(abs(Double(departures.count) - 60) < 5 * 60.0.squareRoot(), "\(departures.count)")
        for f in session.flights {
            #expect(f.transponder?.mode3A != nil)
            // Every one ends landing at an airport of the list, at its real elevation.
            guard case .land(let l) = f.route.last else { Issue.record("\(f.id): \(f.route)"); continue }
            let k = try #require(fields.firstIndex { abs($0.east - l.east) < 1 && abs($0.north - l.north) < 1 }, "\(f.id)")
            #expect(abs(l.elevation - elevations[k]) < 1e-6)
            // Departures stand on another one, on the ground the relief levels to its elevation.
            if f.start.onGround {
                let j = try #require(fields.firstIndex { abs($0.east - f.start.east) < 1 && abs($0.north - f.start.north) < 1 })
                #expect(j != k && abs(f.start.altitude - elevations[j]) < 1)
            }
        }
    }

    /// Flown for an hour, no generated light aircraft goes into the relief, and each one that
    /// lands does so at the airport's elevation.
    @Test func generalAviationClearsTheRelief() throws {
        let session = try Self.scenario(hours: 1, airwayPerHour: 0, gaPerHour: 12).session(seed: 5)
        #expect(session.flights.count > 5)
        for (f, t) in zip(session.flights, session.trajectories()) {
            for s in t.states where !s.onGround {
                let p = session.position(of: s)
                let ground = try #require(session.ground.height(latitude: p.latitude, longitude: p.longitude))
                #expect(s.altitude > ground - 1, "\(f.id) at \(s.time) s: \(s.altitude) m over ground at \(ground) m")
            }
        }
    }

    @Test func badTrafficSettingsAreNamed() throws {
        func error(_ change: @escaping (inout [String: Any]) -> Void) throws -> String? {
            let json = try ScenarioTests.edited { o in
                o["airports"] = [Self.tucson, Self.nogales]
                var traffic: [String: Any] = [
                    "airways": [["name": "A1", "points": [[29.0, -111.0], [32.5, -111.1]], "fl_min": 300, "fl_max": 400, "per_hour": 4]],
                    "general_aviation": ["per_hour": 2]]
                change(&traffic)
                o["traffic"] = traffic
            }
            do {
                _ = try Scenario(json: json).session()
                return nil
            } catch {
                return error.message
            }
        }
        #expect(try error { _ in } == nil)
        #expect(try error { $0["airways"] = [["name": "A1", "points": [[29.0, -111.0]], "fl_min": 300, "fl_max": 400, "per_hour": 4]] }
                == "traffic.airways[0] (A1): points must be at least two [lat, lon] pairs")
        #expect(try error { $0["airways"] = [["name": "A1", "points": [[29.0, -111.0], [32.5, -111.1]], "fl_min": 410, "fl_max": 400, "per_hour": 4]] }
                == "traffic.airways[0] (A1): fl_min must not exceed fl_max (FL0–600)")
        #expect(try error { $0["general_aviation"] = ["per_hour": 2, "airports": ["MMHO", "KTUS"]] }
                == "traffic.general_aviation.airports: MMHO is not in the scenario's airports")
        #expect(try error { $0["general_aviation"] = ["per_hour": 2, "speed_kt": [150, 120]] }?.hasPrefix("traffic.general_aviation.speed_kt must be") == true)
    }
}
