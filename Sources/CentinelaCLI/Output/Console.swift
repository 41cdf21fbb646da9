import Glibc

/// Buffered writes to stdout (records can be millions of lines) and unbuffered ones to stderr.
final class OutputBuffer {
    private var buffer: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = 1) {
        self.fd = fd
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
    }
}

enum Console {
    static func error(_ s: String) {
        let line = s + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}

/// Decimal text with a fixed number of places, without Foundation's `String(format:)`.
func fixed(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var frac = String(Int(scaled - Double(whole) * scale))
    frac = String(repeating: "0", count: max(0, places - frac.count)) + frac
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return places == 0 ? sign + String(whole) : sign + String(whole) + "." + frac
}

func padded(_ s: String, _ width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - s.count))
    return right ? pad + s : s + pad
}
