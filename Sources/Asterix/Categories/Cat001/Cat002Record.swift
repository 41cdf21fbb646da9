/// A CAT002 legacy monoradar service message (north marker, sector crossing, south marker,
/// blind-zone filtering), edition 1.0. Every item is typed: the station configuration (050),
/// processing mode (060) and warning (080) items have application-defined bits, so they are kept
/// as their octets. Typed properties hold raw fields, so a decoded record re-encodes byte for
/// byte. Random field sequencing (FRN 14) is not decoded by `AsterixDecoder`.
public struct Cat002Record: Sendable, Equatable {
    /// I002/000.
    public var messageType: MessageType?
    /// I002/010.
    public var dataSource: SensorID?
    /// I002/020: the 8 most significant bits of the antenna azimuth (LSB 360/2⁸ °).
    public var sectorNumber: UInt8?
    /// I002/030: UTC time of the event (north crossing, sector crossing…).
    public var timeOfDay: TimeOfDay?
    /// I002/041: antenna rotation period, LSB 1/128 s (the item is named "speed").
    public var antennaRotationPeriodRaw: UInt16?
    /// I002/050: station configuration status, octets as sent (7 bits and FX each).
    public var stationConfiguration: [UInt8]?
    /// I002/060: station processing mode, octets as sent (7 bits and FX each).
    public var stationProcessingMode: [UInt8]?
    /// I002/070: plot counts; an empty array is a present item with no repetition.
    public var plotCounts: [PlotCount]?
    /// I002/080: warning/error conditions, octets as sent (7-bit code and FX each).
    public var warnings: [UInt8]?
    /// I002/090: same layout and units as I034/090.
    public var collimationError: CollimationError?
    /// I002/100.
    public var dynamicWindow: DynamicWindow?
    /// SP, whole (its first byte is its length).
    public var specialPurpose: [UInt8]?

    public typealias CollimationError = Cat034Record.CollimationError

    public init() {}

    /// Sector azimuth in degrees (I002/020).
    public var sectorAzimuth: Double? { sectorNumber.map { Double($0) * (360.0 / 256.0) } }

    /// Antenna rotation period in seconds (I002/041).
    public var antennaRotationPeriod: Double? { antennaRotationPeriodRaw.map { Double($0) / 128 } }

    /// I002/080 warning/error codes (1–63 standard, 64–127 application dependent).
    public var warningCodes: [UInt8]? { warnings.map { $0.map { $0 >> 1 } } }

    /// Reads every item of a CAT002 record. Throws `.invalidDefinition` for another category, and
    /// a `SizeFailure` when an item's bytes do not have the layout of 1.0.
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
                try TypedItemCheck.fxTerminated(b)
                stationConfiguration = Array(b)
            case 60:
                try TypedItemCheck.fxTerminated(b)
                stationProcessingMode = Array(b)
            case 70:
                let n = try TypedItemCheck.repetitive(b, element: 2)
                var counts: [PlotCount] = []
                counts.reserveCapacity(n)
                for i in 0..<n { counts.append(PlotCount(raw: b.u16(1 + 2 * i))) }
                plotCounts = counts
            case 80:
                try TypedItemCheck.fxTerminated(b)
                warnings = Array(b)
            case 90:
                try TypedItemCheck.fixed(b, 2)
                collimationError = CollimationError(rangeRaw: Int8(bitPattern: b[0]), azimuthRaw: Int8(bitPattern: b[1]))
            case 100:
                try TypedItemCheck.fixed(b, 8)
                dynamicWindow = DynamicWindow(rhoStartRaw: b.u16(0), rhoEndRaw: b.u16(2),
                                              thetaStartRaw: b.u16(4), thetaEndRaw: b.u16(6))
            case ItemSpec.spCode:
                try TypedItemCheck.explicit(b)
                specialPurpose = Array(b)
            default:
                throw .invalidDefinition
            }
        }
    }

    /// Appends this record to `w` in the UAP of `spec` (a CAT002 definition).
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        try encodeRecord(uap: 0, spec: spec, into: &w)
    }
}

extension Cat002Record: TypedRecordItems {
    static let category: UInt8 = 2

    func forEachPresentItem(_ body: (Int) -> Void) {
        if messageType != nil { body(0) }
        if dataSource != nil { body(10) }
        if sectorNumber != nil { body(20) }
        if timeOfDay != nil { body(30) }
        if antennaRotationPeriodRaw != nil { body(41) }
        if stationConfiguration != nil { body(50) }
        if stationProcessingMode != nil { body(60) }
        if plotCounts != nil { body(70) }
        if warnings != nil { body(80) }
        if collimationError != nil { body(90) }
        if dynamicWindow != nil { body(100) }
        if specialPurpose != nil { body(ItemSpec.spCode) }
    }

    func unwritableItem() -> Int? {
        if !Self.isFXTerminated(stationConfiguration) { return 50 }
        if !Self.isFXTerminated(stationProcessingMode) { return 60 }
        if let c = plotCounts, c.count > 255 { return 70 }
        if !Self.isFXTerminated(warnings) { return 80 }
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
        case 50: w.bytes(stationConfiguration!)
        case 60: w.bytes(stationProcessingMode!)
        case 70:
            let counts = plotCounts!
            w.u8(UInt8(counts.count))
            for c in counts { w.u16(c.raw) }
        case 80: w.bytes(warnings!)
        case 90:
            let c = collimationError!
            w.u8(UInt8(bitPattern: c.rangeRaw))
            w.u8(UInt8(bitPattern: c.azimuthRaw))
        case 100:
            let d = dynamicWindow!
            w.u16(d.rhoStartRaw); w.u16(d.rhoEndRaw); w.u16(d.thetaStartRaw); w.u16(d.thetaEndRaw)
        case ItemSpec.spCode: w.bytes(specialPurpose!)
        default: preconditionFailure("CAT002 item \(code) not held")
        }
    }
}
