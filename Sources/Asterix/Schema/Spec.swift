/// The structure of ASTERIX items as the category documents define it, read from the generated
/// definitions in `Specs/` (see `tools/asterix_schema.py`). This is what lets the decoder size
/// every item of every supported edition, and print any item with its fields named.

/// What an element's bits mean.
public enum Content: Sendable, Equatable {
    case raw
    case table
    case integer(signed: Bool)
    case quantity(signed: Bool, lsb: Double, unit: String)
    case stringASCII
    case stringICAO
    case stringOctal
}

public indirect enum Variation: Sendable {
    case element(bits: Int, content: Content)
    /// Members packed bit by bit.
    case group([Member])
    /// Members packed bit by bit; `.fx` members are the extension bits that say whether the next
    /// part follows.
    case extended([Member])
    /// A count in `countBytes` bytes, then that many repetitions.
    case repetitive(countBytes: Int, Variation)
    /// Repetitions each ending with an FX bit.
    case repetitiveFX(Variation)
    /// A length byte (counting itself), then opaque bytes: RE and SP fields.
    case explicit
    /// Its own FSPEC, then the subitems it marks present; nil marks a spare slot.
    case compound([Subitem?])

    /// Size in bits when fixed (an element or a group of fixed members).
    public var fixedBits: Int? {
        switch self {
        case .element(let bits, _): return bits
        case .group(let members):
            var total = 0
            for m in members {
                switch m {
                case .field(_, let v):
                    guard let b = v.fixedBits else { return nil }
                    total += b
                case .spare(let bits): total += bits
                case .fx: return nil
                }
            }
            return total
        default: return nil
        }
    }
}

public enum Member: Sendable {
    case field(name: String, Variation)
    case spare(bits: Int)
    case fx
}

public struct Subitem: Sendable {
    public let name: String
    public let variation: Variation
}

/// One data item of a category: "010", "140", "RE", "SP".
public struct ItemSpec: Sendable {
    public let name: String
    /// The item number as an integer ("040" → 40), or `ItemSpec.reCode` / `spCode`: lets typed
    /// decoders switch on an integer instead of a string.
    public let code: Int
    public let variation: Variation
    let size: SizeRule

    public static let reCode = -1
    public static let spCode = -2

    init(name: String, variation: Variation) {
        self.name = name
        self.code = Int(name) ?? (name == "RE" ? Self.reCode : Self.spCode)
        self.variation = variation
        self.size = SizeRule(variation)
    }
}

/// What a field reference number (FRN) of a UAP stands for.
public enum UAPSlot: Sendable {
    case item(ItemSpec)
    /// "-" in the UAP: not used; a record that sets it fits no rule.
    case spare
    /// Random field sequencing (CAT001): repeats of (FRN, item) pairs.
    case randomFieldSequencing
}

/// The user application profile: which item each FSPEC bit stands for.
public struct UAP: Sendable {
    public let name: String
    public let slots: [UAPSlot]
}

/// A category at one edition. A class: records refer to it, and a reference costs one word.
public final class CategorySpec: Sendable {
    public let category: UInt8
    public let edition: Edition
    public let items: [String: ItemSpec]
    /// One UAP, or several chosen by `selector` (CAT001: plot or track by I001/020 TYP).
    public let uaps: [UAP]
    public let selector: UAPSelector?
    /// Per UAP, what the record scanner needs by FRN.
    let layouts: [UAPLayout]

    init(category: UInt8, edition: Edition, items: [String: ItemSpec], uaps: [UAP], selector: UAPSelector?) {
        self.category = category
        self.edition = edition
        self.items = items
        self.uaps = uaps
        self.selector = selector
        self.layouts = uaps.map { UAPLayout($0, category: category, selector: selector, items: items) }
    }

    /// "I048/040"
    public func label(_ item: String) -> String {
        let c = String(category)
        return "I" + String(repeating: "0", count: 3 - c.count) + c + "/" + item
    }
}

/// Chooses the UAP of a record from a field of an item that every UAP places first-alike.
public struct UAPSelector: Sendable {
    public let item: String
    public let field: String
    /// Field value → index into `uaps`.
    public let cases: [Int: Int]
}

/// An edition number such as 1.31; compared numerically (1.4 < 1.31 is false as text, true here).
public struct Edition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// "1.31" → Edition(1, 31); nil when not of that shape.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b >= 0 else { return nil }
        self.init(major: a, minor: b)
    }

    public static func < (a: Edition, b: Edition) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
    public var description: String { "\(major).\(minor)" }
}
