/// An aircraft identification of 8 characters in the ICAO 6-bit alphabet (48 bits), as Mode S
/// transponders report it (ASTERIX 048/240, 062/380 ID, 021/170). Stored as the raw 48 bits so that a record re-encodes
/// byte for byte, even when a transponder sent characters outside the alphabet.
public struct Callsign: Hashable, Sendable, CustomStringConvertible {
    public var bits: UInt64

    public init(bits: UInt64) { self.bits = bits & 0xFFFF_FFFF_FFFF }

    /// From text: letters, digits and spaces, at most 8; padded with spaces.
    public init?(_ text: some StringProtocol) {
        guard text.count <= 8 else { return nil }
        var v: UInt64 = 0
        var n = 0
        for ch in text.uppercased().unicodeScalars {
            let c: UInt64
            switch ch.value {
            case 65...90: c = UInt64(ch.value - 64)
            case 48...57, 32: c = UInt64(ch.value)
            default: return nil
            }
            v = v << 6 | c
            n += 1
        }
        while n < 8 { v = v << 6 | 32; n += 1 }
        bits = v
    }

    /// Characters outside the ICAO alphabet show as "?"; trailing and leading spaces are trimmed.
    public var description: String {
        var chars: [Character] = []
        for k in stride(from: 42, through: 0, by: -6) {
            chars.append(Callsign.character(Int((bits >> UInt64(k)) & 0x3F)))
        }
        return Callsign.trimmed(String(chars))
    }

    /// The ICAO 6-bit alphabet (Annex 10 vol. IV): A–Z, space, 0–9; anything else is not a
    /// character a callsign can hold and shows as "?".
    public static func character(_ c: Int) -> Character {
        switch c {
        case 1...26: return Character(Unicode.Scalar(UInt8(64 + c)))
        case 32: return " "
        case 48...57: return Character(Unicode.Scalar(UInt8(c)))
        default: return "?"
        }
    }

    public static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while sub.first == " " { sub.removeFirst() }
        while sub.last == " " { sub.removeLast() }
        return String(sub)
    }

    /// True when every character is a letter, digit or space.
    public var isValid: Bool { !description.contains("?") }
}
