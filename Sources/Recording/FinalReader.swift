import Surveillance

/// The "final" recorder format. Each record is
/// `LEN(2, big-endian) board(1) line(1) day(1) time(3, big-endian, 10 ms units)`, then one or
/// more ASTERIX data blocks, then the padding `A5 A5 A5 A5`. Each frame is one record's blocks,
/// with its time of day and `.recorder(board:line:)` as origin.
///
/// What LEN counts. DOMAIN.md §3 says only "2-byte length", and the same paragraph's ASTERIX
/// LEN counts its own header, so the header is probably counted. The one public reader we could
/// read, CroatiaControl's `asterixfinalsubformat.cxx`, subtracts both the 8-byte header and the
/// 4-byte padding from it: LEN is the whole record. That is `LengthConvention.wholeRecord`, the
/// first reading tried. Since no real final file was available to confirm it, the reader can
/// also work out the convention from the first record: the reading under which the padding sits
/// where LEN puts it (and, to break a tie, under which the blocks' own LENs tile the space
/// exactly) wins, and is then required of every record.
public struct FinalReader: Sendable {
    public enum LengthConvention: Sendable, Hashable, CaseIterable {
        /// LEN counts the 8-byte header, the blocks and the 4-byte padding (CroatiaControl).
        case wholeRecord
        /// LEN counts the header and the blocks, not the padding.
        case headerAndBlocks
        /// LEN counts the blocks only.
        case blocksOnly

        /// The block bytes a record with this LEN holds under this reading.
        func blocksLength(_ length: Int) -> Int {
            switch self {
            case .wholeRecord: length - FinalReader.headerLength - FinalReader.paddingLength
            case .headerAndBlocks: length - FinalReader.headerLength
            case .blocksOnly: length
            }
        }
    }

    public static let headerLength = 8
    public static let paddingLength = 4
    static let padding: UInt32 = 0xA5A5_A5A5

    /// The convention in use: the one given to `init`, or the one found from the first record.
    public private(set) var convention: LengthConvention?

    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var finished = false

    /// - Parameter convention: what LEN counts; nil works it out from the first record.
    public init(bytes: [UInt8], convention: LengthConvention? = nil) {
        self.bytes = bytes[...]
        self.convention = convention
        position = self.bytes.startIndex
    }

    public mutating func next() throws(ContainerError) -> Frame? {
        while !finished, position < bytes.endIndex {
            let at = position
            guard bytes.has(Self.headerLength, at: at), let length = bytes.u16(at: at).map(Int.init),
                  let ticks10ms = bytes.u24(at: at + 5)
            else {
                throw fail(.truncated, at, "final record at offset \(at): only \(bytes.remaining(from: at)) bytes left, a record header needs 8")
            }
            let reading: LengthConvention
            if let convention {
                reading = convention
            } else if let found = Self.detectConvention(bytes, at: at) {
                reading = found
                convention = found
            } else {
                throw fail(.badFraming, at, "final record at offset \(at) has LEN \(length), and under no reading of it (whole record, header and blocks, blocks only) is there A5A5A5A5 padding where the record would end; this does not look like a final-format file")
            }
            let blocksLength = reading.blocksLength(length)
            guard blocksLength >= 0 else {
                throw fail(.badLength, at, "final record at offset \(at) has LEN \(length), less than its \(length - blocksLength)-byte header and padding")
            }
            let blocksStart = at + Self.headerLength
            guard bytes.has(blocksLength + Self.paddingLength, at: blocksStart) else {
                throw fail(.truncated, at, "final record at offset \(at) claims \(blocksLength) bytes of data blocks plus padding, past the end of the file (\(bytes.count) bytes)")
            }
            let paddingAt = blocksStart + blocksLength
            guard let padding = bytes.u32(at: paddingAt), padding == Self.padding else {
                let found = bytes.u32(at: paddingAt).map { hex($0, digits: 8) } ?? "nothing"
                throw fail(.badFraming, paddingAt, "final record at offset \(at): expected padding A5A5A5A5 at offset \(paddingAt), found \(found); LEN \(length) does not fit this record")
            }
            position = paddingAt + Self.paddingLength
            if blocksLength == 0 { continue }  // an empty record carries nothing
            // 10 ms to 1/128 s, rounded: the conversion loses at most 4 ms, less than the
            // recorder's own resolution.
            let ticks = UInt32((UInt64(ticks10ms) * 128 + 50) / 100)
            return Frame(
                payload: bytes[blocksStart ..< paddingAt],
                timestamp: .timeOfDay(TimeOfDay(ticks: ticks)),
                origin: .recorder(board: bytes[at + 2], line: bytes[at + 3]),
                offset: blocksStart)
        }
        return nil
    }

    private mutating func fail(_ kind: ContainerError.Kind, _ offset: Int, _ message: String) -> ContainerError {
        finished = true
        return ContainerError(kind, offset: offset, message)
    }

    /// The reading of the record at `at` under which A5A5A5A5 follows the blocks, preferring
    /// one whose blocks tile exactly, then the order of `LengthConvention.allCases`.
    static func detectConvention(_ bytes: ArraySlice<UInt8>, at: Int) -> LengthConvention? {
        guard let length = bytes.u16(at: at).map(Int.init) else { return nil }
        let fitting = LengthConvention.allCases.filter { reading in
            let n = reading.blocksLength(length)
            return n > 0 && bytes.u32(at: at + headerLength + n) == padding
        }
        return fitting.first { blocksTile(bytes, from: at + headerLength, count: $0.blocksLength(length)) } ?? fitting.first
    }

    /// True when data block LENs chain exactly over `count` bytes from `from`.
    static func blocksTile(_ bytes: ArraySlice<UInt8>, from: Int, count: Int) -> Bool {
        let end = from + count
        var i = from
        while i < end {
            guard let length = bytes.u16(at: i + 1).map(Int.init), length >= 3, length <= end - i else { return false }
            i += length
        }
        return i == end
    }

    /// True when the first record has padding where some reading of LEN puts it.
    static func isPlausible(_ bytes: ArraySlice<UInt8>) -> Bool {
        detectConvention(bytes, at: bytes.startIndex) != nil
    }
}
