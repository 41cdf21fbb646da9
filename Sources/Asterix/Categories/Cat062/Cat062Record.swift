import Surveillance

/// A CAT062 system track record (SDPS track messages), typed, for editions 1.16–1.21 (their UAPs
/// are identical).
///
/// Each typed item keeps the raw integers of its fields, so a decoded record re-encodes byte for
/// byte; the physical values (degrees, metres, m/s, FL, feet, seconds) are computed properties.
///
/// Typed items: 010, 015, 040, 060, 070, 080, 100, 105, 130, 135, 136, 185, 200, 210, 220, 245,
/// 290, 295, 380 (ADR and ID typed, the other subfields kept raw), 500.
///
/// Items not typed here — 110 (Mode 5), 120 (Mode 2), 270 (target size), 300 (vehicle fleet),
/// 340 (measured information), 390 (flight plan data), 510 (composed track number), RE and SP —
/// are not dropped: they are kept as raw bytes in `otherItems` and written back in their FRN
/// place, so re-encoding a decoded record loses nothing. The one difference a round trip can
/// show is outside the items: a record FSPEC that ends in empty octets (legal, seen in a jASTERIX
/// test vector) comes back minimal, because `DataBlockWriter` always writes the shortest FSPEC.
/// Compound items (290, 295, 380, 500) do keep such an FSPEC as received.
public struct Cat062Record: Sendable, Equatable {
    /// I062/010 data source (SAC/SIC of the SDPS).
    public var sensor: SensorID?
    /// I062/015 service identification.
    public var serviceID: UInt8?
    /// I062/040 track number (16 bits).
    public var trackNumber: UInt16?
    /// I062/060 track Mode 3/A code. In CAT062 the flag bits are V (0x8000, not validated),
    /// G (0x4000, garbled) and CH (0x2000, code changed; see `mode3AChanged`); edition 1.16 has
    /// only CH.
    public var mode3A: Mode3A?
    /// I062/070 time of track information (1/128 s since midnight UTC).
    public var timeOfTrack: TimeOfDay?
    /// I062/080 track status.
    public var status: TrackStatus?
    /// I062/100 calculated Cartesian position.
    public var cartesian: CartesianPosition?
    /// I062/105 calculated WGS-84 position.
    public var wgs84: WGS84Position?
    /// I062/130 calculated geometric altitude, 16-bit two's complement, LSB 6.25 ft.
    public var geometricAltitudeRaw: Int16?
    /// I062/135 calculated barometric altitude.
    public var barometricAltitude: BarometricAltitude?
    /// I062/136 measured flight level, 16-bit two's complement, LSB 1/4 FL.
    public var measuredFlightLevelRaw: Int16?
    /// I062/185 calculated velocity.
    public var velocity: Velocity?
    /// I062/200 mode of movement.
    public var modeOfMovement: ModeOfMovement?
    /// I062/210 calculated acceleration.
    public var acceleration: Acceleration?
    /// I062/220 calculated rate of climb or descent, 16-bit two's complement, LSB 6.25 ft/min.
    public var rateOfClimbRaw: Int16?
    /// I062/245 target identification.
    public var targetIdentification: TargetIdentification?
    /// I062/290 system track update ages.
    public var updateAges: SystemTrackUpdateAges?
    /// I062/295 track data ages.
    public var dataAges: TrackDataAges?
    /// I062/380 aircraft derived data.
    public var aircraftDerived: AircraftDerivedData?
    /// I062/500 estimated accuracies.
    public var accuracy: Accuracy?
    /// Items this type does not model (110, 120, 270, 300, 340, 390, 510, RE, SP), raw, in the
    /// order received.
    public var otherItems: [UntypedItem] = []

    /// An empty record (no items): set the ones to send.
    public init() {}

    // MARK: Physical values

