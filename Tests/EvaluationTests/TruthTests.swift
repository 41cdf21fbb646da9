import FoundationEssentials
import Testing
@testable import Evaluation

/// Reading truth files: the header, the index, and bad input named by line.
@Suite struct TruthTests {
    static let a0 = #"{"t":0.0,"id":"A","label":"normal","lat":31.5,"lon":-110.5,"alt_m":3000.0,"agl_m":null,"speed_mps":100.0,"heading_deg":90.0,"vrate_mps":0.0,"transponder":true,"on_ground":false}"#
    static let a1 = #"{"t":1.0,"id":"A","label":"normal","lat":31.5,"lon":-110.49,"alt_m":3000.0,"agl_m":null,"speed_mps":100.0,"heading_deg":90.0,"vrate_mps":0.0,"transponder":true,"on_ground":false}"#
    static let b0 = #"{"t":0.0,"id":"B","label":"suspect:low-level","lat":31.0,"lon":-110.0,"alt_m":300.0,"agl_m":50.0,"speed_mps":60.0,"heading_deg":0.0,"vrate_mps":0.0,"transponder":false,"on_ground":false}"#

    func read(_ lines: [String], start: Double? = 0) throws(TruthError) -> Truth {
        try Truth(bytes: Array(lines.joined(separator: "\n").utf8), start: start)
    }

    func error(_ lines: [String], start: Double? = 0) -> TruthError? {
        do { _ = try read(lines, start: start); return nil } catch { return error }
    }

    @Test func aHeaderGivesTheStartOfSessionSecondZero() throws {
        let truth = try read([#"{"scenario":"smoke","start":"2026-05-28T04:30:00Z","seed":1}"#, Self.a0], start: nil)
        #expect(truth.start == 1_779_942_600)  // 2026-05-28 04:30:00 UTC
        #expect(truth.startFromHeader && truth.scenario == "smoke")
        #expect(truth.flights.map(\.id) == ["A"])
    }

    @Test func withoutAHeaderTheCallerGivesTheStart() throws {
        let truth = try read([Self.a0, Self.a1], start: 1_779_942_600)
        #expect(truth.start == 1_779_942_600 && !truth.startFromHeader && truth.scenario == nil)
        #expect(error([Self.a0], start: nil) == .noStart)
    }

    @Test func samplesAreIndexedByFlightAndTime() throws {
        // Lines out of order, flights interleaved, a trailing newline and a CRLF.
        let truth = try Truth(bytes: Array((Self.a1 + "\r\n" + Self.b0 + "\n" + Self.a0 + "\n").utf8), start: 0)
        #expect(truth.flights.map(\.id) == ["A", "B"])
        #expect(truth.flight("A")?.samples.map(\.t) == [0, 1])
        #expect(truth.flight("A")?.sample(at: 1)?.lon == -110.49)
        #expect(truth.flight("A")?.sample(at: 0.5) == nil)
        #expect(truth.flight("A")?.index(atOrBefore: 0.5) == 0)
        #expect(truth.flight("B")?.label == "suspect:low-level")
        #expect(truth.flight("C") == nil)
        #expect(truth.span == 0...1)
    }

    @Test func theShippedSmokeTruthReads() throws {
        let folder = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
        let data = try Data(contentsOf: URL(filePath: folder + "/../../recordings/smoke.truth.jsonl"))
        let truth = try Truth(bytes: Array(data), start: 0)
        // Samples per flight, counted from the text itself (every sample line has "id":"…").
        var expected: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let key = line.firstRange(of: #""id":""#) else { continue }
            let rest = line[key.upperBound...]
            expected[String(rest.prefix { $0 != "\"" }), default: 0] += 1
        }
        #expect(truth.flights.map(\.id) == expected.keys.sorted())
        #expect(truth.flights.allSatisfy { $0.samples.count == expected[$0.id] })
        #expect(truth.flights.allSatisfy { f in zip(f.samples, f.samples.dropFirst()).allSatisfy { $0.t < $1.t } })
    }

    @Test func aTruncatedLineIsNamed() {
        #expect(error([Self.a0, Self.b0, String(Self.a1.prefix(40))]) == .notJSON(line: 3))
    }

    @Test func aLineThatIsNotJSONIsNamed() {
        #expect(error([Self.a0, "t=1 id=A lat=31.5"]) == .notJSON(line: 2))
        #expect(error([Self.a0, "[1, 2]"]) == .notJSON(line: 2))
    }

    @Test func aWrongTypeNamesLineAndKey() {
        let bad = Self.a1.replacing(#""lat":31.5"#, with: #""lat":"31.5""#)
        #expect(error([Self.a0, bad]) == .wrongType(line: 2, field: "lat"))
        let null = Self.a1.replacing(#""alt_m":3000.0"#, with: #""alt_m":null"#)
        #expect(error([Self.a0, null]) == .wrongType(line: 2, field: "alt_m"))
    }

    @Test func aMissingKeyNamesLineAndKey() {
        let bad = Self.a1.replacing(#""speed_mps":100.0,"#, with: "")
        #expect(error([Self.a0, Self.b0, bad]) == .missingField(line: 3, field: "speed_mps"))
    }

    @Test func anImpossiblePositionIsRefused() {
        let bad = Self.a1.replacing(#""lat":31.5"#, with: #""lat":95.0"#)
        #expect(error([Self.a0, bad]) == .outOfRange(line: 2, field: "lat", value: 95))
    }

    @Test func aSecondSampleOfTheSameSecondIsRefused() {
        #expect(error([Self.a0, Self.b0, Self.a0]) == .duplicate(line: 3, flight: "A", t: 0))
    }

    @Test func emptyFilesAndHeadersAloneHaveNoSamples() {
        #expect(error([]) == .empty)
        #expect(error(["", "  "]) == .empty)
        #expect(error([#"{"scenario":"smoke","start":"2026-05-28T04:30:00Z"}"#]) == .empty)
    }

    @Test func aBadHeaderStartIsNamed() {
        #expect(error([#"{"scenario":"smoke","start":"yesterday"}"#, Self.a0]) == .badStart(line: 1, value: "yesterday"))
    }

    @Test func errorsSayWhereForPeople() {
        #expect(TruthError.wrongType(line: 7, field: "lat").description.contains("line 7"))
        #expect(TruthError.wrongType(line: 7, field: "lat").line == 7)
    }
}
