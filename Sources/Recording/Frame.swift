import Surveillance

/// One unit a container yields: the bytes that arrived (or were recorded) together, with when
/// and from where.
///
/// A frame is not yet split into ASTERIX data blocks: a UDP datagram may hold several blocks,
/// and splitting (with its own errors) is the decoder's job.
public struct Frame: Sendable {
    /// The frame's bytes: a slice of the whole file's bytes, so reading a recording copies
    /// nothing per frame. Indices are file offsets (`payload.startIndex == offset`).
    public var payload: ArraySlice<UInt8>
    /// When the frame was captured or recorded, if the container says.
    public var timestamp: FrameTime?
    /// Where it came from, if the container says.
    public var origin: FrameOrigin?
    /// Byte offset of the payload's first byte in the file, for error messages.
    public var offset: Int

    public init(payload: ArraySlice<UInt8>, timestamp: FrameTime? = nil, origin: FrameOrigin? = nil, offset: Int) {
        self.payload = payload
        self.timestamp = timestamp
        self.origin = origin
        self.offset = offset
    }
}

/// A frame's time as its container gives it. The two kinds are kept apart because they anchor
/// differently: a capture timestamp is absolute (it carries the date), a recorder's time of day
/// needs a date from elsewhere.
public enum FrameTime: Sendable, Hashable {
    /// Seconds since 1970-01-01 UTC (pcap, pcapng). A `Double` keeps about 0.25 µs at today's
    /// dates, so microsecond timestamps are exact and nanosecond ones are kept to a quarter µs.
    case unix(seconds: Double)
    /// UTC time of day (GPS recorder postfix, final format), no date.
    case timeOfDay(TimeOfDay)
}

/// Where a frame came from.
public enum FrameOrigin: Sendable, Hashable {
    /// A UDP datagram over IPv4 (pcap, pcapng).
    case udp(source: UDPEndpoint, destination: UDPEndpoint)
    /// An 802.3 frame with an LLC header and ASTERIX directly after it, no IP. The service
    /// access points are all that identifies the stream.
    case llc(dsap: UInt8, ssap: UInt8)
    /// A record of the "final" recorder format: the board and line it was recorded from.
    case recorder(board: UInt8, line: UInt8)
}
