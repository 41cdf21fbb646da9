import FoundationEssentials
import Testing
@testable import Evaluation

/// The report as a table for people and JSON for tools, on the scripted session of
/// ContinuityTests (one break, one identity switch, one false track).
@Suite struct ReportRenderingTests {
    func report() throws -> EvaluationReport {
        try ContinuityTests().session().evaluate { $0.detectionWindow = 3 }
    }

    @Test func theTableHasTheTotalsAndARowPerFlight() throws {
        let text = try report().text()
        #expect(text.contains("track breaks 1; identity switches 1; false tracks 1 of 4 confirmed"))
        let rows = text.split(separator: "\n")
        let a = rows.first { $0.hasPrefix("A ") }?.split(separator: " ", omittingEmptySubsequences: true)
        // flight, label, detectable, tracked, complete, breaks, latency, error (its tracks stand
        // on it), tracks
        #expect(a == ["A", "normal", "40", "40", "100.0", "%", "1", "0.0", "s", "0", "m", "1", "2"])
        #expect(rows.contains { $0.hasPrefix("    5 ") && $0.contains("yes") })
    }

    @Test func theJSONCarriesTheSameNumbers() throws {
        let r = try report()
        struct Shape: Decodable {
            struct Flight: Decodable { let id: String; let breaks: Int; let tracks: [Int]; let latency: Double? }
            struct Instant: Decodable { let t: Double; let gospa: Double; let missed: Int; let `false`: Int }
            let breaks: Int, identitySwitches: Int, falseTracks: Int, meanGospa: Double
            let flights: [Flight], instants: [Instant]
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let s = try decoder.decode(Shape.self, from: Data(r.json()))
        #expect(s.breaks == 1 && s.identitySwitches == 1 && s.falseTracks == 1)
        #expect(s.flights.map(\.id) == ["A", "B", "C"] && s.flights[0].tracks == [1, 2])
        #expect(s.instants.count == 40 && s.instants[15].gospa == 1000 && s.instants[15].missed == 1
                && s.instants[15].false == 1)
        #expect(s.meanGospa == r.meanGOSPA)
    }
}
