/// A 24-bit ICAO aircraft address (Mode S), printed as 6 upper-case hex digits.
public struct ModeSAddress: Hashable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value & 0xFF_FFFF }

    public init?(hex: some StringProtocol) {
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        value = v
    }

    public var description: String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 6 - s.count) + s
    }
}
