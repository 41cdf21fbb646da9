/// Every category and edition Centinela can decode, and the edition it uses when a source does
/// not say.
public enum SpecLibrary {
    /// All definitions, parsed once on first use (about a millisecond).
    public static let all: [UInt8: [Edition: CategorySpec]] = {
        var out: [UInt8: [Edition: CategorySpec]] = [:]
        for text in cat001 + cat002 + cat021 + cat034 + cat048 + cat062 + cat065 {
            var parser = SpecParser(text)
            let spec = parser.category()
            out[spec.category, default: [:]][spec.edition] = spec
        }
        return out
    }()

    /// The edition used for a category unless configured otherwise: the latest one we have, except
    /// CAT021 whose 0.x editions differ wholly from 2.x (2.x is what ADS-B stations send today).
    public static let defaultEditions: [UInt8: Edition] = {
        var out: [UInt8: Edition] = [:]
        for (cat, editions) in all {
            out[cat] = editions.keys.max()
        }
        return out
    }()

    public static func spec(category: UInt8, edition: Edition) -> CategorySpec? {
        all[category]?[edition]
    }

    public static func editions(of category: UInt8) -> [Edition] {
        (all[category]?.keys).map { $0.sorted() } ?? []
    }
}
