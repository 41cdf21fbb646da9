/// A UAP flattened for the record scanner: per FRN (index FRN − 1) the item code and size rule.
/// A class, so the scanner holds it by one reference rather than copying its arrays per record.
final class UAPLayout: Sendable {
    static let spareCode = Int16.min
    static let rfsCode = Int16.min + 1

    let codes: [Int16]
    let rules: [SizeRule]
    /// Per FRN the item's size when fixed, else −1: the common case without touching `rules`.
    let fixedSizes: [Int32]
    let names: [String]
    /// FRN by item code (0...999), 0 when the UAP lacks the item; RE and SP kept apart.
    private let frnByCode: [UInt8]
    private let frnRE: Int?
    private let frnSP: Int?
    /// The most FSPEC bytes a record can carry under this UAP.
    let maxFSPECBytes: Int
    /// Where the UAP selector field sits: FRN index, bit offset from the item's first bit, width.
    let selectorFRN: Int?
    let selectorBitOffset: Int
    let selectorBits: Int
    /// FRN index of the item holding the 24-bit time of day (1/128 s), if the category has one.
    let timeOfDayFRN: Int?

    /// Items that carry the time of day as 24 bits of 1/128 s. A value past midnight cannot be
    /// true, and is how a wrong edition or a non-conformant feed most often shows.
    static let timeOfDayItems: [UInt8: String] = [48: "140", 62: "070", 34: "030", 2: "030", 65: "030", 21: "073"]

    init(_ uap: UAP, category: UInt8, selector: UAPSelector?, items: [String: ItemSpec]) {
        var codes: [Int16] = [], rules: [SizeRule] = [], names: [String] = []
        for slot in uap.slots {
            switch slot {
            case .item(let item):
                codes.append(Int16(item.code))
                rules.append(item.size)
                names.append(item.name)
            case .spare:
                codes.append(Self.spareCode)
                rules.append(.invalid)
                names.append("-")
            case .randomFieldSequencing:
                codes.append(Self.rfsCode)
                rules.append(.invalid)
                names.append("RFS")
            }
        }
        self.codes = codes
        self.rules = rules
        self.names = names
        self.maxFSPECBytes = (uap.slots.count + 6) / 7
        var table = [UInt8](repeating: 0, count: 1000)
        for (i, code) in codes.enumerated() where (0..<1000).contains(Int(code)) {
            table[Int(code)] = UInt8(i + 1)
        }
        frnByCode = table
        frnRE = codes.firstIndex(of: Int16(ItemSpec.reCode)).map { $0 + 1 }
        frnSP = codes.firstIndex(of: Int16(ItemSpec.spCode)).map { $0 + 1 }
        timeOfDayFRN = Self.timeOfDayItems[category].flatMap { names.firstIndex(of: $0) }
        if let selector, let frn = names.firstIndex(of: selector.item), let item = items[selector.item],
           let (offset, bits) = Self.fieldPosition(selector.field, in: item.variation) {
            selectorFRN = frn
            selectorBitOffset = offset
            selectorBits = bits
        } else {
            selectorFRN = nil
            selectorBitOffset = 0
            selectorBits = 0
        }
        fixedSizes = rules.map { if case .fixed(let n) = $0 { Int32(n) } else { -1 } }
    }

    func frn(code: Int) -> Int? {
        switch code {
        case ItemSpec.reCode: return frnRE
        case ItemSpec.spCode: return frnSP
        case 0..<1000: return frnByCode[code] == 0 ? nil : Int(frnByCode[code])
        default: return nil
        }
    }

    /// Bit offset and width of a top-level field of a group or extended item.
    private static func fieldPosition(_ field: String, in v: Variation) -> (Int, Int)? {
        let members: [Member]
        switch v {
        case .group(let m), .extended(let m): members = m
        default: return nil
        }
        var offset = 0
        for m in members {
            switch m {
            case .field(let name, let fv):
                guard let bits = fv.fixedBits else { return nil }
                if name == field { return (offset, bits) }
                offset += bits
            case .spare(let bits): offset += bits
            case .fx: offset += 1
            }
        }
        return nil
    }
}
