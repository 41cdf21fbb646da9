#if canImport(Glibc)
import Glibc
#endif
import CSocketBatch
import Foundation
import Recording
import Sockets
import Surveillance
import Synchronization

/// A UDP listener feeding a `FrameRing`: one thread receives each datagram with the kernel's
/// receive timestamp, keeps only allowed senders, and pushes it without ever blocking (a full
/// ring drops and counts). The socket buffer's own overflows are read from the kernel
/// (SO_RXQ_OVFL) and counted too, so every lost datagram shows somewhere.
public final class UDPPlotSource: Sendable {
    public struct Counters: Sendable, Equatable {
        /// Datagrams accepted into the ring, and their bytes.
        public var datagrams = 0
        public var bytes = 0
        /// Datagrams from senders not on the allow-list, and how many such senders.
        public var refused = 0
        public var refusedSenders = 0
        /// Datagrams lost because the ring was full (the core is behind).
        public var dropped = 0
        /// Datagrams the kernel dropped because the socket buffer was full (this thread is behind);
        /// the kernel tells its count with the next datagram it queues.
        public var kernelDrops = 0
        /// Datagrams longer than 65,535 bytes' buffer (cannot happen over IPv4/IPv6 UDP; counted, not passed on).
        public var truncated = 0
        /// Receive errors other than "nothing waiting".
        public var errors = 0
    }

    private struct Shared {
        var state = SourceState.starting
        var counters = Counters()
        /// Refused senders already named in the log (bounded: after 1,024 only counted).
        var refusedSeen: Set<[UInt8]> = []
    }

    public let settings: UDPSourceSettings
    public let ring: FrameRing
    /// The number stamped on its frames (`LiveFrame.source`).
    public let number: Int
    /// The receive buffer the kernel granted, bytes.
    public let receiveBuffer: Int
    private let fd: Int32
    private let allowed: Set<[UInt8]>
    private let shared = Mutex(Shared())
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let log: @Sendable (String) -> Void

    /// Opens, binds and (for a group) joins; throws with the reason when any of it fails (an
    /// address in use, an unknown interface, an allow-list entry that is not an address).
    /// `number` is stamped on its frames (`LiveFrame.source`).
    public init(settings: UDPSourceSettings, ring: FrameRing, number: Int = 0,
                log: @escaping @Sendable (String) -> Void) throws(SocketError) {
        let address = settings.listen
        var allowed: Set<[UInt8]> = []
        for a in settings.allow {
            guard let bytes = SenderAddress.bytes(of: a) else { throw SocketError("\(address): allow-list entry '\(a)' is not an IPv4 or IPv6 address") }
            allowed.insert(bytes)
        }
        let fd = socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("\(address): cannot open a UDP socket: \(SocketOption.errnoText())") }
        do throws(SocketError) {
            // Several programs on a host may listen to one group; a unicast port is ours alone,
            // so a second listener is an error ("address in use"), not a silent split of the feed.
            if address.isMulticast { try SocketOption.set(fd, SOL_SOCKET, SO_REUSEADDR, Int32(1), "SO_REUSEADDR", for: address) }
            try SocketOption.set(fd, SOL_SOCKET, SO_RCVBUF, Int32(clamping: settings.receiveBufferBytes), "the receive buffer", for: address)
            try SocketOption.set(fd, SOL_SOCKET, SO_TIMESTAMPNS, Int32(1), "receive timestamps", for: address)
            try SocketOption.set(fd, SOL_SOCKET, SO_RXQ_OVFL, Int32(1), "the drop counter", for: address)
            let bound = address.address.withUnsafeBytes {
                bind(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            guard bound == 0 else { throw SocketError("\(address): cannot listen: \(SocketOption.errnoText())") }
            if address.isMulticast { try Self.join(fd, settings) }
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
        var granted: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &granted, &size)
        self.settings = settings
        self.ring = ring
        self.number = number
        self.fd = fd
        self.allowed = allowed
        self.log = log
        receiveBuffer = Int(granted)
    }

    deinit { _ = Glibc.close(fd) }

    public var state: SourceState { shared.withLock { $0.state } }
    public var counters: Counters { shared.withLock { $0.counters } }

    /// Starts the receive thread.
    public func start() {
        let thread = Thread { [self] in
            receiveLoop()
            finished.signal()
        }
        thread.name = "udp \(settings.listen)"
        thread.start()
    }

    /// Stops the receive thread (within a tenth of a second) and waits for it; the ring keeps
    /// what was received.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
        setState(.stopped)
    }

