/// Reads the token form that `tools/asterix_schema.py` writes into `Specs/`:
/// `CAT 48 1.31 I 010 G 2 N SAC E 8 r N SIC E 8 r … U - 28 010 140 … [SEL 020 TYP 2 0 plot 1 track]`.
/// The input is compiled into the binary, so a malformed definition is a build defect: it traps
/// with the offending token rather than limping on.
struct SpecParser {
    private var tokens: [Substring]
    private var i = 0

    init(_ text: String) {
        tokens = text.split(separator: " ")
    }

    private mutating func next() -> Substring {
        precondition(i < tokens.count, "ASTERIX definition ends early")
        defer { i += 1 }
        return tokens[i]
    }

    private mutating func int() -> Int {
        let t = next()
        guard let v = Int(t) else { preconditionFailure("ASTERIX definition: expected a number, got \(t)") }
        return v
    }

    private mutating func expect(_ word: String) {
        let t = next()
        precondition(t == word, "ASTERIX definition: expected \(word), got \(t)")
    }

    mutating func category() -> CategorySpec {
        expect("CAT")
        let cat = UInt8(int())
        guard let edition = Edition(next()) else { preconditionFailure("ASTERIX definition: bad edition") }
        var items: [String: ItemSpec] = [:]
        var uaps: [UAP] = []
        var selector: UAPSelector?
        while i < tokens.count {
            switch next() {
            case "I":
                let name = String(next())
                items[name] = ItemSpec(name: name, variation: variation())
            case "U":
                let name = String(next())
                let count = int()
                var slots: [UAPSlot] = []
                for _ in 0..<count {
                    let entry = next()
                    switch entry {
                    case "-": slots.append(.spare)
                    case "rfs": slots.append(.randomFieldSequencing)
                    default:
                        guard let item = items[String(entry)] else { preconditionFailure("UAP names unknown item \(entry)") }
                        slots.append(.item(item))
                    }
                }
                uaps.append(UAP(name: name, slots: slots))
            case "SEL":
                let item = String(next()), field = String(next())
                var cases: [Int: Int] = [:]
                for _ in 0..<int() {
                    let value = int()
                    let name = next()
                    guard let index = uaps.firstIndex(where: { $0.name == name }) else { preconditionFailure("selector names unknown UAP") }
                    cases[value] = index
                }
                selector = UAPSelector(item: item, field: field, cases: cases)
            case let t:
                preconditionFailure("ASTERIX definition: unexpected \(t)")
            }
        }
        return CategorySpec(category: cat, edition: edition, items: items, uaps: uaps, selector: selector)
    }

    private mutating func variation() -> Variation {
        switch next() {
        case "E":
            let bits = int()
            return .element(bits: bits, content: content())
        case "G":
            return .group((0..<int()).map { _ in member() })
        case "X":
            return .extended((0..<int()).map { _ in member() })
        case "R":
            let countBytes = int()
            return .repetitive(countBytes: countBytes, variation())
        case "RF":
            return .repetitiveFX(variation())
        case "P":
            return .explicit
        case "C":
            return .compound((0..<int()).map { _ in
                if tokens[i] == "-" {
                    i += 1
                    return nil
                }
                expect("N")
                let name = String(next())
                return Subitem(name: name, variation: variation())
            })
        case let t:
            preconditionFailure("ASTERIX definition: unknown variation \(t)")
        }
    }

    private mutating func member() -> Member {
        switch next() {
        case "F": return .fx
        case "S": return .spare(bits: int())
        case "N":
            let name = String(next())
            return .field(name: name, variation())
        case let t:
            preconditionFailure("ASTERIX definition: unknown member \(t)")
        }
    }

    private mutating func content() -> Content {
        switch next() {
        case "r": return .raw
        case "t": return .table
        case "sa": return .stringASCII
        case "si": return .stringICAO
        case "so": return .stringOctal
        case "iu": return .integer(signed: false)
        case "is": return .integer(signed: true)
        case let q where q == "qu" || q == "qs":
            guard let lsb = Double(next()) else { preconditionFailure("ASTERIX definition: bad LSB") }
            let unit = next()
            return .quantity(signed: q == "qs", lsb: lsb, unit: unit == "-" ? "" : String(unit))
        case let t:
            preconditionFailure("ASTERIX definition: unknown content \(t)")
        }
    }
}