    /// I062/130 in feet.
    public var geometricAltitudeFeet: Double? { geometricAltitudeRaw.map { Double($0) * 6.25 } }
    /// I062/136 in flight levels (hundreds of feet).
    public var measuredFlightLevel: Double? { measuredFlightLevelRaw.map { Double($0) * 0.25 } }
    /// I062/220 in ft/min, climb positive.
    public var rateOfClimbFeetPerMinute: Double? { rateOfClimbRaw.map { Double($0) * 6.25 } }
    /// I062/060 CH: the Mode 3/A code changed.
    public var mode3AChanged: Bool { (mode3A?.flags ?? 0) & 0x2000 != 0 }
    /// The aircraft address of I062/380 ADR.
    public var address: ModeSAddress? { aircraftDerived?.address }
    /// The callsign of I062/380 ID, else of I062/245.
    public var callsign: Callsign? { aircraftDerived?.identification ?? targetIdentification?.callsign }

    // MARK: Decoding

    /// Types a CAT062 record the scanner has sized. Every item is checked again against the
    /// size its type expects, compound items subfield by subfield: a view that does not hold
    /// what it claims throws, never traps. A record of another category throws
    /// `.invalidDefinition`.
    public init(_ record: RecordView) throws(SizeFailure) {
        guard record.spec.category == 62 else { throw .invalidDefinition }
        for ref in record.items {
            // The scanner's refs are always inside the buffer; a hand-made view may not be.
            guard ref.start >= 0, ref.length >= 0, Int(ref.start) + Int(ref.length) <= record.bytes.count else {
                throw .truncated
            }
            let b = record[ref]
            switch ref.code {
            case 10:
                try TypedItemCheck.fixed(b, 2)
                sensor = SensorID(item: b)
            case 15:
                try TypedItemCheck.fixed(b, 1)
                serviceID = b[0]
            case 40:
                try TypedItemCheck.fixed(b, 2)
                trackNumber = b.u16(0)
            case 60:
                try TypedItemCheck.fixed(b, 2)
                mode3A = Mode3A(item: b.u16(0))
            case 70:
                try TypedItemCheck.fixed(b, 3)
                timeOfTrack = TimeOfDay(item: b)
            case 80:
                status = try TrackStatus(item: b)
            case 100:
                cartesian = try CartesianPosition(item: b)
            case 105:
                wgs84 = try WGS84Position(item: b)
            case 130:
                try TypedItemCheck.fixed(b, 2)
                geometricAltitudeRaw = Int16(bitPattern: b.u16(0))
            case 135:
                barometricAltitude = try BarometricAltitude(item: b)
            case 136:
                try TypedItemCheck.fixed(b, 2)
                measuredFlightLevelRaw = Int16(bitPattern: b.u16(0))
            case 185:
                velocity = try Velocity(item: b)
            case 200:
                modeOfMovement = try ModeOfMovement(item: b)
            case 210:
                acceleration = try Acceleration(item: b)
            case 220:
                try TypedItemCheck.fixed(b, 2)
                rateOfClimbRaw = Int16(bitPattern: b.u16(0))
            case 245:
                targetIdentification = try TargetIdentification(item: b)
            case 290:
                updateAges = try SystemTrackUpdateAges(item: b)
            case 295:
                dataAges = try TrackDataAges(item: b)
            case 380:
                aircraftDerived = try AircraftDerivedData(item: b)
            case 500:
                accuracy = try Accuracy(item: b)
            default:
                // Kept whole, so it must be exactly what the definition sizes: re-encoded, it
                // then decodes again.
                let layouts = record.spec.layouts, slot = Int(ref.frn) - 1
                guard record.uap >= 0, record.uap < layouts.count, slot >= 0, slot < layouts[record.uap].rules.count
                else { throw .invalidDefinition }
                try TypedItemCheck.sized(b, rule: layouts[record.uap].rules[slot])
                otherItems.append(UntypedItem(code: Int(ref.code), bytes: Array(b)))
            }
        }
    }

    // MARK: Encoding

