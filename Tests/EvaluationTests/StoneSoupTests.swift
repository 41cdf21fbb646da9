import FoundationEssentials
import Geodesy
import Testing
@testable import Evaluation

/// Agreement with Stone Soup 1.9.1's GOSPAMetric and OSPAMetric on the sets in
/// Fixtures/gospa_vectors.json (`tools/gospa_vectors.py --check` proves the file is what Stone
/// Soup gives today).
@Suite struct StoneSoupTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            let p: Double, c: Double
            let truths: [[Double]], tracks: [[Double]]
            let gospa: Double, localisation: Double, missed: Double, `false`: Double
            let ospa: Double?
        }
        let stonesoup: String
        let cases: [Case]
    }

    static func load() throws -> Vectors {
        let folder = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
        let data = try Data(contentsOf: URL(filePath: folder + "/Fixtures/gospa_vectors.json"))
        return try JSONDecoder().decode(Vectors.self, from: data)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }

    @Test func gospaAndItsPartsMatchStoneSoup() throws {
        let vectors = try Self.load()
        #expect(vectors.cases.count >= 100)
        for v in vectors.cases {
            let g = GOSPA.between(truths: v.truths.map { PlanePoint(x: $0[0], y: $0[1]) },
                                  tracks: v.tracks.map { PlanePoint(x: $0[0], y: $0[1]) }, p: v.p, c: v.c)
            #expect(close(g.distance, v.gospa), "p \(v.p) c \(v.c) \(v.truths) \(v.tracks)")
            #expect(close(g.localisation, v.localisation) && close(g.missedCost, v.missed)
                    && close(g.falseCost, v.false), "p \(v.p) c \(v.c) \(v.truths) \(v.tracks)")
        }
    }

    @Test func ospaMatchesStoneSoup() throws {
        let cases = try Self.load().cases.filter { $0.ospa != nil }
        #expect(cases.count >= 20)
        for v in cases {
            let d = OSPA.between(truths: v.truths.map { PlanePoint(x: $0[0], y: $0[1]) },
                                 tracks: v.tracks.map { PlanePoint(x: $0[0], y: $0[1]) }, p: v.p, c: v.c)
            #expect(close(d, v.ospa!), "c \(v.c) \(v.truths) \(v.tracks)")
        }
    }
}
