/// A CAT021 ADS-B target report, editions 2.x (2.4–2.7 share one UAP), typed for identity,
/// position, altitude, velocity and time. Typed properties hold the raw integer fields, so a
/// decoded record re-encodes byte for byte; computed properties give physical units. Every item
/// not typed here (008, 016, 090, 110, 132, 146, 148, 150, 151, 152, 165, 200, 210, 220, 230,
/// 250, 260, 271, 295, 400) is carried in `untypedItems` as received, so the whole record
/// re-encodes too.
///
/// Edition 0.26 has another UAP and other layouts (its I021/130 is 32-bit, its I021/040 a
/// two-octet group): `AsterixDecoder` sizes its records by that definition, and `ItemValue`
/// decodes them, but they are not typed: `init` throws `.invalidDefinition` for them.
public struct Cat021Record: Sendable, Equatable {
    /// I021/010.
    public var dataSource: SensorID?
    /// I021/040.
    public var targetReportDescriptor: TargetReportDescriptor?
    /// I021/161: the whole 16 bits (4 spare bits, then the 12-bit track number).
    public var trackNumberRaw: UInt16?
    /// I021/015: service identification.
    public var serviceIdentification: UInt8?
    /// I021/071: time of applicability for position.
    public var positionApplicabilityTime: TimeOfDay?
    /// I021/130.
    public var position: Position?
    /// I021/131.
    public var highResolutionPosition: HighResolutionPosition?
    /// I021/072: time of applicability for velocity.
    public var velocityApplicabilityTime: TimeOfDay?
    /// I021/080: target address.
    public var targetAddress: ModeSAddress?
    /// I021/073: time of message reception for position.
    public var positionReceptionTime: TimeOfDay?
    /// I021/074: fraction of the second of I021/073, high precision.
    public var positionReceptionFraction: HighPrecisionTime?
    /// I021/075: time of message reception for velocity.
    public var velocityReceptionTime: TimeOfDay?
    /// I021/076: fraction of the second of I021/075, high precision.
    public var velocityReceptionFraction: HighPrecisionTime?
    /// I021/140: geometric height, LSB 6.25 ft.
    public var geometricHeightRaw: Int16?
    /// I021/070: Mode 3/A (the 4 bits above the code are spare here; kept in `flags`).
    public var mode3A: Mode3A?
    /// I021/145: flight level, LSB 1/4 FL.
    public var flightLevelRaw: Int16?
    /// I021/155.
    public var barometricVerticalRate: VerticalRate?
    /// I021/157.
    public var geometricVerticalRate: VerticalRate?
    /// I021/160.
    public var airborneGroundVector: GroundVector?
    /// I021/077: time of ASTERIX report transmission.
    public var reportTransmissionTime: TimeOfDay?
    /// I021/170: target identification.
    public var targetIdentification: Callsign?
    /// I021/020: emitter category (1 light, 2 small, 3 medium, 4 high vortex large, 5 heavy,
    /// 6 high performance, 10 rotorcraft, 11 glider, 12 lighter than air, 13 UAV, 14 space,
    /// 15 ultralight / hang glider / paraglider, 16 parachutist, 20–24 surface vehicles and obstacles).
    public var emitterCategory: UInt8?
    /// RE, whole (its first byte is its length).
    public var reservedExpansion: [UInt8]?
    /// SP, whole (its first byte is its length).
    public var specialPurpose: [UInt8]?
    /// Every other item, bytes as received, in FSPEC order.
    public var untypedItems: [UntypedItem] = []

    public init() {}

    /// I021/161: the 12-bit track number.
    public var trackNumber: UInt16? { trackNumberRaw.map { $0 & 0x0FFF } }
    /// I021/140 in feet.
    public var geometricHeight: Double? { geometricHeightRaw.map { Double($0) * 6.25 } }
    /// I021/145 in flight levels (hundreds of feet).
    public var flightLevel: Double? { flightLevelRaw.map { Double($0) / 4 } }

    /// I021/073 and /074 combined: the time of reception of the position in seconds since
    /// midnight, to 2⁻³⁰ s, taking the whole second from /073 as the full-second indication says;
    /// nil without both items, or when FSI is 3 (reserved).
    public var precisePositionReceptionTime: Double? {
        positionReceptionFraction?.seconds(wholeSecondsFrom: positionReceptionTime)
    }

