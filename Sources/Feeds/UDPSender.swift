#if canImport(Glibc)
import Glibc
#endif
import Sockets

/// Sends datagrams to one UDP destination without ever blocking the pipeline: the socket is
/// non-blocking, and a datagram the kernel will not take now (buffer full, no route, destination
/// unreachable) is counted and dropped, never retried and never thrown. The first failure's
/// reason is kept for the log.
///
/// Not `Sendable`: it owns a socket; use it from one task.
public final class UDPSender {
    /// Multicast socket options, used only when the destination is a multicast group.
    public struct Multicast: Sendable, Equatable {
        /// Hops a datagram may cross (IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS). 1 keeps it on
        /// the local network, the safe default for a feed nobody routed on purpose.
        public var ttl: Int = 1
        /// Outgoing interface: a name (`eth1`) or, for IPv4, one of its addresses. nil: the
        /// routing table decides, which on a multi-homed host is often the wrong network.
        public var interface: String?
        /// Whether a listener on this host receives the feed too (IP_MULTICAST_LOOP).
        public var loop = true

        public init(ttl: Int = 1, interface: String? = nil, loop: Bool = true) {
            self.ttl = ttl
            self.interface = interface
            self.loop = loop
        }
    }

    public let destination: UDPAddress
    /// Datagrams the kernel accepted, and their payload bytes.
    public private(set) var sent = 0
    public private(set) var sentBytes = 0
    /// Datagrams dropped because `sendto` failed.
    public private(set) var failed = 0
    /// Why the first datagram failed (nil while none has), e.g. "Network is unreachable".
    public private(set) var firstError: String?
    private var fd: Int32

    /// Opens a socket of the destination's family. Throws when the socket or a multicast option
    /// cannot be set up (an unknown interface, a TTL out of 0…255).
    public init(to destination: UDPAddress, multicast: Multicast = Multicast()) throws(SocketError) {
        self.destination = destination
        let family = destination.isIPv6 ? AF_INET6 : AF_INET
        fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("\(destination): cannot open a UDP socket: \(SocketOption.errnoText())") }
        if destination.isMulticast {
            do throws(SocketError) {
                try setMulticastOptions(multicast)
            } catch {
                _ = Glibc.close(fd)
                fd = -1
                throw error
            }
        }
    }

    deinit { close() }

    /// The socket, for inspection (tests, diagnostics); −1 once closed.
    public var fileDescriptor: Int32 { fd }

    /// Sends one datagram; false when it was dropped (counted in `failed`).
    @discardableResult
    public func send(_ datagram: UnsafeRawBufferPointer) -> Bool {
        let n = destination.address.withUnsafeBytes { a in
            sendto(fd, datagram.baseAddress, datagram.count, Int32(MSG_DONTWAIT),
                   a.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(a.count))
        }
        guard n == datagram.count else {
            failed += 1
            if firstError == nil { firstError = n < 0 ? SocketOption.errnoText() : "sent \(n) of \(datagram.count) bytes" }
            return false
        }
        sent += 1
        sentBytes += n
        return true
    }

    @discardableResult
    public func send(_ datagram: [UInt8]) -> Bool {
        datagram.withUnsafeBytes { send($0) }
    }

    /// Closes the socket; later sends fail and are counted. Closing twice does nothing.
    public func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }

    private func setMulticastOptions(_ m: Multicast) throws(SocketError) {
        guard (0...255).contains(m.ttl) else {
            throw SocketError("\(destination): multicast TTL \(m.ttl) is not within 0–255")
        }
        let v6 = destination.isIPv6
        let ip = v6 ? Int32(IPPROTO_IPV6) : Int32(IPPROTO_IP)
        try setOption(ip, v6 ? IPV6_MULTICAST_HOPS : IP_MULTICAST_TTL, Int32(m.ttl), "TTL \(m.ttl)")
        try setOption(ip, v6 ? IPV6_MULTICAST_LOOP : IP_MULTICAST_LOOP, m.loop ? 1 : 0, "loop")
        guard let name = m.interface else { return }
        switch try NetworkInterface(name, ipv6: v6, for: destination) {
        case .ipv4(let a):
            try setOption(ip, IP_MULTICAST_IF, in_addr(s_addr: a), "interface \(name)")
        case .index(let index) where v6:
            try setOption(ip, IPV6_MULTICAST_IF, Int32(index), "interface \(name)")
        case .index(let index):
            var request = ip_mreqn()
            request.imr_ifindex = Int32(index)
            try setOption(ip, IP_MULTICAST_IF, request, "interface \(name)")
        }
    }

    private func setOption<T: BitwiseCopyable>(_ level: Int32, _ name: Int32, _ value: T, _ what: String) throws(SocketError) {
        try SocketOption.set(fd, level, name, value, "the multicast \(what)", for: destination)
    }

}