    /// Appends this record to `w`, its items in the FRN order of `spec`'s UAP (FRNs looked up in
    /// the definition by item code, none written into this code). I062/080 is cut to the octets
    /// `spec` defines (1.16–1.20: six), since an FX bit past them would make the record unreadable
    /// under that edition. When it throws, nothing is added to the block.
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        if let status, status.octetCount > Self.statusOctets(in: spec) {
            var copy = self
            copy.status = status.truncated(to: Self.statusOctets(in: spec))
            try copy.encodeRecord(uap: 0, spec: spec, into: &w)
        } else {
            try encodeRecord(uap: 0, spec: spec, into: &w)
        }
    }

    /// How many octets I062/080 has in `spec` (7 in 1.21, 6 before).
    static func statusOctets(in spec: CategorySpec) -> Int {
        if case .extended(_, let count, _)? = spec.items["080"]?.size { return count }
        return 8
    }
}

extension Cat062Record: TypedRecordItems {
    static let category: UInt8 = 62

    func forEachPresentItem(_ body: (Int) -> Void) {
        if sensor != nil { body(10) }
        if serviceID != nil { body(15) }
        if trackNumber != nil { body(40) }
        if mode3A != nil { body(60) }
        if timeOfTrack != nil { body(70) }
        if status != nil { body(80) }
        if cartesian != nil { body(100) }
        if wgs84 != nil { body(105) }
        if geometricAltitudeRaw != nil { body(130) }
        if barometricAltitude != nil { body(135) }
        if measuredFlightLevelRaw != nil { body(136) }
        if velocity != nil { body(185) }
        if modeOfMovement != nil { body(200) }
        if acceleration != nil { body(210) }
        if rateOfClimbRaw != nil { body(220) }
        if targetIdentification != nil { body(245) }
        if updateAges != nil { body(290) }
        if dataAges != nil { body(295) }
        if aircraftDerived != nil { body(380) }
        if accuracy != nil { body(500) }
        // A raw item with the code of a typed one that is also set comes out as `duplicateItem`.
        for item in otherItems { body(item.code) }
    }

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 10: if let sensor { sensor.write(into: &w); return }
        case 15: if let serviceID { w.u8(serviceID); return }
        case 40: if let trackNumber { w.u16(trackNumber); return }
        case 60: if let mode3A { w.u16(mode3A.item); return }
        case 70: if let timeOfTrack { timeOfTrack.write(into: &w); return }
        case 80: if let status { status.write(into: &w); return }
        case 100: if let cartesian { cartesian.write(into: &w); return }
        case 105: if let wgs84 { wgs84.write(into: &w); return }
        case 130: if let geometricAltitudeRaw { w.u16(UInt16(bitPattern: geometricAltitudeRaw)); return }
        case 135: if let barometricAltitude { barometricAltitude.write(into: &w); return }
        case 136: if let measuredFlightLevelRaw { w.u16(UInt16(bitPattern: measuredFlightLevelRaw)); return }
        case 185: if let velocity { velocity.write(into: &w); return }
        case 200: if let modeOfMovement { modeOfMovement.write(into: &w); return }
        case 210: if let acceleration { acceleration.write(into: &w); return }
        case 220: if let rateOfClimbRaw { w.u16(UInt16(bitPattern: rateOfClimbRaw)); return }
        case 245: if let targetIdentification { targetIdentification.write(into: &w); return }
        case 290: if let updateAges { updateAges.write(into: &w); return }
        case 295: if let dataAges { dataAges.write(into: &w); return }
        case 380: if let aircraftDerived { aircraftDerived.write(into: &w); return }
        case 500: if let accuracy { accuracy.write(into: &w); return }
        default: break
        }
        if let item = otherItems.first(where: { $0.code == code }) { w.bytes(item.bytes) }
    }

    func unwritableItem() -> Int? {
        for item in otherItems {
            switch item.code {
            case ItemSpec.reCode, ItemSpec.spCode:
                if !Self.isExplicit(item.bytes) { return item.code }
            default:
                if item.bytes.isEmpty { return item.code }
            }
        }
        return nil
    }
}
