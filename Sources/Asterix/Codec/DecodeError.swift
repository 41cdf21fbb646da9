/// Why a data block could not be decoded to its end. The records before the failure were
/// delivered; the rest of the block is skipped (records carry no length, so there is no way to
/// find the next one), and decoding goes on with the next block.
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Fewer than 3 bytes left for a block header.
        case truncatedHeader(available: Int)
        /// LEN smaller than the 3-byte header.
        case blockLengthTooSmall(Int)
        /// LEN runs past the end of the datagram or file.
        case blockLengthOverrun(length: Int, available: Int)
        /// No definition of this category (the block is skipped whole; not a fault of the data).
        case unsupportedCategory
        case fspecTruncated
        /// FX bits run past the last FRN of the UAP.
        case fspecTooLong
        case emptyFSPEC
        /// The FSPEC sets an FRN the UAP leaves unused.
        case undefinedFRN(Int)
        /// Random field sequencing (CAT001 FRN 21) is not decoded.
        case randomFieldSequencing
        /// A time of day at or past 24:00 (in 1/128 s).
        case timeOfDayOutOfRange(UInt32)
        case item(SizeFailure)
    }

    public var category: UInt8
    public var edition: Edition?
    /// The item being read, as "I048/240", when the failure is inside one.
    public var item: String?
    /// Byte offset in the buffer given to the decoder.
    public var offset: Int
    public var reason: Reason

    public init(category: UInt8, edition: Edition?, item: String?, offset: Int, reason: Reason) {
        self.category = category
        self.edition = edition
        self.item = item
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        var s = "CAT\(category < 10 ? "00" : category < 100 ? "0" : "")\(category)"
        if let edition { s += " ed. \(edition)" }
        if let item { s += " \(item)" }
        s += " at byte \(offset): "
        switch reason {
        case .truncatedHeader(let n): s += "only \(n) byte(s) left, a data block header needs 3"
        case .blockLengthTooSmall(let n): s += "data block LEN \(n) is smaller than its 3-byte header"
        case .blockLengthOverrun(let len, let avail): s += "data block LEN \(len) runs past the end (\(avail) bytes left)"
        case .unsupportedCategory: s += "category not supported, block skipped"
        case .fspecTruncated: s += "FSPEC cut off by the end of the block"
        case .fspecTooLong: s += "FSPEC extends past the last FRN of the UAP (wrong edition or corrupt data)"
        case .emptyFSPEC: s += "record with an empty FSPEC"
        case .undefinedFRN(let frn): s += "FSPEC sets FRN \(frn), which this edition does not use (wrong edition?)"
        case .randomFieldSequencing: s += "random field sequencing is not supported"
        case .timeOfDayOutOfRange(let t): s += "time of day \(Double(t) / 128) s is past midnight (wrong edition or corrupt data)"
        case .item(.truncated): s += "item runs past the end of the block"
        case .item(.extensionBeyondDefinition): s += "FX bit set on the last extension this edition defines (wrong edition?)"
        case .item(.zeroExplicitLength): s += "explicit item with length 0"
        case .item(.undefinedSubitem(let n)): s += "compound marks subitem \(n), which this edition does not define"
        case .item(.compoundFSPECTooLong): s += "compound FSPEC longer than its subitems"
        case .item(.invalidDefinition): s += "item definition not byte-aligned"
        }
        return s
    }
}
