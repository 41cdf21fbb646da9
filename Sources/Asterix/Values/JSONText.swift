/// Writes JSON as UTF-8 bytes by hand: the decode command prints millions of values, and bytes
/// appended to one reused buffer are several times faster than `JSONEncoder` or `String`
/// concatenation, with key order fixed.
public enum JSONText {
    public static func append(_ value: ItemValue, to out: inout [UInt8]) {
        switch value {
        case .integer(let i): appendInteger(i, to: &out)
        case .number(let d): appendNumber(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (i, v) in values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(v, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, f) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(f.name, to: &out)
                out.append(UInt8(ascii: ":"))
                append(f.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    public static func appendInteger(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var v = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(d[k]) }
        }
    }

    /// Shortest text that reads back as the same double; integral values keep their ".0"
    /// (`330.0`) so readers see a number of the item's unit, not a count.
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        out.append(contentsOf: (d.isFinite ? d.description : "null").utf8)
    }

    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(UInt8(ascii: b < 0x10 ? "0" : "1"))
                out.append(Array("0123456789abcdef".utf8)[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
