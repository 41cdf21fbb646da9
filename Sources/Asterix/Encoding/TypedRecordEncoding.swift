/// Why a typed record (`Cat048Record`, `Cat034Record`, …) could not be written into a data block. When `encode(into:spec:)` throws, nothing is added to the block.
public struct RecordEncodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The definition given is of another category.
        case wrongCategory
        /// The UAP in use has no FRN for this item ("161": a track number in a CAT001 plot record).
        case itemNotInUAP(String)
        /// The same item twice (only possible through `untypedItems`).
        case duplicateItem(String)
        /// An item whose stored value cannot be written as it stands: more repetitions than its
        /// count byte holds, RE/SP bytes that do not start with their length, empty untyped bytes.
        case invalidItem(String)
        /// A record with no item at all.
        case emptyRecord
        /// The record would push the block past 65,535 bytes: finish the block, start another.
        case blockFull
    }

    public var category: UInt8
    public var edition: Edition
    public var reason: Reason

    public init(category: UInt8, edition: Edition, reason: Reason) {
        self.category = category
        self.edition = edition
        self.reason = reason
    }

    public var description: String {
        let c = String(category)
        var s = "CAT" + String(repeating: "0", count: max(0, 3 - c.count)) + c + " ed. \(edition): "
        switch reason {
        case .wrongCategory: s += "definition of another category"
        case .itemNotInUAP(let item): s += "item \(item) has no FRN in this UAP"
        case .duplicateItem(let item): s += "item \(item) given twice"
        case .invalidItem(let item): s += "item \(item) cannot be written as it stands"
        case .emptyRecord: s += "record without items"
        case .blockFull: s += "record does not fit in the data block"
        }
        return s
    }
}

/// What the typed records share for encoding: which items they hold, and how to write one.
/// Items go out in the FRN order of the UAP in use, so no encoder hard-codes an FRN.
protocol TypedRecordItems {
    static var category: UInt8 { get }
    /// Calls `body` with the code (`ItemSpec.code`) of every item the record holds.
    func forEachPresentItem(_ body: (Int) -> Void)
    /// Writes the bytes of item `code`, which `forEachPresentItem` reported.
    func write(item code: Int, into w: inout DataBlockWriter)
    /// The code of an item whose stored value `write` could not write faithfully, or nil.
    func unwritableItem() -> Int?
}

extension TypedRecordItems {
    /// One whole record (FSPEC and items) under UAP `uap` of `spec`.
    func encodeRecord(uap: Int, spec: CategorySpec, into w: inout DataBlockWriter) throws(RecordEncodeError) {
        func fail(_ reason: RecordEncodeError.Reason) -> RecordEncodeError {
            RecordEncodeError(category: spec.category, edition: spec.edition, reason: reason)
        }
        guard spec.category == Self.category, uap >= 0, uap < spec.layouts.count else { throw fail(.wrongCategory) }
        if let code = unwritableItem() { throw fail(.invalidItem(Self.itemName(code))) }
        let slots = spec.layouts[uap].codes.count
        precondition(slots <= 64, "a UAP of more than 64 FRNs")
        var present: UInt64 = 0
        var problem: RecordEncodeError.Reason?
        forEachPresentItem { code in
            guard problem == nil else { return }
            guard let frn = spec.frn(code: code, uap: uap) else {
                problem = .itemNotInUAP(Self.itemName(code))
                return
            }
            let bit: UInt64 = 1 << UInt64(frn - 1)
            if present & bit != 0 {
                problem = .duplicateItem(Self.itemName(code))
                return
            }
            present |= bit
        }
        if let problem { throw fail(problem) }
        guard present != 0 else { throw fail(.emptyRecord) }
        w.beginRecord()
        let codes = spec.layouts[uap].codes
        var rest = present
        while rest != 0 {
            let index = rest.trailingZeroBitCount
            rest &= rest - 1
            w.beginItem(frn: index + 1)
            write(item: Int(codes[index]), into: &w)
        }
        guard w.endRecord() else { throw fail(.blockFull) }
    }

    /// True when `bytes` is a well-formed explicit item (RE, SP) as a caller may have set it.
    static func isExplicit(_ bytes: [UInt8]?) -> Bool {
        guard let bytes else { return true }
        return !bytes.isEmpty && bytes.count <= 255 && Int(bytes[0]) == bytes.count
    }

    /// True when `bytes` are octets each ending in an FX bit that is set on all but the last.
    static func isFXTerminated(_ bytes: [UInt8]?) -> Bool {
        guard let bytes else { return true }
        guard let last = bytes.last, last & 1 == 0 else { return false }
        return bytes.dropLast().allSatisfy { $0 & 1 == 1 }
    }

    static func itemName(_ code: Int) -> String {
        switch code {
        case ItemSpec.reCode: return "RE"
        case ItemSpec.spCode: return "SP"
        default:
            let s = String(code)
            return String(repeating: "0", count: max(0, 3 - s.count)) + s
        }
    }
}

/// Checks a typed decoder makes before it reads an item. The record scanner has already sized
/// every item by its definition, so these fail only when a view was cut or built by hand, or the
/// definition in use differs from the one the typed decoder knows: then the decoder throws rather
/// than read out of bounds.
enum TypedItemCheck {
    /// Exactly `n` bytes: fewer is `.truncated`, more `.invalidDefinition` (another layout).
    @inline(__always)
    static func fixed(_ b: UnsafeRawBufferPointer, _ n: Int) throws(SizeFailure) {
        if b.count < n { throw .truncated }
        if b.count > n { throw .invalidDefinition }
    }

    /// Octets each ending in an FX bit, the last with FX clear (extended and repetitive-FX items
    /// whose parts are one byte), at most `maxOctets`.
    static func fxTerminated(_ b: UnsafeRawBufferPointer, maxOctets: Int = .max) throws(SizeFailure) {
        guard let last = b.last else { throw .truncated }
        for i in 0..<(b.count - 1) where b[i] & 1 == 0 { throw .invalidDefinition }
        if last & 1 == 1 { throw .truncated }
        if b.count > maxOctets { throw .extensionBeyondDefinition }
    }

    /// An explicit item (RE, SP): the first byte counts the whole item.
    static func explicit(_ b: UnsafeRawBufferPointer) throws(SizeFailure) {
        guard let n = b.first else { throw .truncated }
        if n == 0 { throw .zeroExplicitLength }
        if Int(n) > b.count { throw .truncated }
        if Int(n) < b.count { throw .invalidDefinition }
    }

    /// A one-byte repetition count, then that many elements of `element` bytes; returns the count.
    static func repetitive(_ b: UnsafeRawBufferPointer, element: Int) throws(SizeFailure) -> Int {
        guard let n = b.first else { throw .truncated }
        let want = 1 + Int(n) * element
        if b.count < want { throw .truncated }
        if b.count > want { throw .invalidDefinition }
        return Int(n)
    }

    /// An item the typed decoder keeps as bytes: it must be exactly what the UAP slot's size rule
    /// says, so that re-encoding it yields a record that decodes.
    static func sized(_ b: UnsafeRawBufferPointer, rule: SizeRule) throws(SizeFailure) {
        let n = try rule.size(b, at: 0, end: b.count)
        if n != b.count { throw .invalidDefinition }
    }
}
