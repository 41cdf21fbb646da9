/// Builds one ASTERIX data block record by record: items go in ascending FRN order, and the
/// writer works out each record's FSPEC and the block's LEN.
///
///     var w = DataBlockWriter(category: 48)
///     w.beginRecord()
///     w.beginItem(frn: 1); w.u8(sac); w.u8(sic)
///     w.endRecord()
///     let block = w.finish()
public struct DataBlockWriter: Sendable {
    public let category: UInt8
    private(set) var block: [UInt8]
    private var body: [UInt8] = []
    private var fspec: [UInt8] = []
    private var lastFRN = 0
    public private(set) var records = 0

    /// The longest a data block can be: LEN is 16 bits.
    public static let maxLength = 65_535

    public init(category: UInt8) {
        self.category = category
        block = [category, 0, 3]
        body.reserveCapacity(256)
        fspec.reserveCapacity(8)
    }

    /// Bytes in the block so far, header included.
    public var count: Int { block.count }

    public mutating func beginRecord() {
        body.removeAll(keepingCapacity: true)
        fspec.removeAll(keepingCapacity: true)
        lastFRN = 0
    }

    /// Marks item `frn` present; its bytes follow through `u8`, `u16`, ….
    public mutating func beginItem(frn: Int) {
        precondition(frn > lastFRN, "items must be written in ascending FRN order")
        lastFRN = frn
        let byte = (frn - 1) / 7
        while fspec.count <= byte { fspec.append(0) }
        fspec[byte] |= 0x80 >> UInt8((frn - 1) % 7)
    }

    /// Ends the record; false (and the record dropped) if it would push the block past 65,535 bytes.
    @discardableResult
    public mutating func endRecord() -> Bool {
        guard !fspec.isEmpty else { return true }
        guard block.count + fspec.count + body.count <= Self.maxLength else { return false }
        for i in 0..<(fspec.count - 1) { fspec[i] |= 1 }
        block += fspec
        block += body
        records += 1
        return true
    }

    /// The finished block with its LEN set; the writer starts over, empty.
    public mutating func finish() -> [UInt8] {
        var out = block
        out[1] = UInt8(out.count >> 8)
        out[2] = UInt8(out.count & 0xFF)
        block = [category, 0, 3]
        records = 0
        return out
    }

    /// Appends a record exactly as received (FSPEC and items): for categories without a typed
    /// encoder. False (and nothing appended) if the block would pass 65,535 bytes.
    @discardableResult
    public mutating func appendRecord(bytes record: UnsafeRawBufferPointer) -> Bool {
        guard block.count + record.count <= Self.maxLength else { return false }
        block.append(contentsOf: record)
        records += 1
        return true
    }

    @inline(__always) public mutating func u8(_ v: UInt8) { body.append(v) }
    @inline(__always) public mutating func u16(_ v: UInt16) {
        body.append(UInt8(v >> 8)); body.append(UInt8(v & 0xFF))
    }
    @inline(__always) public mutating func u24(_ v: UInt32) {
        body.append(UInt8((v >> 16) & 0xFF)); body.append(UInt8((v >> 8) & 0xFF)); body.append(UInt8(v & 0xFF))
    }
    @inline(__always) public mutating func u32(_ v: UInt32) {
        u16(UInt16(v >> 16)); u16(UInt16(v & 0xFFFF))
    }
    /// Two's complement in `bytes` bytes.
    @inline(__always) public mutating func int(_ v: Int, bytes: Int) {
        for i in stride(from: bytes - 1, through: 0, by: -1) { body.append(UInt8(truncatingIfNeeded: v >> (8 * i))) }
    }
    public mutating func bytes(_ b: some Sequence<UInt8>) { body.append(contentsOf: b) }
}

extension CategorySpec {
    /// The FRN of an item in a UAP, from the definition rather than written into each encoder.
    public func frn(of item: String, uap: Int = 0) -> Int? {
        layouts[uap].names.firstIndex(of: item).map { $0 + 1 }
    }

    /// The FRN of an item by its code (040 → 40): a table look-up, for encoders on a hot path.
    @inline(__always)
    public func frn(code: Int, uap: Int = 0) -> Int? {
        layouts[uap].frn(code: code)
    }
}
