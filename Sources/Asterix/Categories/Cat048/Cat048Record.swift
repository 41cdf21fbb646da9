/// A CAT048 monoradar target report (editions 1.27–1.32 share one UAP), typed for the items a
/// tracker reads. Each item keeps its raw fields, so decoding and encoding again gives the same
/// bytes; physical values are computed properties. Items not typed here (030, 050, 055, 060, 065,
/// 080, 100, 120, 210, 250, 260, RE, SP) are sized by the definition and not carried.
public struct Cat048Record: Sendable, Equatable {
    /// I048/010
    public var sensor: SensorID?
    /// I048/140
    public var timeOfDay: TimeOfDay?
    /// I048/020
    public var descriptor: TargetReportDescriptor?
    /// I048/040
    public var polar: PolarPosition?
    /// I048/070
    public var mode3A: Mode3A?
    /// I048/090
    public var flightLevel: FlightLevelCode?
    /// I048/130
    public var plotCharacteristics: PlotCharacteristics?
    /// I048/220
    public var address: ModeSAddress?
    /// I048/240
    public var callsign: Callsign?
    /// I048/161: the radar's own track number (12 bits).
    public var trackNumber: UInt16?
    /// I048/042: track position relative to the radar, 1/128 NM.
    public var cartesian: (x: Int16, y: Int16)? {
        get { cartesianRaw.map { (Int16(truncatingIfNeeded: $0 >> 16), Int16(truncatingIfNeeded: $0 & 0xFFFF)) } }
        set { cartesianRaw = newValue.map { UInt32(UInt16(bitPattern: $0.x)) << 16 | UInt32(UInt16(bitPattern: $0.y)) } }
    }
    private var cartesianRaw: UInt32?
    /// I048/200
    public var velocity: PolarVelocity?
    /// I048/170
    public var trackStatus: TrackStatus048?
    /// I048/110: height measured by a 3-D radar, raw (25 ft, 14-bit two's complement).
    public var height3DRaw: UInt16?
    /// I048/230: Mode S communications capability and flight status, raw 16 bits.
    public var communications: UInt16?

    public init() {}

    public var cartesianNM: (x: Double, y: Double)? {
        cartesian.map { (Double($0.x) / 128, Double($0.y) / 128) }
    }

    /// I048/110 in feet; set, it rounds to the item's 25 ft and saturates at its 14 bits.
    public var height3DFeet: Double? {
        get { height3DRaw.map { Double(Int(Int16(bitPattern: $0 << 2) >> 2)) * 25 } }
        set { height3DRaw = newValue.map { UInt16(truncatingIfNeeded: quantize($0, lsb: 25, bits: 14)) & 0x3FFF } }
    }

    public static func == (a: Cat048Record, b: Cat048Record) -> Bool {
        a.sensor == b.sensor && a.timeOfDay == b.timeOfDay && a.descriptor == b.descriptor && a.polar == b.polar
            && a.mode3A == b.mode3A && a.flightLevel == b.flightLevel && a.plotCharacteristics == b.plotCharacteristics
            && a.address == b.address && a.callsign == b.callsign && a.trackNumber == b.trackNumber
            && a.cartesianRaw == b.cartesianRaw && a.velocity == b.velocity && a.trackStatus == b.trackStatus
            && a.height3DRaw == b.height3DRaw && a.communications == b.communications
    }
}

extension Cat048Record {
    /// Reads the typed items of a record the scanner has sized; never fails on a record it sized.
    public init(_ record: RecordView) {
        self.init()
        for ref in record.items {
            let b = record[ref]
            switch ref.code {
            case 10: sensor = SensorID(item: b)
            case 140: timeOfDay = TimeOfDay(item: b)
            case 20: descriptor = TargetReportDescriptor(b)
            case 40: polar = PolarPosition(rho: b.u16(0), theta: b.u16(2))
            case 70: mode3A = Mode3A(item: b.u16(0))
            case 90: flightLevel = FlightLevelCode(raw: b.u16(0))
            case 130: plotCharacteristics = PlotCharacteristics(b)
            case 220: address = ModeSAddress(b.u24(0))
            case 240: callsign = Callsign(b, at: 0)
            case 161: trackNumber = b.u16(0)
            case 42: cartesianRaw = b.u32(0)
            case 200: velocity = PolarVelocity(speed: b.u16(0), heading: b.u16(2))
            case 170: trackStatus = TrackStatus048(b)
            case 110: height3DRaw = b.u16(0)
            case 230: communications = b.u16(0)
            default: break
            }
        }
    }

    /// Appends this record to a CAT048 block, items in the FRN order of the definition.
    public func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError) {
        try encodeRecord(uap: 0, spec: spec, into: &w)
    }
}

extension Cat048Record: TypedRecordItems {
    static let category: UInt8 = 48

    func forEachPresentItem(_ body: (Int) -> Void) {
        if sensor != nil { body(10) }
        if timeOfDay != nil { body(140) }
        if descriptor != nil { body(20) }
        if polar != nil { body(40) }
        if mode3A != nil { body(70) }
        if flightLevel != nil { body(90) }
        if plotCharacteristics != nil { body(130) }
        if address != nil { body(220) }
        if callsign != nil { body(240) }
        if trackNumber != nil { body(161) }
        if cartesianRaw != nil { body(42) }
        if velocity != nil { body(200) }
        if trackStatus != nil { body(170) }
        if height3DRaw != nil { body(110) }
        if communications != nil { body(230) }
    }

    func write(item code: Int, into w: inout DataBlockWriter) {
        switch code {
        case 10: sensor?.write(into: &w)
        case 140: timeOfDay?.write(into: &w)
        case 20: descriptor?.write(into: &w)
        case 40: if let polar { w.u16(polar.rho); w.u16(polar.theta) }
        case 70: if let mode3A { w.u16(mode3A.item) }
        case 90: if let flightLevel { w.u16(flightLevel.raw) }
        case 130: plotCharacteristics?.write(into: &w)
        case 220: if let address { w.u24(address.value) }
        case 240: callsign?.write(into: &w)
        case 161: if let trackNumber { w.u16(trackNumber) }
        case 42: if let cartesianRaw { w.u32(cartesianRaw) }
        case 200: if let velocity { w.u16(velocity.speed); w.u16(velocity.heading) }
        case 170: trackStatus?.write(into: &w)
        case 110: if let height3DRaw { w.u16(height3DRaw) }
        case 230: if let communications { w.u16(communications) }
        default: break
        }
    }

    func unwritableItem() -> Int? { nil }
}
