/// Why a container (or the pcap writer) could not go on, where, and in words a person can act on.
///
/// Readers throw this only for problems that end the file: a length that cannot be trusted
/// means the next record cannot be found. Problems confined to one packet (not UDP, a fragment,
/// a truncated capture) are counted in `SkipCounts` instead. After a reader throws, its `next()`
/// returns nil.
public struct ContainerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file could not be opened, read or written.
        case io
        /// The file header is not one this format allows (magic, version, byte-order mark).
        case badFileHeader
        /// A header or a body runs past the end of the file.
        case truncated
        /// A length field the format does not allow: smaller than its own header, not a
        /// multiple of 4, or disagreeing with the other copy of itself.
        case badLength
        /// The bytes around a record are not what the format puts there (final-format padding).
        case badFraming
        /// A gzip file's compressed data cannot be inflated, or its checksum does not match.
        case badCompression
        /// A valid feature this module does not handle (a link type, a framing for a format).
        case unsupported
        /// The writer was given a datagram larger than UDP over IPv4 can carry.
        case datagramTooLarge
        /// The writer was given a time a pcap record cannot hold.
        case badTimestamp
    }

    public var kind: Kind
    /// Byte offset in the file (for the writer: in the output) where the problem is.
    public var offset: Int
    /// What is wrong, including the offset, without the file name.
    public var message: String
    /// The file, when the error went through `RecordingFile` or `PcapFileWriter`.
    public var path: String?

    public init(_ kind: Kind, offset: Int, _ message: String, path: String? = nil) {
        self.kind = kind
        self.offset = offset
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
