#if canImport(Glibc)
import Glibc
#endif
import Recording

/// A sender's IP address as bytes, for the allow-list: 4 for IPv4, 16 for IPv6, with IPv4
/// senders heard on an IPv6 socket (`::ffff:a.b.c.d`) taken as the IPv4 address they are.
enum SenderAddress {
    /// The bytes of an address written as text, or nil when it is not one.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return mapped(withUnsafeBytes(of: v6) { Array($0) }) }
        return nil
    }

    /// The bytes of the address in a `sockaddr_in` or `sockaddr_in6`.
    static func bytes(ofSockaddr raw: UnsafeRawBufferPointer) -> [UInt8] {
        let family = Int32(raw.loadUnaligned(as: sa_family_t.self))
        if family == AF_INET { return Array(raw[4..<8]) }
        if family == AF_INET6 { return mapped(Array(raw[8..<24])) }
        return []
    }

    /// The sender of an IPv4 datagram (`sockaddr_in`, or an IPv4 sender heard on an IPv6
    /// socket), with its port; nil otherwise.
    static func endpoint(ofSockaddr raw: UnsafeRawBufferPointer) -> UDPEndpoint? {
        let b = bytes(ofSockaddr: raw)
        guard b.count == 4 else { return nil }
        let port = UInt16(raw[2]) << 8 | UInt16(raw[3])
        return UDPEndpoint(IPv4Address(b[0], b[1], b[2], b[3]), port: port)
    }

    /// The address as people write it.
    static func text(_ bytes: [UInt8]) -> String {
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        guard bytes.count == 4 || bytes.count == 16,
              bytes.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &out, socklen_t(out.count)) }) != nil else {
            return "an unknown address"
        }
        return out.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func mapped(_ v6: [UInt8]) -> [UInt8] {
        v6[0..<10].allSatisfy { $0 == 0 } && v6[10] == 0xFF && v6[11] == 0xFF ? Array(v6[12..<16]) : v6
    }
}
