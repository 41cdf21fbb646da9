import Foundation
import Glibc
import Synchronization

/// The health metrics over HTTP on 127.0.0.1: a tiny HTTP/1.0 server on a thread of its own that
/// answers `GET /metrics` with the last page the core published (Prometheus text exposition) and
/// 404 to anything else. A request is read up to 4 KiB and for at most a second; one client at a
/// time. The core only swaps the page under a lock, so no client can slow it down.
final class MetricsServer: Sendable {
    /// The port it listens on (the one asked, or the kernel's choice for 0).
    let port: UInt16
    private let fd: Int32
    private let page = Mutex<[UInt8]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    static let maximumRequest = 4_096

    init(port: Int) throws(RuntimeFailure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RuntimeFailure(message: "health.port: cannot open a TCP socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) == 0 && getsockname(fd, $0, &size) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            throw RuntimeFailure(message: "health.port: cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        self.fd = fd
        self.port = UInt16(bigEndian: address.sin_port)
    }

    deinit { _ = Glibc.close(fd) }

    /// Replaces the page `GET /metrics` answers with.
    func publish(_ text: String) {
        let bytes = Array(text.utf8)
        page.withLock { $0 = bytes }
    }

    func start() {
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "metrics :\(port)"
        thread.start()
    }

    /// Stops accepting (within a tenth of a second) and waits for the thread.
    func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    private func serve() {
        while !stopping.load(ordering: .acquiring) {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 100) > 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            answer(client)
            _ = Glibc.close(client)
        }
    }

    private func answer(_ client: Int32) {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1_024)
        while !Self.headersEnd(request) {
            guard request.count < Self.maximumRequest else { return reply(client, 431, "request too large\n") }
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return }  // closed, or a second without a byte
            request += chunk[..<n]
        }
        let line = request.prefix { $0 != 13 && $0 != 10 }.split(separator: 32)
        if line.count >= 2, Array(line[0]) == Array("GET".utf8), Array(line[1]) == Array("/metrics".utf8) {
            reply(client, 200, page.withLock { $0 }, contentType: "text/plain; version=0.0.4; charset=utf-8")
        } else {
            reply(client, 404, "only GET /metrics is served here\n")
        }
    }

    /// The request's headers have ended: a blank line (LF LF, or LF CR LF).
    private static func headersEnd(_ r: [UInt8]) -> Bool {
        for i in r.indices.dropLast() where r[i] == 10 {
            if r[i + 1] == 10 || (i + 2 < r.count && r[i + 1] == 13 && r[i + 2] == 10) { return true }
        }
        return false
    }

    private func reply(_ client: Int32, _ status: Int, _ body: String) {
        reply(client, status, Array(body.utf8), contentType: "text/plain; charset=utf-8")
    }

    private func reply(_ client: Int32, _ status: Int, _ body: [UInt8], contentType: String) {
        let reason = [200: "OK", 404: "Not Found", 431: "Request Header Fields Too Large"][status] ?? ""
        var bytes = Array("HTTP/1.0 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        bytes += body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            sent += n
        }
    }
}
