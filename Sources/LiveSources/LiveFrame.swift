import Glibc

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

extension LiveFrame {
    /// Now, as `received` counts it: UTC seconds since 1970 from CLOCK_REALTIME.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
