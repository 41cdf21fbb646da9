/// Big-endian reads from an item's bytes. Callers read items the record scanner has already
/// sized, so offsets within an item's fixed length are in bounds by construction.
extension UnsafeRawBufferPointer {
    @inline(__always) public func u8(_ i: Int) -> UInt8 { self[i] }
    @inline(__always) public func u16(_ i: Int) -> UInt16 { UInt16(self[i]) << 8 | UInt16(self[i + 1]) }
    @inline(__always) public func u24(_ i: Int) -> UInt32 {
        UInt32(self[i]) << 16 | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2])
    }
    @inline(__always) public func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) << 16 | UInt32(u16(i + 2)) }
    /// Two's complement of `bytes` bytes at `i`.
    @inline(__always) public func int(_ i: Int, bytes: Int) -> Int {
        var v = Int(Int8(bitPattern: self[i]))
        for k in 1..<Swift.max(bytes, 1) { v = v << 8 | Int(self[i + k]) }
        return v
    }
}
