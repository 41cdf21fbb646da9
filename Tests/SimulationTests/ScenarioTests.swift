import Foundation
import Testing
@testable import Simulation

@Suite struct ScenarioTests {
    static let demoPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings/demo.scenario.json").path

    static func demo() throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: demoPath)))
    }

    /// The demo with one change made to its JSON object.
    static func edited(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(demo())) as? [String: Any])
        change(&object)
        return [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    func error(_ json: [UInt8]) -> String? {
        do {
            _ = try Scenario(json: json).session()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theShippedDemoLoads() throws {
        let scenario = try Scenario(json: Self.demo())
        let session = try scenario.session()
        #expect(session.radars.count == 2 && session.flights.count == 5)
        #expect(session.radars[1].scanPeriod == 4.8)
        #expect(session.flights.filter { $0.transponder == nil }.map(\.id) == ["unknown-1"])
        #expect(session.flights[4].transponderOn(at: 89) && !session.flights[4].transponderOn(at: 91))
        // 2026-05-28T04:10:00Z is 1,779,941,400 s after 1970 (20,601 days and 15,000 s).
        #expect(try scenario.startTime() == 20_601 * 86_400 + 15_000)
    }

    @Test func brokenFilesSayWhatIsWrong() throws {
        let demo = try Self.demo()
        #expect(error(Array(demo.prefix(demo.count / 2)))?.hasPrefix("not valid JSON") == true)
        #expect(error(Array("[]".utf8))?.contains("wrong type") == true)
        #expect(error(try Self.edited { $0["radars"] = nil }) == "missing radars")
        #expect(error(try Self.edited { $0["duration_s"] = "long" })?.hasPrefix("wrong type at duration_s") == true)
        #expect(error(try Self.edited { $0["start"] = "yesterday" })?.hasPrefix("start: 'yesterday'") == true)
        #expect(error(try Self.edited { $0["duration_s"] = 1e9 })?.hasPrefix("duration_s") == true)
        #expect(error(try Self.edited { $0["radars"] = [] }) == "radars: at least one is needed")
    }

    @Test func badRadarsAndFlightsAreNamed() throws {
        func radar(_ change: @escaping (inout [String: Any]) -> Void) throws -> [UInt8] {
            try Self.edited { o in
                var radars = o["radars"] as! [[String: Any]]
                change(&radars[1])
                o["radars"] = radars
            }
        }
        func flight(_ change: @escaping (inout [String: Any]) -> Void) throws -> [UInt8] {
            try Self.edited { o in
                var flights = o["flights"] as! [[String: Any]]
                change(&flights[0])
                o["flights"] = flights
            }
        }
        #expect(error(try radar { $0["sic"] = 1 }) == "radars[1] (Agua Prieta terminal): SAC/SIC 50/1 is used twice")
        #expect(error(try radar { $0["port"] = 8601 })?.contains("port 8601 is outside 1–65535 or used twice") == true)
        #expect(error(try radar { $0["port"] = 70_000 })?.contains("port 70000") == true)
        #expect(error(try radar { $0["range_nm"] = 400 })?.contains("range_nm 400") == true)
        #expect(error(try radar { $0["lat"] = 95 })?.hasPrefix("radars[1] (Agua Prieta terminal):") == true)
        #expect(error(try radar { $0["sac"] = 300 }) == "radars[1] (Agua Prieta terminal): SAC 300 and SIC 2 must each be 0–255")
        #expect(error(try flight { $0["transponder"] = ["mode3a": "7800"] }) == "flights[0] (AMX401): mode3a '7800' is not four octal digits")
        #expect(error(try flight { $0["transponder"] = ["callsign": "WAY-TOO-LONG"] })?.contains("callsign") == true)
        #expect(error(try flight { $0["rcs_m2"] = -1 }) == "flights[0] (AMX401): rcs_m2 must be positive")
        #expect(error(try flight { $0["id"] = "VOI1234" })?.contains("id used twice") == true)
        #expect(error(try radar { $0["sigma_range_m"] = nil }) == "missing radars[1].sigma_range_m")
    }
}
