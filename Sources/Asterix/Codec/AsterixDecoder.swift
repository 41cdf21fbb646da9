/// Splits a datagram, a file chunk or one data block into records and hands each to a visitor.
/// Allocation-free per record: item positions go into a buffer made once per decoder.
public struct AsterixDecoder {
    public var editions: EditionTable
    private var refs: [ItemRef]

    /// The most items a record can carry: FSPEC bytes are bounded by the UAP (at most 8 here).
    static let maxItems = 64

    public init(editions: EditionTable = .standard) {
        self.editions = editions
        self.refs = Array(repeating: .none, count: Self.maxItems)
    }

    public struct Counts: Sendable, Equatable {
        public var blocks = 0
        public var records = 0
        public var errors = 0
        public init() {}
    }

    /// Decodes every data block in `bytes`. A block whose records fit no rule ends with a failure
    /// and decoding goes on with the next block; a block header that is itself wrong ends the buffer.
    @discardableResult
    public mutating func decode<V: RecordVisitor>(_ bytes: UnsafeRawBufferPointer, into visitor: inout V) -> Counts {
        var counts = Counts()
        var p = 0
        let n = bytes.count
        while p < n {
            guard n - p >= 3 else {
                visitor.failure(DecodeError(category: bytes[p], edition: nil, item: nil, offset: p, reason: .truncatedHeader(available: n - p)))
                counts.errors += 1
                return counts
            }
            let cat = bytes[p]
            let len = Int(bytes[p + 1]) << 8 | Int(bytes[p + 2])
            guard len >= 3 else {
                visitor.failure(DecodeError(category: cat, edition: nil, item: nil, offset: p, reason: .blockLengthTooSmall(len)))
                counts.errors += 1
                return counts
            }
            guard len <= n - p else {
                visitor.failure(DecodeError(category: cat, edition: nil, item: nil, offset: p, reason: .blockLengthOverrun(length: len, available: n - p)))
                counts.errors += 1
                return counts
            }
            counts.blocks += 1
            if let spec = editions[cat] {
                let r = decodeRecords(bytes, from: p + 3, to: p + len, spec: spec, into: &visitor)
                counts.records += r.records
                if r.failed { counts.errors += 1 }
            } else {
                visitor.failure(DecodeError(category: cat, edition: nil, item: nil, offset: p, reason: .unsupportedCategory))
            }
            p += len
        }
        return counts
    }

    /// The records of one block body `start..<end` of category `spec`.
    mutating func decodeRecords<V: RecordVisitor>(
        _ buf: UnsafeRawBufferPointer, from start: Int, to end: Int, spec: CategorySpec, into visitor: inout V
    ) -> (records: Int, failed: Bool) {
        var p = start
        var records = 0
        let perSource = editions.hasSourceEditions(spec.category)
        while p < end {
            var spec = spec
            if perSource, let source = Self.source(buf, at: p, end: end), let chosen = editions[spec.category, source] {
                spec = chosen
            }
            switch scanRecord(buf, at: p, end: end, spec: spec) {
            case .success(let (next, uap, count)):
                refs.withUnsafeBufferPointer { all in
                    visitor.record(RecordView(spec: spec, uap: uap, bytes: buf, range: p..<next,
                                              items: UnsafeBufferPointer(rebasing: all[0..<count])))
                }
                records += 1
                p = next
            case .failure(let error):
                visitor.failure(error)
                return (records, true)
            }
        }
        return (records, false)
    }

    /// Sizes every item of the record at `start`; fills `refs`; returns the end, UAP and item count.
    @inline(__always)
    private mutating func scanRecord(
        _ buf: UnsafeRawBufferPointer, at start: Int, end: Int, spec: CategorySpec
    ) -> Result<(Int, Int, Int), DecodeError> {
        var uap = 0
        var layout = spec.layouts[0]
        func fail(_ at: Int, _ item: String?, _ reason: DecodeError.Reason) -> Result<(Int, Int, Int), DecodeError> {
            .failure(DecodeError(category: spec.category, edition: spec.edition, item: item.map(spec.label), offset: at, reason: reason))
        }
        // FSPEC: read up to the last byte with FX clear; never more than the UAP can use.
        var fspecLen = 0
        repeat {
            guard start + fspecLen < end else { return fail(start, nil, .fspecTruncated) }
            guard fspecLen < layout.maxFSPECBytes else { return fail(start, nil, .fspecTooLong) }
            fspecLen += 1
        } while buf[start + fspecLen - 1] & 1 == 1
        var p = start + fspecLen
        var count = 0
        for byte in 0..<fspecLen {
            let bits = buf[start + byte]
            if bits & 0xFE == 0 { continue }
            for bit in 0..<7 where bits & (0x80 >> bit) != 0 {
                let index = byte * 7 + bit
                guard index < layout.codes.count else { return fail(start, nil, .undefinedFRN(index + 1)) }
                let code = layout.codes[index]
                if code == UAPLayout.spareCode { return fail(start, nil, .undefinedFRN(index + 1)) }
                if code == UAPLayout.rfsCode { return fail(p, nil, .randomFieldSequencing) }
                var length = Int(layout.fixedSizes[index])
                if length >= 0 {
                    guard p + length <= end else { return fail(p, layout.names[index], .item(.truncated)) }
                } else {
                    do {
                        length = try layout.rules[index].size(buf, at: p, end: end)
                    } catch {
                        return fail(p, layout.names[index], .item(error))
                    }
                }
                refs[count] = ItemRef(frn: UInt8(index + 1), code: code, start: Int32(p), length: Int32(length))
                count += 1
                if index == layout.timeOfDayFRN, length >= 3, buf.u24(p) >= TimeOfDay.ticksPerDay {
                    return fail(p, layout.names[index], .timeOfDayOutOfRange(buf.u24(p)))
                }
                if index == layout.selectorFRN {
                    let value = Self.bits(buf, at: p, offset: layout.selectorBitOffset, width: layout.selectorBits)
                    if let chosen = spec.selector?.cases[value], chosen != uap {
                        uap = chosen
                        layout = spec.layouts[chosen]
                    }
                }
                p += length
            }
        }
        if count == 0 { return fail(start, nil, .emptyFSPEC) }
        return .success((p, uap, count))
    }

    /// SAC/SIC of the record at `start`: every category we read has item 010 at FRN 1, two bytes
    /// right after the FSPEC, whatever the edition.
    static func source(_ buf: UnsafeRawBufferPointer, at start: Int, end: Int) -> SensorID? {
        guard start < end, buf[start] & 0x80 != 0 else { return nil }
        var p = start
        while p < end, buf[p] & 1 == 1 { p += 1 }
        guard p + 2 < end else { return nil }
        return SensorID(sac: buf[p + 1], sic: buf[p + 2])
    }

    /// `width` bits starting `offset` bits into the byte at `at` (width ≤ 57).
    static func bits(_ buf: UnsafeRawBufferPointer, at: Int, offset: Int, width: Int) -> Int {
        var v = 0
        for i in offset..<(offset + width) {
            let byte = buf[at + i / 8]
            v = v << 1 | Int((byte >> (7 - UInt8(i % 8))) & 1)
        }
        return v
    }
}
