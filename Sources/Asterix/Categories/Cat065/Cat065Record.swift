/// A CAT065 SDPS service status message, edition 1.6: what a tracker sends beside its CAT062
/// tracks so a consumer knows the service is alive and in what state (Centinela's track feed
/// heartbeat). Every item is typed; properties hold the raw fields, so a decoded record re-encodes
/// byte for byte.
public struct Cat065Record: Sendable, Equatable {
    /// I065/000: what the message is. Values 1.6 does not list stay as `other`, so the byte
    /// re-encodes unchanged.
    public enum MessageType: RawRepresentable, Sendable, Hashable {
        case sdpsStatus
        case endOfBatch
        case serviceStatusReport
        case other(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .sdpsStatus
            case 2: self = .endOfBatch
            case 3: self = .serviceStatusReport
            default: self = .other(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .sdpsStatus: 1
            case .endOfBatch: 2
            case .serviceStatusReport: 3
            case .other(let v): v
            }
        }

        /// Compared by value: `.other(1)` is `.sdpsStatus`.
        public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue }
        public func hash(into h: inout Hasher) { h.combine(rawValue) }
    }

    /// I065/040, one octet: NOGO (2 bits: 0 operational, 1 degraded, 2 not currently connected,
    /// 3 unknown), OVL (overload), TSV (time source not valid), PSS (2 bits: processing system
    /// status, 0 not applicable, 1 primary, 2 secondary, 3 unknown), STTN (track re-numbering
    /// indication, toggled on each re-numbering).
    public struct Status: Sendable, Equatable {
        public var raw: UInt8

        public init(raw: UInt8) { self.raw = raw }

        public init(nogo: UInt8, overload: Bool, timeSourceInvalid: Bool, pss: UInt8, sttn: Bool = false) {
            raw = (nogo & 3) << 6 | (overload ? 0x20 : 0) | (timeSourceInvalid ? 0x10 : 0) | (pss & 3) << 2 | (sttn ? 2 : 0)
        }

        public var nogo: UInt8 { raw >> 6 }
        public var overload: Bool { raw & 0x20 != 0 }
        public var timeSourceInvalid: Bool { raw & 0x10 != 0 }
        public var pss: UInt8 { raw >> 2 & 3 }
    }

    /// I065/000.
    public var messageType: MessageType?
    /// I065/010: the SDPS's SAC/SIC.
    public var dataSource: SensorID?
    /// I065/015: service identification.
    public var serviceID: UInt8?
    /// I065/020: batch number.
    public var batchNumber: UInt8?
    /// I065/030: time of message, 1/128 s since midnight.
    public var timeOfDay: TimeOfDay?
    /// I065/040.
    public var status: Status?
    /// I065/050: service status report (1 service degradation, 2 service degradation ended, …).
    public var serviceStatusReport: UInt8?
    /// RE, whole (its first byte is its length).
    public var reservedExpansion: [UInt8]?
    /// SP, whole (its first byte is its length).
    public var specialPurpose: [UInt8]?

    public init() {}

    /// Reads every item of a CAT065 record. Throws `.invalidDefinition` for a record of another
    /// category, and a `SizeFailure` when an item's bytes do not have the layout of 1.6.
    public init(_ record: RecordView) throws(SizeFailure) {
        guard record.spec.category == Self.category else { throw .invalidDefinition }
        for ref in record.items {
            let b = record[ref]
            switch Int(ref.code) {
            case 0:
                try TypedItemCheck.fixed(b, 1)
                messageType = MessageType(rawValue: b[0])
            case 10:
                try TypedItemCheck.fixed(b, 2)
                dataSource = SensorID(item: b)
            case 15:
                try TypedItemCheck.fixed(b, 1)
                serviceID = b[0]
            case 20:
                try TypedItemCheck.fixed(b, 1)
                batchNumber = b[0]
            case 30:
                try TypedItemCheck.fixed(b, 3)
                timeOfDay = TimeOfDay(item: b)
            case 40:
                try TypedItemCheck.fixed(b, 1)
                status = Status(raw: b[0])
            case 50:
                try TypedItemCheck.fixed(b, 1)
                serviceStatusReport = b[0]
            case ItemSpec.reCode:
                try TypedItemCheck.explicit(b)
                reservedExpansion = Array(b)
            case ItemSpec.spCode:
                try TypedItemCheck.explicit(b)
                specialPurpose = Array(b)
            default:
                throw .invalidDefinition
            }
        }
    }

    /// Appends this record to `w` in the UAP of `spec` (a CAT065 definition).
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        try encodeRecord(uap: 0, spec: spec, into: &w)
    }
}

extension Cat065Record: TypedRecordItems {
    static let category: UInt8 = 65

    func forEachPresentItem(_ body: (Int) -> Void) {
        if messageType != nil { body(0) }
        if dataSource != nil { body(10) }
        if serviceID != nil { body(15) }
        if batchNumber != nil { body(20) }
        if timeOfDay != nil { body(30) }
        if status != nil { body(40) }
        if serviceStatusReport != nil { body(50) }
        if reservedExpansion != nil { body(ItemSpec.reCode) }
        if specialPurpose != nil { body(ItemSpec.spCode) }
    }

    func unwritableItem() -> Int? {
        if !Self.isExplicit(reservedExpansion) { return ItemSpec.reCode }
        if !Self.isExplicit(specialPurpose) { return ItemSpec.spCode }
        return nil
    }

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 0: w.u8(messageType!.rawValue)
        case 10: dataSource!.write(into: &w)
        case 15: w.u8(serviceID!)
        case 20: w.u8(batchNumber!)
        case 30: timeOfDay!.write(into: &w)
        case 40: w.u8(status!.raw)
        case 50: w.u8(serviceStatusReport!)
        case ItemSpec.reCode: w.bytes(reservedExpansion!)
        case ItemSpec.spCode: w.bytes(specialPurpose!)
        default: preconditionFailure("CAT065 item \(code) not held")
        }
    }
}
