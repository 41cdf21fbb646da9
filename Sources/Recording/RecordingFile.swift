/// Opening a recording by path.
public enum RecordingFile {
    /// Recordings are read whole; past this many bytes (read, or inflated from gzip) they are
    /// refused rather than exhaust memory.
    public static let maximumSize = 4 << 30

    /// Reads the whole file and returns a reader for it.
    ///
    /// - Parameters:
    ///   - format: the container; nil detects it (`ContainerFormat.detect`).
    ///   - framing: how UDP payloads are laid out; only pcap and pcapng carry UDP, so anything
    ///     but `.plain` for another format is an error rather than silently ignored.
    /// - Throws: `ContainerError` naming the path: the file cannot be read, or its header is
    ///   not valid for the format.
    public static func open(path: String, format: ContainerFormat? = nil, framing: PayloadFraming = .plain) throws(ContainerError) -> RecordingFile.Reader {
        let bytes = try load(path: path)
        // `x.gps.gz` is detected as `x.gps` would be.
        let name = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
        do {
            return Reader(path: path, reader: try reader(bytes: bytes, format: format ?? ContainerFormat.detect(bytes: bytes, path: name), framing: framing))
        } catch {
            var e = error
            e.path = path
            throw e
        }
    }

    /// The whole content of a file, for callers that want to hold it themselves. A gzip file
    /// (known by its first bytes, whatever its name) is returned inflated.
    ///
    /// - Parameter limit: the most bytes accepted, read or inflated; tests set a small one.
    public static func load(path: String, limit: Int = maximumSize) throws(ContainerError) -> [UInt8] {
        let bytes = try FileBytes.read(path: path, limit: limit)
        guard Gzip.isGzip(bytes) else { return bytes }
        do {
            return try Gzip.inflate(bytes, limit: limit)
        } catch {
            var e = error
            e.path = path
            throw e
        }
    }

    /// Writes a whole file (a truth file, a terrain tile), creating or truncating it; gzip
    /// compressed when the path ends in `.gz`, so that `load` gives `bytes` back either way.
    public static func save(path: String, bytes: [UInt8]) throws(ContainerError) {
        try FileBytes.write(path: path, path.hasSuffix(".gz") ? Gzip.deflate(bytes) : bytes)
    }

    /// A reader over bytes already in memory.
    public static func reader(bytes: [UInt8], format: ContainerFormat, framing: PayloadFraming = .plain) throws(ContainerError) -> RecordingReader {
        if framing != .plain, format != .pcap, format != .pcapng {
            throw ContainerError(.unsupported, offset: 0, "\(framing) framing applies to the UDP payloads of pcap and pcapng files, not to a \(format) file")
        }
        switch format {
        case .raw: return .raw(RawReader(bytes: bytes))
        case .pcap: return .pcap(try PcapReader(bytes: bytes, framing: framing))
        case .pcapng: return .pcapng(try PcapngReader(bytes: bytes, framing: framing))
        case .gps: return .gps(try GPSReader(bytes: bytes))
        case .final: return .final(FinalReader(bytes: bytes))
        }
    }

    /// A `RecordingReader` that puts its file's path into every error.
    public struct Reader: Sendable {
        public let path: String
        public private(set) var reader: RecordingReader

        public var format: ContainerFormat { reader.format }
        public var skipped: SkipCounts { reader.skipped }

        public mutating func next() throws(ContainerError) -> Frame? {
            do {
                return try reader.next()
            } catch {
                var e = error
                e.path = path
                throw e
            }
        }

        /// Every remaining frame. For tests and small files; a replay should pull frames one
        /// at a time.
        public mutating func readAll() throws(ContainerError) -> [Frame] {
            var frames: [Frame] = []
            while let frame = try next() { frames.append(frame) }
            return frames
        }
    }
}
