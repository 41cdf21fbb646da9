#if canImport(Glibc)
import Glibc
#endif
import Asterix
import Feeds
import Sockets
import TestSupport
import Testing

@Suite("UDP sender")
struct UDPSenderTests {
    @Test("udp://HOST:PORT: IPv4, bracketed IPv6, names; mistakes said plainly")
    func parsing() throws {
        let v4 = try UDPAddress("udp://127.0.0.1:8600")
        #expect(!v4.isIPv6 && v4.port == 8600 && !v4.isMulticast)
        let v6 = try UDPAddress("udp://[::1]:9000")
        #expect(v6.isIPv6 && v6.port == 9000 && !v6.isMulticast)
        #expect(try UDPAddress("udp://localhost:7000").port == 7000)
        #expect(try UDPAddress("udp://239.2.3.1:6969").isMulticast)
        #expect(try UDPAddress("udp://[ff02::1]:6969").isMulticast)
        #expect(try !UDPAddress("udp://223.255.255.255:1").isMulticast)

        for bad in ["127.0.0.1:8600", "tcp://127.0.0.1:8600", "udp://127.0.0.1", "udp://127.0.0.1:0",
                    "udp://127.0.0.1:65536", "udp://:8600", "udp://::1:8600", "udp://[::1]8600",
                    "udp://no-such-host.invalid:8600"] {
            #expect(throws: SocketError.self, "\(bad)") { try UDPAddress(bad) }
        }
        do {
            _ = try UDPAddress("udp://127.0.0.1:0")
        } catch {
            #expect(error.description.contains("udp://127.0.0.1:0") && error.description.contains("port"))
        }
    }

    @Test("datagrams over loopback carry the records", arguments: [false, true])
    func loopback(ipv6: Bool) throws {
        let receiver = try LoopbackReceiver(ipv6: ipv6)
        let host = ipv6 ? "[::1]" : "127.0.0.1"
        let sender = try UDPSender(to: UDPAddress("udp://\(host):\(receiver.port)"))
        var encoder = try #require(Cat062TrackEncoder())
        let tracks = (1...60).map { makeTrack(number: UInt16($0)) }
        for t in tracks { encoder.append(t) }
        let datagrams = encoder.flush()
        try #require(datagrams.count >= 2)
        for d in datagrams { #expect(sender.send(d)) }
        #expect(sender.sent == datagrams.count && sender.failed == 0)

        var numbers: [UInt16] = []
        for d in datagrams {
            let got = try #require(receiver.receive(), "datagram lost on loopback")
            #expect(got == d)
            numbers += decodeCat062(got).records.map { $0.trackNumber! }
        }
        #expect(numbers == tracks.map(\.number))
    }

    @Test("a send that fails is counted, not thrown, and the reason kept")
    func failuresCounted() throws {
        let sender = try UDPSender(to: UDPAddress("udp://127.0.0.1:9"))
        sender.close()
        #expect(!sender.send([1, 2, 3]))
        #expect(!sender.send([4]))
        #expect(sender.failed == 2 && sender.sent == 0)
        #expect(sender.firstError != nil)
    }

    // Multicast: the options are set and read back; nothing is sent to a group.

    @Test("IPv4 multicast: TTL, loop and outgoing interface set on the socket")
    func multicastIPv4() throws {
        let sender = try UDPSender(to: UDPAddress("udp://239.2.3.1:6969"),
                                   multicast: .init(ttl: 3, interface: "127.0.0.1", loop: false))
        #expect(option(sender.fileDescriptor, Int32(IPPROTO_IP), IP_MULTICAST_TTL, as: UInt8.self) == 3)
        #expect(option(sender.fileDescriptor, Int32(IPPROTO_IP), IP_MULTICAST_LOOP, as: UInt8.self) == 0)
        let interface = option(sender.fileDescriptor, Int32(IPPROTO_IP), IP_MULTICAST_IF, as: in_addr.self)
        #expect(interface?.s_addr == inet_addr("127.0.0.1"))
    }

    @Test("IPv6 multicast: hops and outgoing interface by name")
    func multicastIPv6() throws {
        let sender = try UDPSender(to: UDPAddress("udp://[ff02::1]:6969"),
                                   multicast: .init(ttl: 5, interface: "lo"))
        #expect(option(sender.fileDescriptor, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, as: Int32.self) == 5)
        #expect(option(sender.fileDescriptor, Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, as: Int32.self)
                == Int32(if_nametoindex("lo")))
    }

    @Test("a multicast setting that cannot work is refused when the sender is made")
    func badMulticast() throws {
        let group = try UDPAddress("udp://239.2.3.1:6969")
        #expect(throws: SocketError.self) { try UDPSender(to: group, multicast: .init(interface: "no-such-if0")) }
        #expect(throws: SocketError.self) { try UDPSender(to: group, multicast: .init(ttl: 300)) }
        // Unicast ignores multicast options.
        _ = try UDPSender(to: UDPAddress("udp://127.0.0.1:9"), multicast: .init(interface: "no-such-if0"))
    }

    func option<T: BitwiseCopyable>(_ fd: Int32, _ level: Int32, _ name: Int32, as: T.Type) -> T? {
        let value = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { value.deallocate() }
        var length = socklen_t(MemoryLayout<T>.size)
        return getsockopt(fd, level, name, value, &length) == 0 ? value.pointee : nil
    }
}
