#if canImport(Glibc)
import Glibc
#endif

/// A UDP address as settings write it: `udp://HOST:PORT`, HOST an IPv4 address, an IPv6 address
/// in brackets (`udp://[::1]:8600`) or a name resolved once, when the setting is read. Unicast or
/// multicast: where a feed sends, or where a source listens.
public struct UDPAddress: Sendable, Equatable, CustomStringConvertible {
    /// The text it was parsed from, for messages.
    public let text: String
    /// `sockaddr_in` or `sockaddr_in6` bytes.
    public let address: [UInt8]
    public let isIPv6: Bool
    public let port: UInt16

    /// Parses and resolves; the error says what is wrong with the text.
    public init(_ text: String) throws(SocketError) {
        func bad(_ why: String) -> SocketError { SocketError("\(text): \(why); expected udp://HOST:PORT") }
        guard text.hasPrefix("udp://") else { throw bad("not a udp:// destination") }
        let rest = text.dropFirst(6)
        let host: Substring, portText: Substring
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].first == ":" else {
                throw bad("an IPv6 address needs brackets and a port, as in udp://[::1]:8600")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            portText = rest[rest.index(close, offsetBy: 2)...]
        } else {
            guard let colon = rest.lastIndex(of: ":") else { throw bad("no port") }
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
            if host.contains(":") { throw bad("an IPv6 address must be in brackets") }
        }
        guard !host.isEmpty else { throw bad("no host") }
        guard let port = UInt16(portText), port > 0 else { throw bad("the port must be 1–65535") }
        self.text = text
        self.port = port
        (address, isIPv6) = try Self.resolve(String(host), port: port, text: text)
    }

    /// IPv4 224.0.0.0/4 or IPv6 ff00::/8.
    public var isMulticast: Bool {
        isIPv6 ? address[8] == 0xFF : address[4] >> 4 == 0xE
    }

    public var description: String { text }

    /// The first datagram address `getaddrinfo` gives for `host`.
    private static func resolve(_ host: String, port: UInt16, text: String) throws(SocketError) -> ([UInt8], Bool) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw SocketError("\(text): cannot resolve \(host): \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let e = entry {
            let family = e.pointee.ai_family
            if family == AF_INET || family == AF_INET6, let a = e.pointee.ai_addr {
                let bytes = Array(UnsafeRawBufferPointer(start: a, count: Int(e.pointee.ai_addrlen)))
                return (bytes, family == AF_INET6)
            }
            entry = e.pointee.ai_next
        }
        throw SocketError("\(text): \(host) has no IPv4 or IPv6 address")
    }
}

/// An address setting that cannot be used, or a socket that could not be set up: says which and why.
public struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
