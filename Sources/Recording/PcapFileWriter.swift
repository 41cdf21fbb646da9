#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `PcapWriter` that streams to a file: buffered, flushed every 64 KiB and on `close()`.
/// Not `Sendable`: it owns a file descriptor; use it from one task.
public final class PcapFileWriter {
    public let path: String
    private var writer = PcapWriter()
    private var fd: Int32
    static let flushThreshold = 64 * 1024

    /// Creates (or truncates) the file. Throws `.io` naming the path and the system's reason.
    public init(path: String) throws(ContainerError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ContainerError(.io, offset: 0, "cannot create the capture file: \(FileBytes.errnoText())", path: path)
        }
        self.path = path
        self.fd = fd
    }

    /// Datagrams written.
    public var count: Int { writer.count }

    /// Appends one datagram; see `PcapWriter.write`.
    public func write(
        _ payload: some Collection<UInt8>, timestamp: Double,
        source: UDPEndpoint = PcapWriter.defaultSource, destination: UDPEndpoint = PcapWriter.defaultDestination
    ) throws(ContainerError) {
        guard fd >= 0 else {
            throw ContainerError(.io, offset: 0, "the capture file is already closed", path: path)
        }
        do {
            try writer.write(payload, timestamp: timestamp, source: source, destination: destination)
        } catch {
            var e = error
            e.path = path
            throw e
        }
        if writer.bytes.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws(ContainerError) {
        guard fd >= 0 else { return }
        let chunk = writer.takeBytes()
        if let code = writeAll(fd, chunk[...]) {
            throw ContainerError(.io, offset: 0, "cannot write the capture file: \(FileBytes.errnoText(code))", path: path)
        }
    }

    /// Flushes and closes. Later writes throw; closing twice does nothing.
    public func close() throws(ContainerError) {
        guard fd >= 0 else { return }
        defer {
            _ = closeDescriptor(fd)
            fd = -1
        }
        try flush()
    }

    deinit {
        // A writer dropped without close(): keep what can be kept, quietly.
        if fd >= 0 {
            _ = writeAll(fd, writer.bytes[...])
            _ = closeDescriptor(fd)
        }
    }
}

/// `close(2)` under a name that does not clash with `PcapFileWriter.close()`.
@inline(__always)
private func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}