    /// I021/075 and /076 combined, as `precisePositionReceptionTime`.
    public var preciseVelocityReceptionTime: Double? {
        velocityReceptionFraction?.seconds(wholeSecondsFrom: velocityReceptionTime)
    }

    /// Reads a CAT021 2.x record. Throws `.invalidDefinition` for another category or edition
    /// 0.x, and a `SizeFailure` when an item's bytes do not have the 2.x layout.
    public init(_ record: RecordView) throws(SizeFailure) {
        guard record.spec.category == Self.category, record.spec.edition.major >= 2 else { throw .invalidDefinition }
        for ref in record.items {
            let b = record[ref]
            switch Int(ref.code) {
            case 10:
                try TypedItemCheck.fixed(b, 2)
                dataSource = SensorID(item: b)
            case 40:
                try TypedItemCheck.fxTerminated(b, maxOctets: 8)
                targetReportDescriptor = TargetReportDescriptor(b)
            case 161:
                try TypedItemCheck.fixed(b, 2)
                trackNumberRaw = b.u16(0)
            case 15:
                try TypedItemCheck.fixed(b, 1)
                serviceIdentification = b[0]
            case 71:
                positionApplicabilityTime = try Self.time(b)
            case 130:
                try TypedItemCheck.fixed(b, 6)
                position = Position(latitudeRaw: Int32(b.int(0, bytes: 3)), longitudeRaw: Int32(b.int(3, bytes: 3)))
            case 131:
                try TypedItemCheck.fixed(b, 8)
                highResolutionPosition = HighResolutionPosition(latitudeRaw: Int32(bitPattern: b.u32(0)),
                                                                longitudeRaw: Int32(bitPattern: b.u32(4)))
            case 72:
                velocityApplicabilityTime = try Self.time(b)
            case 80:
                try TypedItemCheck.fixed(b, 3)
                targetAddress = ModeSAddress(b.u24(0))
            case 73:
                positionReceptionTime = try Self.time(b)
            case 74:
                try TypedItemCheck.fixed(b, 4)
                positionReceptionFraction = HighPrecisionTime(raw: b.u32(0))
            case 75:
                velocityReceptionTime = try Self.time(b)
            case 76:
                try TypedItemCheck.fixed(b, 4)
                velocityReceptionFraction = HighPrecisionTime(raw: b.u32(0))
            case 140:
                try TypedItemCheck.fixed(b, 2)
                geometricHeightRaw = Int16(bitPattern: b.u16(0))
            case 70:
                try TypedItemCheck.fixed(b, 2)
                mode3A = Mode3A(item: b.u16(0))
            case 145:
                try TypedItemCheck.fixed(b, 2)
                flightLevelRaw = Int16(bitPattern: b.u16(0))
            case 155:
                try TypedItemCheck.fixed(b, 2)
                barometricVerticalRate = VerticalRate(raw: b.u16(0))
            case 157:
                try TypedItemCheck.fixed(b, 2)
                geometricVerticalRate = VerticalRate(raw: b.u16(0))
            case 160:
                try TypedItemCheck.fixed(b, 4)
                airborneGroundVector = GroundVector(speedRaw: b.u16(0), trackAngleRaw: b.u16(2))
            case 77:
                reportTransmissionTime = try Self.time(b)
            case 170:
                try TypedItemCheck.fixed(b, 6)
                targetIdentification = Callsign(b, at: 0)
            case 20:
                try TypedItemCheck.fixed(b, 1)
                emitterCategory = b[0]
            case ItemSpec.reCode:
                try TypedItemCheck.explicit(b)
                reservedExpansion = Array(b)
            case ItemSpec.spCode:
                try TypedItemCheck.explicit(b)
                specialPurpose = Array(b)
            case let code:
                try TypedItemCheck.sized(b, rule: record.spec.layouts[record.uap].rules[Int(ref.frn) - 1])
                untypedItems.append(UntypedItem(code: code, bytes: Array(b)))
            }
        }
    }

    private static func time(_ b: UnsafeRawBufferPointer) throws(SizeFailure) -> TimeOfDay {
        try TypedItemCheck.fixed(b, 3)
        return TimeOfDay(item: b)
    }

