/// Which edition of each category a source speaks. Records do not say, and the wrong edition often
/// "parses" into garbage, so it is configured per source; `standard` holds the defaults.
public struct EditionTable: Sendable {
    private var specs: [CategorySpec?]

    public static let standard = EditionTable()

    public init() {
        specs = Array(repeating: nil, count: 256)
        for (cat, edition) in SpecLibrary.defaultEditions {
            specs[Int(cat)] = SpecLibrary.spec(category: cat, edition: edition)
        }
    }

    public subscript(category: UInt8) -> CategorySpec? { specs[Int(category)] }

    /// Uses `edition` for `category`; false when we have no such definition.
    @discardableResult
    public mutating func use(_ edition: Edition, for category: UInt8) -> Bool {
        guard let spec = SpecLibrary.spec(category: category, edition: edition) else { return false }
        specs[Int(category)] = spec
        return true
    }
}
