import Surveillance

/// The "GPS" recorder format: a 2200-byte file header, then for each ASTERIX data block
/// `[data block][10-byte postfix]`. Postfix bytes 6...8 are a 24-bit big-endian time of day in
/// 1/128 s: the reception time stamped by the recorder's GPS clock. Each frame is one data block
/// with that time.
///
/// The header's content is not interpreted (the recordings we have fill it with 0xCD or 0x20).
/// As with raw files, only the LEN chain gives structure, so a bad LEN ends the file.
public struct GPSReader: Sendable {
    public static let headerLength = 2200
    public static let postfixLength = 10

    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var finished = false

    public init(bytes: [UInt8]) throws(ContainerError) {
        let b = bytes[...]
        guard b.count >= Self.headerLength else {
            throw ContainerError(.truncated, offset: 0, "GPS recording has \(b.count) bytes, less than its 2200-byte file header")
        }
        self.bytes = b
        position = Self.headerLength
    }

    public mutating func next() throws(ContainerError) -> Frame? {
        guard !finished, position < bytes.endIndex else { return nil }
        let at = position
        guard let length = bytes.u16(at: at + 1).map(Int.init) else {
            throw fail(.truncated, at, "GPS data block at offset \(at): only \(bytes.remaining(from: at)) bytes left, a data block header needs 3")
        }
        guard length >= 3 else {
            throw fail(.badLength, at, "GPS data block at offset \(at) (category \(bytes[at])) has LEN \(length), less than its own 3-byte header; the recording cannot be followed past it")
        }
        guard let block = bytes.slice(at: at, count: length), let ticks = bytes.u24(at: at + length + 6),
              bytes.has(length + Self.postfixLength, at: at)
        else {
            throw fail(.truncated, at, "GPS data block at offset \(at) (category \(bytes[at])) claims \(length) bytes plus a 10-byte postfix, past the end of the file (\(bytes.count) bytes)")
        }
        position = at + length + Self.postfixLength
        return Frame(payload: block, timestamp: .timeOfDay(TimeOfDay(ticks: ticks)), offset: at)
    }

    private mutating func fail(_ kind: ContainerError.Kind, _ offset: Int, _ message: String) -> ContainerError {
        finished = true
        return ContainerError(kind, offset: offset, message)
    }

    /// True when, after the 2200-byte header, up to `blocks` records chain correctly and carry
    /// a postfix time within one day. Used by format detection.
    static func isPlausible(_ bytes: ArraySlice<UInt8>, blocks: Int = 4) -> Bool {
        guard bytes.count >= headerLength else { return false }
        var at = bytes.startIndex + headerLength
        var seen = 0
        while seen < blocks, at < bytes.endIndex {
            guard let length = bytes.u16(at: at + 1).map(Int.init), length >= 3,
                  bytes.has(length + postfixLength, at: at),
                  let ticks = bytes.u24(at: at + length + 6), ticks < TimeOfDay.ticksPerDay
            else { return false }
            at += length + postfixLength
            seen += 1
        }
        return seen > 0
    }
}
