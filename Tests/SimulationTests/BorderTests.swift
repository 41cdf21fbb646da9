import Foundation
import Testing
@testable import Simulation

@Suite struct BorderTests {
    /// The Sonora–Chihuahua line: diagonal from the Colorado, along 31°20′ N from Nogales, north on
    /// 108°12′30″ W, along 31°47′ N to the Rio Grande.
    let border = Border(points: [(32.4883, -114.8131), (31.3322, -111.075), (31.3322, -108.2083),
                                 (31.7833, -108.2083), (31.7833, -106.5283)])

    @Test func crossingsAndTheirDirection() {
        #expect(border.crossing(from: (31.30, -110.0), to: (31.35, -110.0)) == .northbound)
        #expect(border.crossing(from: (31.35, -110.0), to: (31.30, -110.0)) == .southbound)
        // Along the line without touching it, and far from it: nothing.
        #expect(border.crossing(from: (31.30, -110.0), to: (31.30, -109.0)) == nil)
        #expect(border.crossing(from: (29.0, -112.0), to: (29.1, -112.0)) == nil)
        // The diagonal west of Nogales: (32.0, −113.0) lies south-west of it, (32.2, −112.8) north-east.
        #expect(border.crossing(from: (32.0, -113.3), to: (32.3, -113.0)) == .northbound)
        // East of 108°12′30″ W the line is at 31°47′: crossing 31.5° there is no crossing.
        #expect(border.crossing(from: (31.45, -107.0), to: (31.55, -107.0)) == nil)
        #expect(border.crossing(from: (31.75, -107.0), to: (31.80, -107.0)) == .northbound)
    }

    /// In the shipped smoke session, unknown-2 flies north over 31.3322° N: its truth marks the
    /// crossing on the first second its own latitude is past the line, and on no other.
    @Test func theSmokeTruthMarksTheCrossing() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("recordings/smoke.truth.jsonl").path
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        let lines = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }.filter { $0["id"] as? String == "unknown-2" }
        let firstNorth = try #require(lines.first { ($0["lat"] as? Double ?? 0) > 31.3322 })
        let marked = lines.filter { ($0["events"] as? [String])?.contains("border_crossing_north") == true }
        #expect(marked.count == 1)
        #expect(marked.first?["t"] as? Double == firstNorth["t"] as? Double)
    }
}
