/// A CAT034 monoradar service message (north marker, sector crossing, filter and jamming strobe
/// messages), editions 1.27–1.29 (one layout). Every item is typed. Properties hold the raw
/// integer fields of the items, so a decoded record re-encodes byte for byte; computed properties
/// give physical units. RE and SP are kept as their bytes (length byte included).
///
///     let msg = try Cat034Record(record)           // inside RecordVisitor.record(_:)
///     if msg.messageType == .sectorCrossing { batch(upTo: msg.sectorAzimuth!) }
public struct Cat034Record: Sendable, Equatable {
    /// I034/000.
    public var messageType: MessageType?
    /// I034/010.
    public var dataSource: SensorID?
    /// I034/020: the 8 most significant bits of the antenna azimuth (LSB 360/2⁸ °).
    public var sectorNumber: UInt8?
    /// I034/030: UTC time of the event (north or sector crossing…).
    public var timeOfDay: TimeOfDay?
    /// I034/041: antenna rotation period, LSB 1/128 s (the item is named "speed").
    public var antennaRotationPeriodRaw: UInt16?
    /// I034/050.
    public var systemConfiguration: SystemConfiguration?
    /// I034/060.
    public var processingMode: ProcessingMode?
    /// I034/070: one entry per counter; an empty array is a present item with no repetition.
    public var messageCounts: [MessageCount]?
    /// I034/090.
    public var collimationError: CollimationError?
    /// I034/100.
    public var polarWindow: PolarWindow?
    /// I034/110: 1 weather, 2 jamming strobe, 3 PSR, 4 SSR/Mode S, 5 SSR/Mode S + PSR,
    /// 6 enhanced surveillance, 7 PSR + enhanced surveillance (0 is invalid).
    public var dataFilter: UInt8?
    /// I034/120.
    public var position: Position3D?
    /// RE, whole (its first byte is its length).
    public var reservedExpansion: [UInt8]?
    /// SP, whole (its first byte is its length).
    public var specialPurpose: [UInt8]?

    public init() {}

    /// Sector azimuth in degrees (I034/020).
    public var sectorAzimuth: Double? { sectorNumber.map { Double($0) * (360.0 / 256.0) } }

    /// Antenna rotation period in seconds (I034/041).
    public var antennaRotationPeriod: Double? { antennaRotationPeriodRaw.map { Double($0) / 128 } }

    /// Reads every item of a CAT034 record. Throws `.invalidDefinition` for a record of another
    /// category, and a `SizeFailure` when an item's bytes do not have the layout of 1.27–1.29.
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
            case 20:
                try TypedItemCheck.fixed(b, 1)
                sectorNumber = b[0]
            case 30:
                try TypedItemCheck.fixed(b, 3)
                timeOfDay = TimeOfDay(item: b)
            case 41:
                try TypedItemCheck.fixed(b, 2)
                antennaRotationPeriodRaw = b.u16(0)
            case 50:
                systemConfiguration = try SystemConfiguration(item: b)
            case 60:
                processingMode = try ProcessingMode(item: b)
            case 70:
                let n = try TypedItemCheck.repetitive(b, element: 2)
                var counts: [MessageCount] = []
                counts.reserveCapacity(n)
                for i in 0..<n { counts.append(MessageCount(raw: b.u16(1 + 2 * i))) }
                messageCounts = counts
            case 90:
                try TypedItemCheck.fixed(b, 2)
                collimationError = CollimationError(rangeRaw: Int8(bitPattern: b[0]), azimuthRaw: Int8(bitPattern: b[1]))
            case 100:
                try TypedItemCheck.fixed(b, 8)
                polarWindow = PolarWindow(rhoStartRaw: b.u16(0), rhoEndRaw: b.u16(2),
                                          thetaStartRaw: b.u16(4), thetaEndRaw: b.u16(6))
            case 110:
                try TypedItemCheck.fixed(b, 1)
                dataFilter = b[0]
            case 120:
                try TypedItemCheck.fixed(b, 8)
                position = Position3D(heightRaw: Int16(truncatingIfNeeded: b.int(0, bytes: 2)),
                                      latitudeRaw: Int32(b.int(2, bytes: 3)),
                                      longitudeRaw: Int32(b.int(5, bytes: 3)))
            case ItemSpec.reCode:
                try TypedItemCheck.explicit(b)
                reservedExpansion = Array(b)
            case ItemSpec.spCode:
                try TypedItemCheck.explicit(b)
                specialPurpose = Array(b)
            default:
                // An item this decoder does not know: the definition in use is not 1.27–1.29.
                throw .invalidDefinition
            }
        }
    }

    /// Appends this record to `w` in the UAP of `spec` (a CAT034 definition).
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        try encodeRecord(uap: 0, spec: spec, into: &w)
    }
}

extension Cat034Record: TypedRecordItems {
    static let category: UInt8 = 34

    func forEachPresentItem(_ body: (Int) -> Void) {
        if messageType != nil { body(0) }
        if dataSource != nil { body(10) }
        if sectorNumber != nil { body(20) }
        if timeOfDay != nil { body(30) }
        if antennaRotationPeriodRaw != nil { body(41) }
        if systemConfiguration != nil { body(50) }
        if processingMode != nil { body(60) }
        if messageCounts != nil { body(70) }
        if collimationError != nil { body(90) }
        if polarWindow != nil { body(100) }
        if dataFilter != nil { body(110) }
        if position != nil { body(120) }
        if reservedExpansion != nil { body(ItemSpec.reCode) }
        if specialPurpose != nil { body(ItemSpec.spCode) }
    }

    func unwritableItem() -> Int? {
        if let c = messageCounts, c.count > 255 { return 70 }
        if !Self.isExplicit(reservedExpansion) { return ItemSpec.reCode }
        if !Self.isExplicit(specialPurpose) { return ItemSpec.spCode }
        return nil
    }

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 0: w.u8(messageType!.rawValue)
        case 10: dataSource!.write(into: &w)
        case 20: w.u8(sectorNumber!)
        case 30: timeOfDay!.write(into: &w)
        case 41: w.u16(antennaRotationPeriodRaw!)
        case 50: systemConfiguration!.write(into: &w)
        case 60: processingMode!.write(into: &w)
        case 70:
            let counts = messageCounts!
            w.u8(UInt8(counts.count))
            for c in counts { w.u16(c.raw) }
        case 90:
            let c = collimationError!
            w.u8(UInt8(bitPattern: c.rangeRaw))
            w.u8(UInt8(bitPattern: c.azimuthRaw))
        case 100:
            let p = polarWindow!
            w.u16(p.rhoStartRaw); w.u16(p.rhoEndRaw); w.u16(p.thetaStartRaw); w.u16(p.thetaEndRaw)
        case 110: w.u8(dataFilter!)
        case 120:
            let p = position!
            w.int(Int(p.heightRaw), bytes: 2)
            w.int(Int(p.latitudeRaw), bytes: 3)
            w.int(Int(p.longitudeRaw), bytes: 3)
        case ItemSpec.reCode: w.bytes(reservedExpansion!)
        case ItemSpec.spCode: w.bytes(specialPurpose!)
        default: preconditionFailure("CAT034 item \(code) not held")
        }
    }
}
