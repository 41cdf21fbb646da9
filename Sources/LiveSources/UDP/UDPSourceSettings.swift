import Sockets

/// One UDP source: where it listens and whom it hears.
public struct UDPSourceSettings: Sendable, Equatable {
    /// `udp://0.0.0.0:8600` (every IPv4 address), `udp://[::]:8600`, `udp://127.0.0.1:8600`, or a
    /// multicast group `udp://239.1.2.3:8600` (joined on `interface`).
    public var listen: UDPAddress
    /// Multicast only: the interface to join the group on, by name (`eth1`) or, for IPv4, one of
    /// its addresses. nil: the routing table's choice.
    public var interface: String?
    /// Senders heard (IPv4 or IPv6 addresses); empty: every sender. Others are ignored, counted,
    /// and named once in the log.
    public var allow: [String] = []
    /// SO_RCVBUF asked of the kernel (it may grant less; `UDPPlotSource.receiveBuffer` says what).
    /// A radar network bursts at each sector; 8 MiB absorbs seconds of it.
    public var receiveBufferBytes = 8 << 20
    /// Seconds without a datagram before the source reads `silent` (two scans of a 4 s radar).
    public var silenceAfter = 8.0

    public init(listen: UDPAddress) {
        self.listen = listen
    }
}
