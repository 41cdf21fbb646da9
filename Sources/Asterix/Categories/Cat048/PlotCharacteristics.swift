/// I048/130: radar plot characteristics, a compound of seven one-octet subitems (SRL, SRR, SAM,
/// PRL, PAM, RPD, APD). Kept as its bytes (FSPEC and subitems, at most 8), read on demand.
public struct PlotCharacteristics: Hashable, Sendable {
    public var bytes: UInt64
    public var count: Int

    init(_ b: UnsafeRawBufferPointer) {
        var v: UInt64 = 0
        count = min(b.count, 8)
        for i in 0..<count { v |= UInt64(b[i]) << (56 - 8 * UInt64(i)) }
        bytes = v
    }

    /// The raw octet of subitem 1...7, if present.
    public func subitem(_ n: Int) -> UInt8? {
        let fspec = UInt8(bytes >> 56)
        guard (1...7).contains(n), fspec & (0x80 >> UInt8(n - 1)) != 0 else { return nil }
        var index = 1
        for k in 1..<n where fspec & (0x80 >> UInt8(k - 1)) != 0 { index += 1 }
        return index < count ? UInt8((bytes >> (56 - 8 * UInt64(index))) & 0xFF) : nil
    }

    /// SSR plot runlength, degrees.
    public var ssrRunlength: Double? { subitem(1).map { Double($0) * 360 / 8192 } }
    /// Number of received SSR replies.
    public var ssrReplies: Int? { subitem(2).map(Int.init) }
    /// SSR amplitude of replies, dBm.
    public var ssrAmplitude: Int? { subitem(3).map { Int(Int8(bitPattern: $0)) } }
    /// PSR plot runlength, degrees.
    public var psrRunlength: Double? { subitem(4).map { Double($0) * 360 / 8192 } }
    /// PSR amplitude, dBm.
    public var psrAmplitude: Int? { subitem(5).map { Int(Int8(bitPattern: $0)) } }

    func write(into w: inout DataBlockWriter) {
        for i in 0..<count { w.u8(UInt8((bytes >> (56 - 8 * UInt64(i))) & 0xFF)) }
    }
}
