/// Byte order of a multi-byte field. pcap and pcapng files are written in the byte order of the
/// machine that captured them; network headers (Ethernet, IPv4, UDP, ASTERIX) are big-endian.
enum ByteOrder: Sendable, Hashable {
    case bigEndian, littleEndian
}

/// Bounds-checked reads at absolute indices of a file's bytes.
///
/// Every read returns nil instead of trapping when the bytes are not there (the model is NIO's
/// `ByteBuffer.getInteger`), so each parser of an untrusted file has to say what short input
/// means. Indices are absolute: the readers keep the whole file as one `ArraySlice` starting at
/// index 0, so an index is also the byte offset reported in errors.
extension ArraySlice where Element == UInt8 {
    /// True when `count` bytes starting at `index` lie inside the slice. Written so that a huge
    /// `count` read from a file (a length of 0xFFFFFFFF) cannot overflow the arithmetic.
    @inline(__always)
    func has(_ count: Int, at index: Int) -> Bool {
        count >= 0 && index >= startIndex && index <= endIndex && count <= endIndex - index
    }

    /// The bytes left from `index` to the end (0 when `index` is past the end).
    @inline(__always)
    func remaining(from index: Int) -> Int {
        index < endIndex ? endIndex - Swift.max(index, startIndex) : 0
    }

    @inline(__always)
    func u8(at index: Int) -> UInt8? {
        has(1, at: index) ? self[index] : nil
    }

    @inline(__always)
    func u16(at index: Int, _ order: ByteOrder = .bigEndian) -> UInt16? {
        guard has(2, at: index) else { return nil }
        let a = UInt16(self[index]), b = UInt16(self[index + 1])
        return order == .bigEndian ? a << 8 | b : b << 8 | a
    }

    /// A 24-bit big-endian value (ASTERIX time of day, the final format's time).
    @inline(__always)
    func u24(at index: Int) -> UInt32? {
        guard has(3, at: index) else { return nil }
        return UInt32(self[index]) << 16 | UInt32(self[index + 1]) << 8 | UInt32(self[index + 2])
    }

    @inline(__always)
    func u32(at index: Int, _ order: ByteOrder = .bigEndian) -> UInt32? {
        guard has(4, at: index) else { return nil }
        let a = UInt32(self[index]), b = UInt32(self[index + 1])
        let c = UInt32(self[index + 2]), d = UInt32(self[index + 3])
        return order == .bigEndian
            ? a << 24 | b << 16 | c << 8 | d
            : d << 24 | c << 16 | b << 8 | a
    }

    /// `count` bytes from `index`, sharing this slice's storage (no copy), or nil if they are
    /// not all there.
    @inline(__always)
    func slice(at index: Int, count: Int) -> ArraySlice<UInt8>? {
        has(count, at: index) ? self[index ..< index + count] : nil
    }
}

/// Hexadecimal text for error messages, e.g. `0x0A0D0D0A`.
func hex(_ value: some FixedWidthInteger, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}
