/// ASTERIX data blocks back to back, nothing else: `CAT(1) LEN(2, big-endian, counts the
/// 3-byte header)` then the block's records. Each frame is one data block.
///
/// The only structure is the chain of LEN fields, so a LEN below 3 or past the end of the file
/// ends the file with an error: there is no marker to resynchronise on.
public struct RawReader: Sendable {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var finished = false

    public init(bytes: [UInt8]) {
        self.bytes = bytes[...]
        position = self.bytes.startIndex
    }

    public mutating func next() throws(ContainerError) -> Frame? {
        guard !finished, position < bytes.endIndex else { return nil }
        let at = position
        guard let length = bytes.u16(at: at + 1).map(Int.init) else {
            throw fail(.truncated, at, "raw data block at offset \(at): only \(bytes.remaining(from: at)) bytes left, a data block header needs 3")
        }
        guard length >= 3 else {
            throw fail(.badLength, at, "raw data block at offset \(at) (category \(bytes[at])) has LEN \(length), less than its own 3-byte header; the stream cannot be followed past it")
        }
        guard let block = bytes.slice(at: at, count: length) else {
            throw fail(.truncated, at, "raw data block at offset \(at) (category \(bytes[at])) claims \(length) bytes, past the end of the file (\(bytes.count) bytes)")
        }
        position = at + length
        return Frame(payload: block, offset: at)
    }

    private mutating func fail(_ kind: ContainerError.Kind, _ offset: Int, _ message: String) -> ContainerError {
        finished = true
        return ContainerError(kind, offset: offset, message)
    }

    /// True when the file starts with up to `blocks` well-formed data blocks (all of them, if
    /// the file is shorter): used to tell raw from the formats that have no magic number.
    static func isPlausible(_ bytes: ArraySlice<UInt8>, blocks: Int = 4) -> Bool {
        var at = bytes.startIndex
        var seen = 0
        while seen < blocks, at < bytes.endIndex {
            guard let length = bytes.u16(at: at + 1).map(Int.init), length >= 3, bytes.has(length, at: at) else { return false }
            at += length
            seen += 1
        }
        return seen > 0
    }
}
