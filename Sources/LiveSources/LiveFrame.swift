/// Bytes as they arrived from a live source (a UDP datagram, or a whole ASTERIX data block from
/// the USB stream), with the wall-clock time they were received: what `record` writes and the
/// core tracks.
public struct LiveFrame: Sendable, Equatable {
    public var bytes: [UInt8]
    /// UTC seconds since 1970 at reception (CLOCK_REALTIME, or the kernel's receive timestamp).
    public var received: Double

    public init(bytes: [UInt8], received: Double) {
        self.bytes = bytes
        self.received = received
    }
}
