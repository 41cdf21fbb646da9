/// Where one present item of a record lies.
public struct ItemRef: Sendable {
    /// Field reference number, 1-based.
    public var frn: UInt8
    /// The item number as an integer (I048/040 → 40; RE and SP negative, see `ItemSpec`).
    public var code: Int16
    public var start: Int32
    public var length: Int32

    static let none = ItemRef(frn: 0, code: 0, start: 0, length: 0)
}

/// One record, valid only inside `RecordVisitor.record(_:)`: it points into the caller's buffer.
public struct RecordView {
    public let spec: CategorySpec
    /// Index into `spec.uaps` (CAT001: plot or track).
    public let uap: Int
    public let bytes: UnsafeRawBufferPointer
    /// The record's byte range in `bytes`, FSPEC included.
    public let range: Range<Int>
    public let items: UnsafeBufferPointer<ItemRef>

    /// The bytes of an item, or nil when the record does not carry it.
    @inline(__always)
    public func item(_ code: Int) -> UnsafeRawBufferPointer? {
        for ref in items where Int(ref.code) == code {
            return self[ref]
        }
        return nil
    }

    @inline(__always)
    public subscript(ref: ItemRef) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(ref.start)..<Int(ref.start + ref.length)])
    }

    /// The item's name in the UAP ("040", "RE").
    public func name(of ref: ItemRef) -> String {
        spec.layouts[uap].names[Int(ref.frn) - 1]
    }

    /// The definition of a present item.
    public func definition(of ref: ItemRef) -> ItemSpec {
        guard case .item(let item) = spec.uaps[uap].slots[Int(ref.frn) - 1] else {
            preconditionFailure("the scanner only lists items the UAP defines")
        }
        return item
    }

    /// Every present item decoded by its definition, in FSPEC order, labelled "I048/040".
    public func values() throws(SizeFailure) -> [(label: String, value: ItemValue)] {
        var out: [(label: String, value: ItemValue)] = []
        out.reserveCapacity(items.count)
        for ref in items {
            let item = definition(of: ref)
            out.append((spec.label(item.name), try ItemValue.decode(item, self[ref])))
        }
        return out
    }
}

/// Receives what `AsterixDecoder` finds, in order.
public protocol RecordVisitor {
    mutating func record(_ record: RecordView)
    mutating func failure(_ error: DecodeError)
}
