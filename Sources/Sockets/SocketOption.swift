#if canImport(Glibc)
import Glibc
#endif

/// The small socket calls feeds and sources share, each failure worded for the log.
public enum SocketOption {
    /// `setsockopt` of one value; the error names the address and what was being set.
    public static func set<T>(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: T,
                                               _ what: String, for address: UDPAddress) throws(SocketError) {
        let rc = withUnsafeBytes(of: value) { setsockopt(fd, level, name, $0.baseAddress, socklen_t($0.count)) }
        guard rc == 0 else { throw SocketError("\(address): cannot set \(what): \(errnoText())") }
    }

    /// The text of the current `errno`.
    public static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A network interface as settings name it: by name (`eth1`), or for IPv4 by one of its addresses.
public enum NetworkInterface: Sendable, Equatable {
    case index(UInt32)
    case ipv4(in_addr_t)

    /// Resolves `name` now; IPv6 needs a name (an interface index).
    public init(_ name: String, ipv6: Bool, for address: UDPAddress) throws(SocketError) {
        var v4 = in_addr()
        if !ipv6, inet_pton(AF_INET, name, &v4) == 1 {
            self = .ipv4(v4.s_addr)
            return
        }
        let index = if_nametoindex(name)
        guard index != 0 else { throw SocketError("\(address): no network interface named \(name)") }
        self = .index(index)
    }
}
