#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes through the C library, so the module needs no Foundation.
/// Recordings are read whole (sessions run to tens of MB, a day of a busy radar to a few GB, the
/// limit `RecordingFile.maximumSize`): holding the file lets every frame be a slice of it rather
/// than a copy.
enum FileBytes {
    static func read(path: String, limit: Int) throws(ContainerError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ContainerError(.io, offset: 0, "cannot open the file: \(errnoText())", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ContainerError(.io, offset: 0, "cannot read the file's size: \(errnoText())", path: path)
        }
        // Only regular files: a device such as /dev/zero or a pipe would be read forever.
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ContainerError(.io, offset: 0, "not a regular file (a device, pipe or folder cannot be read whole)", path: path)
        }
        guard info.st_size <= limit else {
            throw ContainerError(.io, offset: 0, "\(info.st_size) bytes, more than the \(limit) read at most from such a file", path: path)
        }
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw ContainerError(.io, offset: result.count, "cannot read the file at offset \(result.count): \(errnoText())", path: path)
            }
            result.append(contentsOf: chunk[0 ..< n])
            if result.count > limit {
                throw ContainerError(.io, offset: result.count, "the file grew past \(limit) bytes while being read", path: path)
            }
        }
        return result
    }

    /// Writes `bytes` as the whole content of `path`, creating or truncating it.
    static func write(path: String, _ bytes: [UInt8]) throws(ContainerError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ContainerError(.io, offset: 0, "cannot create the file: \(errnoText())", path: path)
        }
        defer { close(fd) }
        if let code = writeAll(fd, bytes[...]) {
            throw ContainerError(.io, offset: 0, "cannot write the file: \(errnoText(code))", path: path)
        }
    }

    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

/// `read(2)` under a name that does not clash with `FileBytes.read`.
@inline(__always)
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// `write(2)` of all of `bytes`, retrying short writes and EINTR; returns errno on failure.
func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int32? {
    var rest = bytes
    while !rest.isEmpty {
        let n = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        rest = rest.dropFirst(n)
    }
    return nil
}