    private func setState(_ new: SourceState) {
        let changed = shared.withLock { s in
            defer { s.state = new }
            return s.state != new
        }
        if changed { log("\(settings.listen): \(new)") }
    }

    /// Datagrams taken from the kernel in one system call (`recvmmsg`): one call for many is what
    /// lets one thread keep up with a flood.
    static let batch = 32

    private func receiveLoop() {
        let capacity = 65_536, controlSize = 256, batch = Self.batch
        let buffers = UnsafeMutableRawPointer.allocate(byteCount: capacity * batch, alignment: 16)
        let controls = UnsafeMutableRawPointer.allocate(byteCount: controlSize * batch, alignment: 16)
        let senders = UnsafeMutablePointer<sockaddr_storage>.allocate(capacity: batch)
        let iovs = UnsafeMutablePointer<iovec>.allocate(capacity: batch)
        let messages = UnsafeMutablePointer<centinela_mmsghdr>.allocate(capacity: batch)
        defer {
            buffers.deallocate()
            controls.deallocate()
            senders.deallocate()
            iovs.deallocate()
            messages.deallocate()
        }
        // The address datagrams come to, as a recording writes it (a wildcard listener: 0.0.0.0).
        let listening = settings.listen.address.withUnsafeBytes {
            SenderAddress.endpoint(ofSockaddr: $0) ?? UDPEndpoint(.loopback, port: settings.listen.port)
        }
        var lastData = HostClock.monotonic()
        var pending = Counters()   // this thread's counts since the last publish
        var kernelDropsSeen: UInt32 = 0
        while !stopping.load(ordering: .acquiring) {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 100)
            let now = HostClock.monotonic()
            if ready <= 0 {
                if now - lastData >= settings.silenceAfter, case .connected = state {
                    setState(.silent(seconds: settings.silenceAfter))
                }
                continue
            }
            // Everything waiting, then publish the counts once.
            while true {
                for k in 0..<batch {
                    iovs[k] = iovec(iov_base: buffers + k * capacity, iov_len: capacity)
                    var h = msghdr()
                    h.msg_name = UnsafeMutableRawPointer(senders + k)
                    h.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
                    h.msg_iov = iovs + k
                    h.msg_iovlen = 1
                    h.msg_control = controls + k * controlSize
                    h.msg_controllen = controlSize
                    messages[k] = centinela_mmsghdr(msg_hdr: h, msg_len: 0)
                }
                let count = Int(centinela_recvmmsg(fd, messages, UInt32(batch), Int32(MSG_DONTWAIT)))
                if count < 0 {
                    if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { pending.errors += 1 }
                    break
                }
                for k in 0..<count {
                    let msg = messages[k].msg_hdr, n = Int(messages[k].msg_len)
                    var received: Double?
                    Self.forEachControlMessage(controls + k * controlSize, length: Int(msg.msg_controllen)) { level, type, data in
                        guard level == SOL_SOCKET else { return }
                        if type == SCM_TIMESTAMPNS, data.count >= MemoryLayout<timespec>.size {
                            let ts = data.loadUnaligned(as: timespec.self)
                            received = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
                        } else if type == SO_RXQ_OVFL, data.count >= 4 {
                            // The kernel's count of drops on this socket, since it opened.
                            let total = data.loadUnaligned(as: UInt32.self)
                            pending.kernelDrops += Int(total &- kernelDropsSeen)
                            kernelDropsSeen = total
                        }
                    }
                    if msg.msg_flags & Int32(MSG_TRUNC) != 0 {
                        pending.truncated += 1
                        continue
                    }
                    let sender = UnsafeRawBufferPointer(start: senders + k, count: MemoryLayout<sockaddr_storage>.size)
                    if !allowed.isEmpty {
                        let from = SenderAddress.bytes(ofSockaddr: sender)
                        if !allowed.contains(from) {
                            pending.refused += 1
                            refuse(from)
                            continue
                        }
                    }
                    let origin = SenderAddress.endpoint(ofSockaddr: sender).map { ($0, listening) }
                    let frame = LiveFrame(bytes: Array(UnsafeRawBufferPointer(start: buffers + k * capacity, count: n)),
                                          received: received ?? HostClock.utcNow(), origin: origin, source: number)
                    if ring.push(frame) {
                        pending.datagrams += 1
                        pending.bytes += n
                    } else {
                        pending.dropped += 1
                    }
                    lastData = now
                }
                if count < batch { break }
            }
            publish(&pending)
        }
        publish(&pending)
    }

    /// Adds this thread's counts to the shared ones, and marks the source connected when data came.
    private func publish(_ pending: inout Counters) {
        guard pending != Counters() else { return }
        let came = pending.datagrams > 0 || pending.dropped > 0
        shared.withLock { s in
            s.counters.datagrams += pending.datagrams
            s.counters.bytes += pending.bytes
            s.counters.refused += pending.refused
            s.counters.dropped += pending.dropped
            s.counters.kernelDrops += pending.kernelDrops
            s.counters.truncated += pending.truncated
            s.counters.errors += pending.errors
        }
        pending = Counters()
        if came { setState(.connected) }
    }

    /// A sender not on the allow-list: named in the log the first time only.
    private func refuse(_ from: [UInt8]) {
        let first = shared.withLock { s in
            guard s.refusedSeen.count < 1_024, s.refusedSeen.insert(from).inserted else { return false }
            s.counters.refusedSenders += 1
            return true
        }
        if first { log("\(settings.listen): ignoring datagrams from \(SenderAddress.text(from)), not on the allow-list") }
    }
}

