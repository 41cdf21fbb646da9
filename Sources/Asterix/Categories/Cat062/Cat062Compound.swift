#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the compound items of CAT062 (290, 295, 380, 500): their own FSPEC, then
/// the subfields it marks. The record scanner has already sized the whole item by the edition's
/// definition, but these readers check every byte they take again, so a hand-made or damaged view
/// ends in a `SizeFailure`, never a trap.
struct Cat062CompoundReader {
    let bytes: UnsafeRawBufferPointer
    /// Next byte to read.
    private(set) var position: Int
    /// Bit `i` set: subfield `i + 1` is present.
    let present: UInt64
    /// FSPEC octets as received.
    let fspecOctets: Int

    /// Reads the FSPEC of a compound whose definition has `subfields` subfields, none spare.
    init(_ bytes: UnsafeRawBufferPointer, subfields: Int) throws(SizeFailure) {
        self.bytes = bytes
        let maxOctets = (subfields + 6) / 7
        var n = 0
        var present: UInt64 = 0
        repeat {
            guard n < maxOctets else { throw .compoundFSPECTooLong }
            guard n < bytes.count else { throw .truncated }
            let octet = bytes[n]
            for bit in 0..<7 where octet & (0x80 >> UInt8(bit)) != 0 {
                let index = n * 7 + bit
                guard index < subfields else { throw .undefinedSubitem(index + 1) }
                present |= 1 << UInt64(index)
            }
            n += 1
        } while bytes[n - 1] & 1 == 1
        self.present = present
        self.fspecOctets = n
        self.position = n
    }

    func has(_ number: Int) -> Bool { present & (1 << UInt64(number - 1)) != 0 }

    /// The next `count` bytes of the item.
    mutating func take(_ count: Int) throws(SizeFailure) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - position else { throw .truncated }
        let out = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
        position += count
        return out
    }

    /// Every byte of the item read: otherwise the typed layout and the edition's disagree.
    func finish() throws(SizeFailure) {
        guard position == bytes.count else { throw .invalidDefinition }
    }

    /// The octet count to remember so that a non-minimal FSPEC (trailing empty octets) re-encodes
    /// as received; 0 for the usual, minimal one.
    var extraFSPECHint: UInt8 {
        fspecOctets > Cat062CompoundWriter.minimalOctets(present) ? UInt8(fspecOctets) : 0
    }
}

enum Cat062CompoundWriter {
    /// FSPEC octets needed for the subfields in `present` (at least one).
    static func minimalOctets(_ present: UInt64) -> Int {
        guard present != 0 else { return 1 }
        let highest = 63 - present.leadingZeroBitCount
        return highest / 7 + 1
    }

    static func writeFSPEC(_ present: UInt64, atLeast: UInt8, into w: inout DataBlockWriter) {
        let n = max(minimalOctets(present), Int(atLeast))
        for octet in 0..<n {
            var v: UInt8 = 0
            for bit in 0..<7 where present & (1 << UInt64(octet * 7 + bit)) != 0 {
                v |= 0x80 >> UInt8(bit)
            }
            if octet < n - 1 { v |= 1 }
            w.u8(v)
        }
    }
}
