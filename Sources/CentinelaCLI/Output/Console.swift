import Glibc

/// Buffered writes to stdout (records can be millions of lines) and unbuffered ones to stderr.
final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let ownsDescriptor: Bool

    init(fd: Int32 = 1) {
        self.fd = fd
        ownsDescriptor = false
        buffer.reserveCapacity(1 << 16)
    }

    /// Writes to a file, created or truncated; "-" is standard output.
    init(path: String) throws(RuntimeFailure) {
        if path == "-" {
            fd = 1
            ownsDescriptor = false
        } else {
            fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw RuntimeFailure(message: "\(path): cannot create: \(String(cString: strerror(errno)))") }
            ownsDescriptor = true
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets a writer append bytes straight into the buffer.
    func write(_ body: (inout [UInt8]) throws -> Void) rethrows {
        try body(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { b in
            while offset < b.count {
                let n = Glibc.write(fd, b.baseAddress! + offset, b.count - offset)
                if n <= 0 { return }  // a closed pipe (`| head`): nothing more to say
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        if ownsDescriptor { Glibc.close(fd) }
    }
}

enum Console {
    static func error(_ s: String) {
        let line = s + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}

func padded(_ s: String, _ width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - s.count))
    return right ? pad + s : s + pad
}