    /// Appends this record to `w` in the UAP of `spec` (a CAT021 2.x definition).
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        try encodeRecord(uap: 0, spec: spec, into: &w)
    }
}

extension Cat021Record: TypedRecordItems {
    static let category: UInt8 = 21

    func forEachPresentItem(_ body: (Int) -> Void) {
        if dataSource != nil { body(10) }
        if targetReportDescriptor != nil { body(40) }
        if trackNumberRaw != nil { body(161) }
        if serviceIdentification != nil { body(15) }
        if positionApplicabilityTime != nil { body(71) }
        if position != nil { body(130) }
        if highResolutionPosition != nil { body(131) }
        if velocityApplicabilityTime != nil { body(72) }
        if targetAddress != nil { body(80) }
        if positionReceptionTime != nil { body(73) }
        if positionReceptionFraction != nil { body(74) }
        if velocityReceptionTime != nil { body(75) }
        if velocityReceptionFraction != nil { body(76) }
        if geometricHeightRaw != nil { body(140) }
        if mode3A != nil { body(70) }
        if flightLevelRaw != nil { body(145) }
        if barometricVerticalRate != nil { body(155) }
        if geometricVerticalRate != nil { body(157) }
        if airborneGroundVector != nil { body(160) }
        if reportTransmissionTime != nil { body(77) }
        if targetIdentification != nil { body(170) }
        if emitterCategory != nil { body(20) }
        if reservedExpansion != nil { body(ItemSpec.reCode) }
        if specialPurpose != nil { body(ItemSpec.spCode) }
        for item in untypedItems { body(item.code) }
    }

    func unwritableItem() -> Int? {
        if !Self.isExplicit(reservedExpansion) { return ItemSpec.reCode }
        if !Self.isExplicit(specialPurpose) { return ItemSpec.spCode }
        if let d = targetReportDescriptor, d.count == 0 { return 40 }
        if let bad = untypedItems.first(where: { $0.bytes.isEmpty || Self.typedCodes.contains($0.code) }) { return bad.code }
        return nil
    }

    /// Items with a typed property: an `UntypedItem` may not stand in for them.
    static let typedCodes: Set<Int> = [10, 40, 161, 15, 71, 130, 131, 72, 80, 73, 74, 75, 76, 140, 70, 145,
                                       155, 157, 160, 77, 170, 20, ItemSpec.reCode, ItemSpec.spCode]

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 10: dataSource!.write(into: &w)
        case 40: targetReportDescriptor!.write(into: &w)
        case 161: w.u16(trackNumberRaw!)
        case 15: w.u8(serviceIdentification!)
        case 71: positionApplicabilityTime!.write(into: &w)
        case 130:
            let p = position!
            w.int(Int(p.latitudeRaw), bytes: 3)
            w.int(Int(p.longitudeRaw), bytes: 3)
        case 131:
            let p = highResolutionPosition!
            w.u32(UInt32(bitPattern: p.latitudeRaw))
            w.u32(UInt32(bitPattern: p.longitudeRaw))
        case 72: velocityApplicabilityTime!.write(into: &w)
        case 80: w.u24(targetAddress!.value)
        case 73: positionReceptionTime!.write(into: &w)
        case 74: w.u32(positionReceptionFraction!.raw)
        case 75: velocityReceptionTime!.write(into: &w)
        case 76: w.u32(velocityReceptionFraction!.raw)
        case 140: w.u16(UInt16(bitPattern: geometricHeightRaw!))
        case 70: w.u16(mode3A!.item)
        case 145: w.u16(UInt16(bitPattern: flightLevelRaw!))
        case 155: w.u16(barometricVerticalRate!.raw)
        case 157: w.u16(geometricVerticalRate!.raw)
        case 160:
            let v = airborneGroundVector!
            w.u16(v.speedRaw)
            w.u16(v.trackAngleRaw)
        case 77: reportTransmissionTime!.write(into: &w)
        case 170: targetIdentification!.write(into: &w)
        case 20: w.u8(emitterCategory!)
        case ItemSpec.reCode: w.bytes(reservedExpansion!)
        case ItemSpec.spCode: w.bytes(specialPurpose!)
        default:
            guard let item = untypedItems.first(where: { $0.code == code }) else {
                preconditionFailure("CAT021 item \(code) not held")
            }
            w.bytes(item.bytes)
        }
    }
}
