import CZlib

/// gzip files (RFC 1952) through zlib: recordings and truth files compress 10 to 15 times, and a
/// gzip file is read as the file it holds.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number (1f 8b): the contents decide, not the name.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The bytes a gzip file holds. Concatenated members (`cat a.gz b.gz`) are read as one file,
    /// as gunzip does.
    ///
    /// - Parameter limit: the most inflated bytes accepted; a file that inflates past it is refused
    ///   as soon as it does, so a small file cannot fill the memory (a gzip bomb).
    /// - Throws: `ContainerError` with the offset in the compressed file: `.truncated` when the
    ///   stream stops before its end, `.badCompression` for bytes zlib cannot inflate or a
    ///   checksum that does not match, `.io` past `limit`.
    public static func inflate(_ bytes: [UInt8], limit: Int) throws(ContainerError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw ContainerError(.io, offset: 0, "zlib could not start inflating (out of memory?)")
        }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var consumed = 0
        while true {
            // avail_in is 32 bits: feed at most 1 GiB at a time.
            let feed = min(bytes.count - consumed, 1 << 30)
            let (status, used, produced) = bytes.withUnsafeBufferPointer { input in
                chunk.withUnsafeMutableBufferPointer { output in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                    stream.avail_in = UInt32(feed)
                    stream.next_out = output.baseAddress
                    stream.avail_out = UInt32(output.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, feed - Int(stream.avail_in), output.count - Int(stream.avail_out))
                }
            }
            consumed += used
            result.append(contentsOf: chunk[0..<produced])
            if result.count > limit {
                throw ContainerError(.io, offset: consumed, "the gzip file inflates to more than the \(limit) bytes read at most from such a file")
            }
            switch status {
            case Z_STREAM_END:
                if consumed == bytes.count { return result }
                guard isGzip(Array(bytes[consumed..<min(consumed + 2, bytes.count)])) else {
                    throw ContainerError(.badCompression, offset: consumed, "\(bytes.count - consumed) byte(s) after the end of the gzip stream at offset \(consumed) are not another gzip member")
                }
                inflateReset(&stream)
            case Z_OK:
                continue
            case Z_BUF_ERROR where consumed == bytes.count:
                // No progress possible: every byte was read and the stream has not ended.
                throw ContainerError(.truncated, offset: consumed, "the gzip stream stops at byte \(consumed) before its end: the file is truncated")
            default:
                let why = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw ContainerError(.badCompression, offset: consumed, "the gzip stream is corrupt near byte \(consumed): \(why)")
            }
        }
    }

    /// `bytes` as a gzip file. The header has no name and mtime 0, so the same bytes always give
    /// the same file.
    public static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // zlib's default level: on a truth file, level 9 is 5 % smaller and twice as slow.
        // Init only fails for want of memory or a bad argument; a caller could do nothing about either.
        precondition(czlib_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION) == Z_OK, "zlib could not start deflating")
        defer { deflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var consumed = 0
        while true {
            let feed = min(bytes.count - consumed, 1 << 30)
            let last = consumed + feed == bytes.count
            let (status, used, produced) = bytes.withUnsafeBufferPointer { input in
                chunk.withUnsafeMutableBufferPointer { output in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                    stream.avail_in = UInt32(feed)
                    stream.next_out = output.baseAddress
                    stream.avail_out = UInt32(output.count)
                    let status = CZlib.deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH)
                    return (status, feed - Int(stream.avail_in), output.count - Int(stream.avail_out))
                }
            }
            consumed += used
            result.append(contentsOf: chunk[0..<produced])
            if status == Z_STREAM_END { return result }
            precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib deflate failed: \(status)")
        }
    }
}
