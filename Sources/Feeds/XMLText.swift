/// Text written into XML as bytes, for Cursor on Target and the history's KML.
public enum XMLText {
    /// Text as XML character data or an attribute value: the five markup characters as entities,
    /// tab, newline and carriage return as character references (an attribute would otherwise
    /// fold them into spaces), and the other control characters, which XML 1.0 cannot carry at
    /// all, as U+FFFD.
    public static func appendEscaped(_ s: String, _ out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0..<0x20: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: out.append(b)
            }
        }
    }
}
