/// Which edition of each category a source speaks. Records do not say, and the wrong edition often
/// "parses" into garbage, so it is configured: per category, and where one radar of a network
/// differs, per category and source (SAC/SIC). `standard` holds the defaults.
public struct EditionTable: Sendable {
    private var specs: [CategorySpec?]
    /// Per-source exceptions, keyed by category << 16 | SAC << 8 | SIC.
    private var bySource: [UInt32: CategorySpec] = [:]
    /// Categories that have per-source exceptions: only their records pay for the look-up.
    private var hasSourceEditions = [Bool](repeating: false, count: 256)

    public static let standard = EditionTable()

    public init() {
        specs = Array(repeating: nil, count: 256)
        for (cat, edition) in SpecLibrary.defaultEditions {
            specs[Int(cat)] = SpecLibrary.spec(category: cat, edition: edition)
        }
    }

    /// The definition used for a category's records when their source has no exception.
    public subscript(category: UInt8) -> CategorySpec? { specs[Int(category)] }

    /// The definition for a record of `category` from `source`.
    public subscript(category: UInt8, source: SensorID) -> CategorySpec? {
        bySource[Self.key(category, source)] ?? specs[Int(category)]
    }

    func hasSourceEditions(_ category: UInt8) -> Bool { hasSourceEditions[Int(category)] }

    /// Uses `edition` for `category`, for every source or only for `source`; false when we have no
    /// such definition.
    @discardableResult
    public mutating func use(_ edition: Edition, for category: UInt8, source: SensorID? = nil) -> Bool {
        guard let spec = SpecLibrary.spec(category: category, edition: edition) else { return false }
        if let source {
            bySource[Self.key(category, source)] = spec
            hasSourceEditions[Int(category)] = true
        } else {
            specs[Int(category)] = spec
        }
        return true
    }

    private static func key(_ category: UInt8, _ s: SensorID) -> UInt32 {
        UInt32(category) << 16 | UInt32(s.sac) << 8 | UInt32(s.sic)
    }
}
