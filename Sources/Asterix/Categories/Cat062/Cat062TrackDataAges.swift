extension Cat062Record {
    /// I062/295 track data ages: a compound of 31 subfields, each one octet, the age of one kind
    /// of data used to update the track, LSB 1/4 s (255 means 63.75 s or more).
    ///
    /// Stored without allocation: a presence mask and 32 octets (absent ones kept at 0).
    public struct TrackDataAges: Sendable, Equatable {
        public static let lsbSeconds = 0.25

        /// The subfields in FSPEC order (raw value = subfield number − 1).
        public enum Subfield: Int, CaseIterable, Sendable {
            /// Measured flight level (I062/136).
            case mfl = 0
            /// Mode 1, Mode 2, Mode 3/A, Mode 4, Mode 5 codes.
            case md1, md2, mda, md4, md5
            /// Magnetic heading, indicated airspeed, true airspeed, selected altitude, final
            /// state selected altitude, trajectory intent, communications capability, status
            /// reported by ADS-B, ACAS resolution advisory.
            case mhg, ias, tas, sal, fss, tid, com, sab, acs
            /// Barometric vertical rate, geometric vertical rate, roll angle, track angle rate,
            /// track angle, ground speed, velocity uncertainty, meteorological data, emitter
            /// category, position, geometric altitude, position uncertainty, Mode S MB data,
            /// indicated airspeed, Mach number, barometric pressure setting.
            case bvr, gvr, ran, tar, tan, gsp, vun, met, emc, pos, gal, pun, mb, iar, mac, bps

            /// The subfield's name in the specification ("MFL").
            public var name: String { String(describing: self).uppercased() }
        }

        public static let subfieldCount = 31

        /// Bit `i` set: subfield `i + 1` is present.
        public private(set) var present: UInt32 = 0
        private var values = SIMD32<UInt8>(repeating: 0)
        var fspecOctetsHint: UInt8 = 0

        public init() {}

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var r = try Cat062CompoundReader(b, subfields: Self.subfieldCount)
            for i in 0..<Self.subfieldCount where r.has(i + 1) {
                values[i] = try r.take(1)[0]
            }
            try r.finish()
            present = UInt32(truncatingIfNeeded: r.present)
            fspecOctetsHint = r.extraFSPECHint
        }

        /// The raw age (quarter seconds) of one subfield, nil when absent.
        public subscript(_ s: Subfield) -> UInt8? {
            get { present & (1 << UInt32(s.rawValue)) != 0 ? values[s.rawValue] : nil }
            set {
                if let v = newValue {
                    present |= 1 << UInt32(s.rawValue)
                    values[s.rawValue] = v
                } else {
                    present &= ~(1 << UInt32(s.rawValue))
                    values[s.rawValue] = 0
                }
            }
        }

        /// The age of one subfield's data, seconds.
        public func seconds(_ s: Subfield) -> Double? { self[s].map { Double($0) * Self.lsbSeconds } }

        /// Age of the measured flight level (MFL), seconds.
        public var measuredFlightLevelAgeSeconds: Double? { seconds(.mfl) }
        /// Age of the Mode 3/A code (MDA), seconds.
        public var mode3AAgeSeconds: Double? { seconds(.mda) }

        public func write(into w: inout DataBlockWriter) {
            Cat062CompoundWriter.writeFSPEC(UInt64(present), atLeast: fspecOctetsHint, into: &w)
            for i in 0..<Self.subfieldCount where present & (1 << UInt32(i)) != 0 { w.u8(values[i]) }
        }
    }
}
