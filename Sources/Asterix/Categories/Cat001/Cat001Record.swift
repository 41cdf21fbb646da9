/// A CAT001 legacy monoradar target report, editions 1.x (1.2 and 1.4 share their layouts): a
/// plot or a track, by the TYP bit of I001/020, each with its own UAP. Typed properties hold the
/// raw integer fields, so a decoded record re-encodes byte for byte; computed properties give
/// physical units. Every item not typed here (030, 050, 060, 080, 100, 120, 150, 170, 210) is
/// carried in `untypedItems` as received, so the whole record re-encodes too.
///
/// I001/141 carries only the low 16 bits of the time of day: see `TruncatedTime` for how to
/// expand it with a reference time.
public struct Cat001Record: Sendable, Equatable {
    /// I001/010.
    public var dataSource: SensorID?
    /// I001/020: decides the UAP (plot or track).
    public var targetDescriptor: TargetReportDescriptor?
    /// I001/040: measured position, polar.
    public var polarPosition: PolarPosition?
    /// I001/042: calculated position, cartesian (tracks).
    public var cartesianPosition: CartesianPosition?
    /// I001/070.
    public var mode3A: Mode3A?
    /// I001/090: Mode C height, V G and 14-bit two's complement in 1/4 FL (the layout of I048/090).
    public var modeC: FlightLevelCode?
    /// I001/141: truncated time of day.
    public var truncatedTime: TruncatedTime?
    /// I001/161: track (or plot) number.
    public var trackNumber: UInt16?
    /// I001/200: calculated velocity, polar: 2⁻¹⁴ NM/s and 360/2¹⁶ ° (the layout of I048/200).
    public var velocity: PolarVelocity?
    /// I001/130: radar plot characteristics, application-dependent: the octets as sent, FX bits included.
    public var plotCharacteristics: [UInt8]?
    /// I001/131: received power, dBm.
    public var receivedPowerRaw: Int8?
    /// SP, whole (its first byte is its length).
    public var specialPurpose: [UInt8]?
    /// Every other item, bytes as received, in FSPEC order.
    public var untypedItems: [UntypedItem] = []

    public init() {}

    /// TYP of I001/020: a track rather than a plot (false without I001/020).
    public var isTrack: Bool { targetDescriptor?.isTrack ?? false }

    /// Reads a CAT001 record, plot or track. Throws `.invalidDefinition` for another category,
    /// and a `SizeFailure` when an item's bytes do not have the 1.x layout.
    public init(_ record: RecordView) throws(SizeFailure) {
        guard record.spec.category == Self.category else { throw .invalidDefinition }
        for ref in record.items {
            let b = record[ref]
            switch Int(ref.code) {
            case 10:
                try TypedItemCheck.fixed(b, 2)
                dataSource = SensorID(item: b)
            case 20:
                try TypedItemCheck.fxTerminated(b, maxOctets: 2)
                targetDescriptor = TargetReportDescriptor(octet1: b[0], octet2: b.count > 1 ? b[1] : nil)
            case 40:
                try TypedItemCheck.fixed(b, 4)
                polarPosition = PolarPosition(rhoRaw: b.u16(0), thetaRaw: b.u16(2))
            case 42:
                try TypedItemCheck.fixed(b, 4)
                cartesianPosition = CartesianPosition(xRaw: Int16(bitPattern: b.u16(0)), yRaw: Int16(bitPattern: b.u16(2)))
            case 70:
                try TypedItemCheck.fixed(b, 2)
                mode3A = Mode3A(item: b.u16(0))
            case 90:
                try TypedItemCheck.fixed(b, 2)
                modeC = FlightLevelCode(raw: b.u16(0))
            case 141:
                try TypedItemCheck.fixed(b, 2)
                truncatedTime = TruncatedTime(raw: b.u16(0))
            case 161:
                try TypedItemCheck.fixed(b, 2)
                trackNumber = b.u16(0)
            case 200:
                try TypedItemCheck.fixed(b, 4)
                velocity = PolarVelocity(speed: b.u16(0), heading: b.u16(2))
            case 130:
                try TypedItemCheck.fxTerminated(b)
                plotCharacteristics = Array(b)
            case 131:
                try TypedItemCheck.fixed(b, 1)
                receivedPowerRaw = Int8(bitPattern: b[0])
            case ItemSpec.spCode:
                try TypedItemCheck.explicit(b)
                specialPurpose = Array(b)
            case let code:
                try TypedItemCheck.sized(b, rule: record.spec.layouts[record.uap].rules[Int(ref.frn) - 1])
                untypedItems.append(UntypedItem(code: code, bytes: Array(b)))
            }
        }
    }

    /// Appends this record to `w` in the UAP that the TYP bit of I001/020 selects in `spec` (a
    /// CAT001 definition); a record without I001/020 goes out under the plot UAP. A plot with
    /// an item only tracks carry (042, 161, 170, 200, 210) throws `.itemNotInUAP`.
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        let typ = isTrack ? 1 : 0
        try encodeRecord(uap: spec.selector?.cases[typ] ?? 0, spec: spec, into: &w)
    }
}

extension Cat001Record: TypedRecordItems {
    static let category: UInt8 = 1

    /// Items with a typed property: an `UntypedItem` may not stand in for them.
    static let typedCodes: Set<Int> = [10, 20, 40, 42, 70, 90, 141, 161, 200, 130, 131, ItemSpec.spCode]

    func forEachPresentItem(_ body: (Int) -> Void) {
        if dataSource != nil { body(10) }
        if targetDescriptor != nil { body(20) }
        if polarPosition != nil { body(40) }
        if cartesianPosition != nil { body(42) }
        if mode3A != nil { body(70) }
        if modeC != nil { body(90) }
        if truncatedTime != nil { body(141) }
        if trackNumber != nil { body(161) }
        if velocity != nil { body(200) }
        if plotCharacteristics != nil { body(130) }
        if receivedPowerRaw != nil { body(131) }
        if specialPurpose != nil { body(ItemSpec.spCode) }
        for item in untypedItems { body(item.code) }
    }

    func unwritableItem() -> Int? {
        if !Self.isFXTerminated(plotCharacteristics) { return 130 }
        if !Self.isExplicit(specialPurpose) { return ItemSpec.spCode }
        if let bad = untypedItems.first(where: { $0.bytes.isEmpty || Self.typedCodes.contains($0.code) }) { return bad.code }
        return nil
    }

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 10: dataSource!.write(into: &w)
        case 20: targetDescriptor!.write(into: &w)
        case 40:
            let p = polarPosition!
            w.u16(p.rhoRaw)
            w.u16(p.thetaRaw)
        case 42:
            let p = cartesianPosition!
            w.u16(UInt16(bitPattern: p.xRaw))
            w.u16(UInt16(bitPattern: p.yRaw))
        case 70: w.u16(mode3A!.item)
        case 90: w.u16(modeC!.raw)
        case 141: w.u16(truncatedTime!.raw)
        case 161: w.u16(trackNumber!)
        case 200:
            let v = velocity!
            w.u16(v.speed)
            w.u16(v.heading)
        case 130: w.bytes(plotCharacteristics!)
        case 131: w.u8(UInt8(bitPattern: receivedPowerRaw!))
        case ItemSpec.spCode: w.bytes(specialPurpose!)
        default:
            guard let item = untypedItems.first(where: { $0.code == code }) else {
                preconditionFailure("CAT001 item \(code) not held")
            }
            w.bytes(item.bytes)
        }
    }
}