extension UDPPlotSource {
    /// Joins the settings' multicast group on its interface.
    static func join(_ fd: Int32, _ settings: UDPSourceSettings) throws(SocketError) {
        let address = settings.listen
        let interface = try settings.interface.map { name throws(SocketError) in
            try NetworkInterface(name, ipv6: address.isIPv6, for: address)
        }
        if address.isIPv6 {
            var request = ipv6_mreq()
            address.address.withUnsafeBytes { request.ipv6mr_multiaddr = $0.loadUnaligned(fromByteOffset: 8, as: in6_addr.self) }
            if case .index(let i) = interface { request.ipv6mr_interface = i }
            try SocketOption.set(fd, Int32(IPPROTO_IPV6), IPV6_ADD_MEMBERSHIP, request, "the group membership", for: address)
        } else {
            var request = ip_mreqn()
            address.address.withUnsafeBytes { request.imr_multiaddr = $0.loadUnaligned(fromByteOffset: 4, as: in_addr.self) }
            switch interface {
            case .index(let i): request.imr_ifindex = Int32(i)
            case .ipv4(let a): request.imr_address = in_addr(s_addr: a)
            case nil: break
            }
            try SocketOption.set(fd, Int32(IPPROTO_IP), IP_ADD_MEMBERSHIP, request, "the group membership", for: address)
        }
    }

    /// Calls `body(level, type, data)` for each control message of a `recvmsg` (the CMSG_*
    /// macros, which Swift does not import: 16-byte headers, data and lengths aligned to 8).
    static func forEachControlMessage(_ control: UnsafeMutableRawPointer, length: Int,
                                      _ body: (Int32, Int32, UnsafeRawBufferPointer) -> Void) {
        let header = MemoryLayout<cmsghdr>.size
        var offset = 0
        while offset + header <= length {
            let h = control.load(fromByteOffset: offset, as: cmsghdr.self)
            let total = Int(h.cmsg_len)
            guard total >= header, offset + total <= length else { return }
            body(h.cmsg_level, h.cmsg_type, UnsafeRawBufferPointer(start: control + offset + header, count: total - header))
            offset += (total + 7) & ~7
        }
    }
}
