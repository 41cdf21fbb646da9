extension Callsign {
    /// From 6 bytes of an item (048/240, 062/380 ID, 021/170).
    public init(_ b: UnsafeRawBufferPointer, at i: Int) {
        var v: UInt64 = 0
        for k in 0..<6 { v = v << 8 | UInt64(b[i + k]) }
        self.init(bits: v)
    }

    public func write(into w: inout DataBlockWriter) {
        for k in stride(from: 40, through: 0, by: -8) { w.u8(UInt8((bits >> UInt64(k)) & 0xFF)) }
    }
}
