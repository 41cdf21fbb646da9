import Glibc

/// UDP on the loopback interface for tests: every test datagram goes to 127.0.0.1 or ::1 and
/// nowhere else.
public enum Loopback {
    /// A UDP port on 127.0.0.1 free now (the system's pick for a socket just closed).
    public static func freeUDPPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var a = address(0)
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size); return getsockname(fd, $0, &size) }
        }
        return UInt16(bigEndian: a.sin_port)
    }

    /// `host`:`port` (an address in 127.0.0.0/8).
    public static func address(_ port: UInt16, host: String = "127.0.0.1") -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = inet_addr(host)
        return a
    }
}

/// A UDP socket bound to 127.0.0.1 (or ::1) on a port the system picks, with an 8 MiB buffer.
public final class LoopbackReceiver {
    public let fd: Int32
    public let port: UInt16

    public init(ipv6: Bool = false) throws {
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError.socket }
        var buffer: Int32 = 8 << 20
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 5, tv_usec: 0)  // a lost datagram fails the test, not hangs it
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound: Int32
        if ipv6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_addr = in6addr_loopback
            bound = withUnsafePointer(to: &a) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var a = Loopback.address(0)
            bound = withUnsafePointer(to: &a) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0 else {
            close(fd)
            throw LoopbackError.bind
        }
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        self.fd = fd
        // The port sits at the same offset in sockaddr_in and sockaddr_in6, in network order.
        port = withUnsafeBytes(of: storage) { UInt16($0[2]) << 8 | UInt16($0[3]) }
    }

    deinit { close(fd) }

    /// The next datagram, waiting up to 5 s; nil when none came.
    public func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n < 0 ? nil : Array(buffer[..<n])
    }

    /// Every datagram waiting, without blocking.
    public func drain() -> [[UInt8]] {
        var out: [[UInt8]] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard n > 0 else { return out }
            out.append(Array(buffer[..<n]))
        }
    }
}

/// Sends datagrams from an address in 127.0.0.0/8 to 127.0.0.1.
public final class LoopbackSender {
    public let fd: Int32
    /// The port it sends from.
    public let port: UInt16

    public init(from source: String = "127.0.0.1") throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var a = Loopback.address(0, host: source)
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) == 0 ? getsockname(fd, $0, &size) : -1 }
        }
        guard rc == 0 else {
            close(fd)
            throw LoopbackError.bind
        }
        self.fd = fd
        port = UInt16(bigEndian: a.sin_port)
    }

    deinit { close(fd) }

    public func send(_ bytes: [UInt8], to port: UInt16) {
        var to = Loopback.address(port)
        _ = bytes.withUnsafeBytes { b in
            withUnsafePointer(to: &to) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, b.baseAddress, b.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
    }
}

public enum LoopbackError: Error {
    case socket, bind
}
