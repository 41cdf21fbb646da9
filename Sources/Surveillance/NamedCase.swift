/// An enumeration whose cases have the names the feeds and the store write (`confirmed`,
/// `psr_only`, `raised`), and are read back by them.
public protocol NamedCase: CaseIterable {
    var name: String { get }
}

extension NamedCase {
    /// The case of that name; nil for any other text.
    public init?(name: String) {
        guard let c = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = c
    }
}
