/// A Mode 3/A code: four octal digits A B C D in 12 bits, as SSR replies carry it (ASTERIX
/// 048/070, 062/060, 001/070, 021/070), with the validity flags that precede it in the same 16 bits.
public struct Mode3A: Hashable, Sendable, CustomStringConvertible {
    /// The 12 code bits: A4 A2 A1 B4 B2 B1 C4 C2 C1 D4 D2 D1.
    public var code: UInt16
    /// The whole 16-bit item, flags included (V G L and a spare bit above the code).
    public var flags: UInt16

    public init(item: UInt16) {
        code = item & 0x0FFF
        flags = item & 0xF000
    }

    /// From the octal text an operator reads, "7500".
    public init?(octal: some StringProtocol, flags: UInt16 = 0) {
        guard octal.count == 4, let v = UInt16(octal, radix: 8) else { return nil }
        code = v
        self.flags = flags & 0xF000
    }

    public var item: UInt16 { flags | code }
    /// V: code not validated.
    public var notValidated: Bool { flags & 0x8000 != 0 }
    /// G: garbled code.
    public var garbled: Bool { flags & 0x4000 != 0 }
    /// L: code derived from the reply of the last scan rather than this one.
    public var smoothed: Bool { flags & 0x2000 != 0 }

    /// Four octal digits, "1000".
    public var description: String {
        let s = String(code, radix: 8)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    /// 7500 hijack, 7600 radio failure, 7700 emergency.
    public var isEmergency: Bool { code == 0o7500 || code == 0o7600 || code == 0o7700 }
}
