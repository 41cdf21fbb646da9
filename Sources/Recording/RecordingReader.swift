/// Any of the container readers behind one `next()`. An enum rather than an existential, so
/// the per-frame call is a switch, not a dynamic dispatch through a box.
public enum RecordingReader: Sendable {
    case raw(RawReader)
    case pcap(PcapReader)
    case pcapng(PcapngReader)
    case gps(GPSReader)
    case final(FinalReader)

    public var format: ContainerFormat {
        switch self {
        case .raw: .raw
        case .pcap: .pcap
        case .pcapng: .pcapng
        case .gps: .gps
        case .final: .final
        }
    }

    /// Packets skipped by a pcap or pcapng reader (the other formats skip nothing).
    public var skipped: SkipCounts {
        switch self {
        case .pcap(let r): r.skipped
        case .pcapng(let r): r.skipped
        case .raw, .gps, .final: SkipCounts()
        }
    }

    /// The next frame, nil at the end. After an error, nil.
    ///
    /// `consume self` moves the inner reader out instead of copying it, so its arrays (skip
    /// counts) stay uniquely referenced and are mutated in place. Measured on 1M frames with a
    /// skip before each: release builds allocate nothing per frame with or without it (the
    /// optimizer removes the copy); debug builds save one allocation per call. Every path,
    /// the throwing one included (`defer`), puts the reader back.
    public mutating func next() throws(ContainerError) -> Frame? {
        switch consume self {
        case .raw(var r):
            defer { self = .raw(r) }
            return try r.next()
        case .pcap(var r):
            defer { self = .pcap(r) }
            return try r.next()
        case .pcapng(var r):
            defer { self = .pcapng(r) }
            return try r.next()
        case .gps(var r):
            defer { self = .gps(r) }
            return try r.next()
        case .final(var r):
            defer { self = .final(r) }
            return try r.next()
        }
    }

    /// Every remaining frame. For tests and small files; a replay should pull frames one at a
    /// time.
    public mutating func readAll() throws(ContainerError) -> [Frame] {
        var frames: [Frame] = []
        while let frame = try next() { frames.append(frame) }
        return frames
    }
}
