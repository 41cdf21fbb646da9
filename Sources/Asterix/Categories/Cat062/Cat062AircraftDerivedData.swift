extension Cat062Record {
    /// I062/380 aircraft derived data: a compound of 28 subfields (identical in editions
    /// 1.16–1.21). The target address (ADR) and identification (ID) are typed; every other
    /// subfield present is kept as its raw bytes, in subfield order, and re-encoded as received.
    /// A few of those have computed accessors (heading, speeds, vertical rates, …).
    public struct AircraftDerivedData: Sendable, Equatable {
        /// A subfield other than ADR and ID, as received.
        public struct Subfield: Sendable, Equatable {
            /// 3…28 (FSPEC order).
            public var number: Int
            public var bytes: [UInt8]

            public init(number: Int, bytes: [UInt8]) {
                self.number = number
                self.bytes = bytes
            }

            public var name: String { AircraftDerivedData.subfieldNames[number - 1] }
        }

        /// Names of the subfields in FSPEC order.
        public static let subfieldNames = [
            "ADR", "ID", "MHG", "IAS", "TAS", "SAL", "FSS", "TIS", "TID", "COM", "SAB", "ACS", "BVR", "GVR",
            "RAN", "TAR", "TAN", "GS", "VUN", "MET", "EMC", "POS", "GAL", "PUN", "MB", "IAR", "MAC", "BPS",
        ]
        public static let subfieldCount = 28

        /// ADR (subfield 1): 24-bit ICAO aircraft address.
        public var address: ModeSAddress?
        /// ID (subfield 2): target identification, 8 ICAO 6-bit characters.
        public var identification: Callsign?
        /// Subfields 3…28 present, ascending by number.
        public private(set) var otherSubfields: [Subfield] = []

        var fspecOctetsHint: UInt8 = 0

        public init(address: ModeSAddress? = nil, identification: Callsign? = nil) {
            self.address = address
            self.identification = identification
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var r = try Cat062CompoundReader(b, subfields: Self.subfieldCount)
            for number in 1...Self.subfieldCount where r.has(number) {
                let length = try Self.size(of: number, in: r.bytes, at: r.position)
                let v = try r.take(length)
                switch number {
                case 1: address = ModeSAddress(v.u24(0))
                case 2: identification = Callsign(v, at: 0)
                default: otherSubfields.append(Subfield(number: number, bytes: Array(v)))
                }
            }
            try r.finish()
            fspecOctetsHint = r.extraFSPECHint
        }

        /// The byte size of subfield `number` starting at `at`; checks the bytes are there.
        static func size(of number: Int, in b: UnsafeRawBufferPointer, at: Int) throws(SizeFailure) -> Int {
            let left = b.count - at
            let n: Int
            switch number {
            case 1: n = 3
            case 2: n = 6
            case 8:
                // TIS: one octet ending in FX; the definition has no second octet.
                guard left >= 1 else { throw .truncated }
                guard b[at] & 1 == 0 else { throw .extensionBeyondDefinition }
                n = 1
            case 9, 25:
                // TID: a count then 15-octet elements; MB: a count then 8-octet elements.
                guard left >= 1 else { throw .truncated }
                n = 1 + Int(b[at]) * (number == 9 ? 15 : 8)
            case 12: n = 7
            case 19, 21, 24: n = 1
            case 20: n = 8
            case 22: n = 6
            case 3...28: n = 2
            default: throw .undefinedSubitem(number)
            }
            guard n <= left else { throw .truncated }
            return n
        }

        /// The raw bytes of subfield `number` (1…28), nil when absent.
        public func subfield(_ number: Int) -> [UInt8]? {
            switch number {
            case 1:
                return address.map { [UInt8($0.value >> 16), UInt8($0.value >> 8 & 0xFF), UInt8($0.value & 0xFF)] }
            case 2:
                return identification.map { c in (0..<6).map { UInt8(truncatingIfNeeded: c.bits >> UInt64(40 - 8 * $0)) } }
            default:
                return otherSubfields.first { $0.number == number }?.bytes
            }
        }

        /// Sets or removes (nil) subfield `number`; false, and nothing changed, when the bytes are
        /// not one whole subfield of that number as the definition sizes it.
        @discardableResult
        public mutating func setSubfield(_ number: Int, _ bytes: [UInt8]?) -> Bool {
            guard (1...Self.subfieldCount).contains(number) else { return false }
            if let bytes {
                let fits = bytes.withUnsafeBytes { b in
                    (try? Self.size(of: number, in: b, at: 0)) == b.count
                }
                guard fits else { return false }
                switch number {
                case 1: bytes.withUnsafeBytes { address = ModeSAddress($0.u24(0)) }
                case 2: bytes.withUnsafeBytes { identification = Callsign($0, at: 0) }
                default:
                    let s = Subfield(number: number, bytes: bytes)
                    if let i = otherSubfields.firstIndex(where: { $0.number >= number }) {
                        if otherSubfields[i].number == number { otherSubfields[i] = s } else { otherSubfields.insert(s, at: i) }
                    } else {
                        otherSubfields.append(s)
                    }
                }
            } else {
                switch number {
                case 1: address = nil
                case 2: identification = nil
                default: otherSubfields.removeAll { $0.number == number }
                }
            }
            return true
        }

        /// Bit `i` set: subfield `i + 1` is present.
        public var presence: UInt64 {
            var p: UInt64 = 0
            if address != nil { p |= 1 }
            if identification != nil { p |= 2 }
            for s in otherSubfields { p |= 1 << UInt64(s.number - 1) }
            return p
        }

        public func write(into w: inout DataBlockWriter) {
            Cat062CompoundWriter.writeFSPEC(presence, atLeast: fspecOctetsHint, into: &w)
            if let address { w.u24(address.value) }
            if let identification { identification.write(into: &w) }
            for s in otherSubfields { w.bytes(s.bytes) }
        }

        // MARK: Computed from raw subfields

        private func u16(_ number: Int) -> UInt16? {
            guard let b = subfield(number), b.count >= 2 else { return nil }
            return UInt16(b[0]) << 8 | UInt16(b[1])
        }

        private func s16(_ number: Int) -> Int16? { u16(number).map { Int16(bitPattern: $0) } }

        /// MHG: magnetic heading, degrees (LSB 360/2¹⁶).
        public var magneticHeadingDegrees: Double? { u16(3).map { Double($0) * 360 / 65_536 } }
        /// TAS: true airspeed, knots.
        public var trueAirspeedKnots: Double? { u16(5).map { Double($0) } }
        /// SAL: selected altitude, feet (13-bit two's complement, LSB 25 ft).
        public var selectedAltitudeFeet: Double? {
            u16(6).map { Double(Int16(bitPattern: $0 << 3) >> 3) * 25 }
        }
        /// BVR: barometric vertical rate, ft/min (LSB 6.25).
        public var barometricVerticalRateFeetPerMinute: Double? { s16(13).map { Double($0) * 6.25 } }
        /// GVR: geometric vertical rate, ft/min (LSB 6.25).
        public var geometricVerticalRateFeetPerMinute: Double? { s16(14).map { Double($0) * 6.25 } }
        /// RAN: roll angle, degrees (LSB 0.01).
        public var rollAngleDegrees: Double? { s16(15).map { Double($0) * 0.01 } }
        /// TAN: track angle, degrees (LSB 360/2¹⁶).
        public var trackAngleDegrees: Double? { u16(17).map { Double($0) * 360 / 65_536 } }
        /// GS: ground speed, knots (LSB 2⁻¹⁴ NM/s).
        public var groundSpeedKnots: Double? { s16(18).map { Double($0) * 3600 / 16_384 } }
        /// EMC: emitter category (the table of the specification: 1 light aircraft … 24 obstacle).
        public var emitterCategory: UInt8? { subfield(21)?.first }
        /// POS: position reported by the aircraft, degrees (24-bit, LSB 180/2²³).
        public var positionDegrees: (latitude: Double, longitude: Double)? {
            guard let b = subfield(22), b.count == 6 else { return nil }
            func s24(_ i: Int) -> Double {
                Double(Int32(bitPattern: UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8) >> 8)
            }
            return (s24(0) * 180 / 8_388_608, s24(3) * 180 / 8_388_608)
        }
        /// GAL: geometric altitude reported by the aircraft, feet (LSB 6.25).
        public var geometricAltitudeFeet: Double? { s16(23).map { Double($0) * 6.25 } }
        /// IAR: indicated airspeed, knots.
        public var indicatedAirspeedKnots: Double? { u16(26).map { Double($0) } }
        /// MAC: Mach number (LSB 0.008).
        public var machNumber: Double? { u16(27).map { Double($0) * 0.008 } }
    }
}
