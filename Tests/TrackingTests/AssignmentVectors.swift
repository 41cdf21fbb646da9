import FoundationEssentials

/// The problems tools/assignment_vectors.py solved with scipy's `linear_sum_assignment`
/// (`--check` proves the file is what scipy gives today).
struct AssignmentVectors: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        let kind: String
        let rows: Int
        let columns: Int
        /// nil: no unassigned cost (every row or every column assigned).
        let unassignedCost: Double?
        /// Row-major; nil forbids the pair.
        let costs: [Double?]
        /// scipy's optimum; nil when no complete assignment exists.
        let total: Double?

        var matrix: [Double] { costs.map { $0 ?? .infinity } }
        var description: String { "\(kind) \(rows)×\(columns)" }
    }

    let scipy: String
    let cases: [Case]

    static func load() throws -> AssignmentVectors {
        let folder = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
        let data = try Data(contentsOf: URL(filePath: folder + "/Fixtures/assignment_vectors.json"))
        return try JSONDecoder().decode(AssignmentVectors.self, from: data)
    }
}
