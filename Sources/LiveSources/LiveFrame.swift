import Recording

/// Bytes as they arrived from a live source (a UDP datagram, or a whole ASTERIX data block from
/// the USB stream), with the wall-clock time they were received: what `record` writes and the
/// core tracks.
public struct LiveFrame: Sendable, Equatable {
    public var bytes: [UInt8]
    /// UTC seconds since 1970 at reception (CLOCK_REALTIME, or the kernel's receive timestamp).
    public var received: Double
    /// The UDP datagram's sender and the address it came to, when it came over IPv4 (what a
    /// recording keeps); nil for USB and IPv6.
    public var origin: (source: UDPEndpoint, destination: UDPEndpoint)?
    /// The number of the source that received it, as whoever made the sources numbered them
    /// (`run`: its place in the configuration's sources), so a core fed by several sources
    /// through one ring can count per source what the frames cause (decode errors). 0 by default.
    public var source: Int

    public init(bytes: [UInt8], received: Double, origin: (source: UDPEndpoint, destination: UDPEndpoint)? = nil, source: Int = 0) {
        self.bytes = bytes
        self.received = received
        self.origin = origin
        self.source = source
    }

    public static func == (a: LiveFrame, b: LiveFrame) -> Bool {
        a.bytes == b.bytes && a.received == b.received && a.origin?.source == b.origin?.source
            && a.origin?.destination == b.origin?.destination && a.source == b.source
    }
}

