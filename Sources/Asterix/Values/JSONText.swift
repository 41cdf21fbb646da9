/// Writes JSON text by hand: the decode command prints millions of values, and a hand-built line
/// is several times faster than `JSONEncoder` and keeps key order fixed.
public enum JSONText {
    public static func append(_ value: ItemValue, to out: inout String) {
        switch value {
        case .integer(let i): out += String(i)
        case .number(let d): appendNumber(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let values):
            out += "["
            for (i, v) in values.enumerated() {
                if i > 0 { out += "," }
                append(v, to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (i, f) in fields.enumerated() {
                if i > 0 { out += "," }
                appendString(f.name, to: &out)
                out += ":"
                append(f.value, to: &out)
            }
            out += "}"
        }
    }

    /// Shortest text that reads back as the same double; integral values without ".0" noise
    /// would be ambiguous for readers, so they keep it (`330.0`).
    public static func appendNumber(_ d: Double, to out: inout String) {
        out += d.isFinite ? d.description : "null"
    }

    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
