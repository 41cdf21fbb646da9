import Surveillance

/// A live capture written as pcap files, rotated by size and/or time so a capture can run for
/// months: without rotation everything goes to `path`; with it each file is named after `path`
/// and the UTC time of its first datagram (`night.pcap` → `night-20261129T231700Z.pcap`,
/// `-2`, `-3`… added should two start in the same second).
///
/// Not `Sendable`: it owns the open file; use it from one task.
public final class RotatingCapture {
    public struct Rotation: Sendable, Equatable {
        /// Start a new file before one would pass this many bytes (at least one datagram a file).
        public var maxBytes: Int?
        /// Start a new file once the current one spans this many seconds of receive time.
        public var maxSeconds: Double?

        public init(maxBytes: Int? = nil, maxSeconds: Double? = nil) {
            self.maxBytes = maxBytes
            self.maxSeconds = maxSeconds
        }

        public var rotates: Bool { maxBytes != nil || maxSeconds != nil }
    }

    public let path: String
    public let rotation: Rotation
    /// Every file written so far, the open one last.
    public private(set) var files: [String] = []
    /// Datagrams written, over all files.
    public private(set) var datagrams = 0
    private var current: PcapFileWriter?
    private var currentBytes = 0
    private var currentStart = 0.0

    public init(path: String, rotation: Rotation = Rotation()) {
        self.path = path
        self.rotation = rotation
    }

    /// Appends one datagram (see `PcapWriter.write` for what it refuses), opening the next file
    /// first when the current one is full or old enough.
    public func write(_ payload: some Collection<UInt8>, timestamp: Double,
                      source: UDPEndpoint = PcapWriter.defaultSource,
                      destination: UDPEndpoint = PcapWriter.defaultDestination) throws(ContainerError) {
        let size = PcapWriter.recordBytes(payload: payload.count)
        if let file = current {
            let full = rotation.maxBytes.map { currentBytes + size > $0 } ?? false
            let old = rotation.maxSeconds.map { timestamp - currentStart >= $0 } ?? false
            if full || old {
                try file.close()
                current = nil
            }
        }
        if current == nil { try open(startingAt: timestamp) }
        try current!.write(payload, timestamp: timestamp, source: source, destination: destination)
        currentBytes += size
        datagrams += 1
    }

    /// Writes out what is buffered (call now and then, so a crash loses little).
    public func flush() throws(ContainerError) { try current?.flush() }

    /// Flushes and closes the open file.
    public func close() throws(ContainerError) {
        try current?.close()
        current = nil
    }

    private func open(startingAt time: Double) throws(ContainerError) {
        var name = path
        if rotation.rotates {
            let base = path.hasSuffix(".pcap") ? String(path.dropLast(5)) : path
            let stamp = base + "-" + Self.compactUTC(time)
            name = stamp + ".pcap"
            var n = 2
            while files.contains(name) {
                name = "\(stamp)-\(n).pcap"
                n += 1
            }
        }
        current = try PcapFileWriter(path: name)
        files.append(name)
        currentBytes = PcapWriter.headerBytes
        currentStart = time
    }

    /// `20261129T231700Z` for a time in seconds since 1970.
    static func compactUTC(_ t: Double) -> String {
        let s = Int((t.isFinite ? t : 0).rounded(.down))
        let (days, secs) = s.quotientAndRemainder(dividingBy: 86_400)
        let (y, m, d) = CivilDate.of(daysSince1970: Int64(days))
        func two(_ v: some BinaryInteger) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)\(two(m))\(two(d))T\(two(secs / 3600))\(two(secs / 60 % 60))\(two(secs % 60))Z"
    }
}
