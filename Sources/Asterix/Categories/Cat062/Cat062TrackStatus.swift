extension Cat062Record {
    /// I062/080 Track Status: an extended item of one to seven octets (1.21; six in 1.16–1.20),
    /// each ending in an FX bit. Every octet is kept as received, so the item re-encodes byte for
    /// byte whatever it carries, including spare bits and fields later editions define.
    ///
    /// A field in an octet the track did not send reads as 0, its default value ("no
    /// indication"). Setting a field to a non-zero value adds the octets needed, with their FX
    /// bits; setting it to 0 where the octet is absent changes nothing.
    public struct TrackStatus: Sendable, Equatable {
        /// The octets, the first in the top byte, FX bits included; unused low bytes are zero.
        public private(set) var bits: UInt64
        /// How many octets the item holds (1…8).
        public private(set) var octetCount: Int

        /// One octet, all fields 0: a confirmed multisensor track with nothing to report.
        public init() {
            bits = 0
            octetCount = 1
        }

        /// The flags a tracker sets; every other field is left at 0. Octets are added only as far
        /// as the last non-zero field needs.
        public init(
            monosensor: Bool = false, tentative: Bool = false, simulated: Bool = false,
            coasting: Bool = false, psrAgeExpired: Bool = false, ssrAgeExpired: Bool = false,
            modeSAgeExpired: Bool = false, adsbAgeExpired: Bool = false,
            firstMessage: Bool = false, lastMessage: Bool = false
        ) {
            self.init()
            self.monosensor = monosensor
            self.tentative = tentative
            self.simulated = simulated
            self.firstMessage = firstMessage
            self.lastMessage = lastMessage
            self.coasting = coasting
            self.psrAgeExpired = psrAgeExpired
            self.ssrAgeExpired = ssrAgeExpired
            self.modeSAgeExpired = modeSAgeExpired
            self.adsbAgeExpired = adsbAgeExpired
        }

        /// From the item's bytes (sized by the record scanner; checked again here).
        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var v: UInt64 = 0
            var n = 0
            repeat {
                guard n < b.count else { throw .truncated }
                guard n < 8 else { throw .extensionBeyondDefinition }
                v |= UInt64(b[n]) << UInt64(56 - 8 * n)
                n += 1
            } while b[n - 1] & 1 == 1
            guard n == b.count else { throw .invalidDefinition }
            bits = v
            octetCount = n
        }

        /// Octet `i` (0-based) as received, or 0 when the item stops before it.
        public func octet(_ i: Int) -> UInt8 {
            guard i >= 0, i < octetCount else { return 0 }
            return UInt8(truncatingIfNeeded: bits >> UInt64(56 - 8 * i))
        }

        public func write(into w: inout DataBlockWriter) {
            for i in 0..<octetCount { w.u8(octet(i)) }
        }

        /// The same status cut to `octets` octets (FX of the new last octet cleared), for an
        /// edition that defines fewer; unchanged when it already fits.
        public func truncated(to octets: Int) -> TrackStatus {
            guard octets >= 1, octets < octetCount else { return self }
            var out = self
            out.octetCount = octets
            let keep: UInt64 = ~0 << UInt64(64 - 8 * octets)
            out.bits &= keep
            out.bits &= ~(1 << UInt64(64 - 8 * octets))
            return out
        }

        /// The `width` bits of octet `i` whose highest is bit `high` (bits numbered as in the
        /// specification: 8 the first, 1 the FX bit).
        @inline(__always)
        func field(_ i: Int, high: Int, width: Int = 1) -> UInt8 {
            (octet(i) >> UInt8(high - width)) & UInt8((1 << width) - 1)
        }

        mutating func setField(_ i: Int, high: Int, width: Int = 1, to value: UInt8) {
            let mask = UInt8((1 << width) - 1)
            let v = value & mask
            if i >= octetCount {
                guard v != 0, i < 8 else { return }
                while octetCount <= i {
                    // FX on the current last octet, then a new empty one.
                    bits |= 1 << UInt64(56 - 8 * (octetCount - 1))
                    octetCount += 1
                }
            }
            let shift = UInt64(56 - 8 * i + (high - width))
            bits = bits & ~(UInt64(mask) << shift) | UInt64(v) << shift
        }

        private func flag(_ i: Int, _ high: Int) -> Bool { field(i, high: high) != 0 }
        private mutating func setFlag(_ i: Int, _ high: Int, _ on: Bool) { setField(i, high: high, to: on ? 1 : 0) }

        // MARK: First octet

        /// MON: monosensor track (false: multisensor).
        public var monosensor: Bool { get { flag(0, 8) } set { setFlag(0, 8, newValue) } }
        /// SPI: special position identification in the last report of a sensor that decodes it.
        public var spi: Bool { get { flag(0, 7) } set { setFlag(0, 7, newValue) } }
        /// MRH: most reliable height is geometric (I062/130); false: barometric (I062/135).
        public var geometricHeightMoreReliable: Bool { get { flag(0, 6) } set { setFlag(0, 6, newValue) } }
        /// SRC: source of the calculated geometric altitude (I062/130): 0 none, 1 GNSS, 2 3D
        /// radar, 3 triangulation, 4 height from coverage, 5 speed look-up table, 6 default
        /// height, 7 multilateration.
        public var altitudeSource: UInt8 { get { field(0, high: 5, width: 3) } set { setField(0, high: 5, width: 3, to: newValue) } }
        /// CNF: tentative track (false: confirmed).
        public var tentative: Bool { get { flag(0, 2) } set { setFlag(0, 2, newValue) } }

        // MARK: Second octet

        /// SIM: simulated track.
        public var simulated: Bool { get { flag(1, 8) } set { setFlag(1, 8, newValue) } }
        /// TSE: last message transmitted to the user for the track.
        public var lastMessage: Bool { get { flag(1, 7) } set { setFlag(1, 7, newValue) } }
        /// TSB: first message transmitted to the user for the track.
        public var firstMessage: Bool { get { flag(1, 6) } set { setFlag(1, 6, newValue) } }
        /// FPC: flight-plan correlated.
        public var flightPlanCorrelated: Bool { get { flag(1, 5) } set { setFlag(1, 5, newValue) } }
        /// AFF: ADS-B data inconsistent with other surveillance information.
        public var adsbInconsistent: Bool { get { flag(1, 4) } set { setFlag(1, 4, newValue) } }
        /// STP: slave track promotion.
        public var slaveTrackPromotion: Bool { get { flag(1, 3) } set { setFlag(1, 3, newValue) } }
        /// KOS: background service used (false: complementary service).
        public var backgroundService: Bool { get { flag(1, 2) } set { setFlag(1, 2, newValue) } }

        // MARK: Third octet

        /// AMA: track resulting from amalgamation.
        public var amalgamated: Bool { get { flag(2, 8) } set { setFlag(2, 8, newValue) } }
        /// MD4: 0 no Mode 4 interrogation, 1 friendly, 2 unknown, 3 no reply.
        public var mode4: UInt8 { get { field(2, high: 7, width: 2) } set { setField(2, high: 7, width: 2, to: newValue) } }
        /// ME: military emergency in the last report of a sensor that decodes it.
        public var militaryEmergency: Bool { get { flag(2, 5) } set { setFlag(2, 5, newValue) } }
        /// MI: military identification in the last report of a sensor that decodes it.
        public var militaryIdentification: Bool { get { flag(2, 4) } set { setFlag(2, 4, newValue) } }
        /// MD5: 0 no Mode 5 interrogation, 1 friendly, 2 unknown, 3 no reply.
        public var mode5: UInt8 { get { field(2, high: 3, width: 2) } set { setField(2, high: 3, width: 2, to: newValue) } }

        // MARK: Fourth octet

        /// CST: coasting (the last track update is older than the system threshold).
        public var coasting: Bool { get { flag(3, 8) } set { setFlag(3, 8, newValue) } }
        /// PSR: the last PSR update is older than the system threshold.
        public var psrAgeExpired: Bool { get { flag(3, 7) } set { setFlag(3, 7, newValue) } }
        /// SSR: the last SSR update is older than the system threshold.
        public var ssrAgeExpired: Bool { get { flag(3, 6) } set { setFlag(3, 6, newValue) } }
        /// MDS: the last Mode S update is older than the system threshold.
        public var modeSAgeExpired: Bool { get { flag(3, 5) } set { setFlag(3, 5, newValue) } }
        /// ADS: the last ADS-B update is older than the system threshold.
        public var adsbAgeExpired: Bool { get { flag(3, 4) } set { setFlag(3, 4, newValue) } }
        /// SUC: special used code.
        public var specialUsedCode: Bool { get { flag(3, 3) } set { setFlag(3, 3, newValue) } }
        /// AAC: assigned Mode A code conflict.
        public var assignedCodeConflict: Bool { get { flag(3, 2) } set { setFlag(3, 2, newValue) } }

        // MARK: Fifth octet

        /// SDS: 0 combined, 1 co-operative only, 2 non-cooperative only, 3 not defined.
        public var surveillanceDataSource: UInt8 { get { field(4, high: 8, width: 2) } set { setField(4, high: 8, width: 2, to: newValue) } }
        /// EMS: 0 no emergency, 1 general, 2 lifeguard/medical, 3 minimum fuel, 4 no
        /// communications, 5 unlawful interference, 6 downed aircraft, 7 undefined.
        public var emergencyStatus: UInt8 { get { field(4, high: 6, width: 3) } set { setField(4, high: 6, width: 3, to: newValue) } }
        /// PFT: potential false track.
        public var potentialFalseTrack: Bool { get { flag(4, 3) } set { setFlag(4, 3, newValue) } }
        /// FPLT: track created or updated with flight-plan data.
        public var flightPlanData: Bool { get { flag(4, 2) } set { setFlag(4, 2, newValue) } }

        // MARK: Sixth octet

        /// DUPT: duplicate Mode 3/A code.
        public var duplicateMode3A: Bool { get { flag(5, 8) } set { setFlag(5, 8, newValue) } }
        /// DUPF: duplicate flight plan.
        public var duplicateFlightPlan: Bool { get { flag(5, 7) } set { setFlag(5, 7, newValue) } }
        /// DUPM: duplicate flight plan due to manual correlation.
        public var duplicateManualCorrelation: Bool { get { flag(5, 6) } set { setFlag(5, 6, newValue) } }
        /// SFC: surface target (1.18 and later; spare before).
        public var surface: Bool { get { flag(5, 5) } set { setFlag(5, 5, newValue) } }
        /// IDD: duplicate flight ID (1.18 and later).
        public var duplicateFlightID: Bool { get { flag(5, 4) } set { setFlag(5, 4, newValue) } }
        /// IEC: inconsistent emergency code (1.18 and later).
        public var inconsistentEmergencyCode: Bool { get { flag(5, 3) } set { setFlag(5, 3, newValue) } }
        /// MLAT: the last multilateration update is older than the system threshold (1.20 and later).
        public var mlatAgeExpired: Bool { get { flag(5, 2) } set { setFlag(5, 2, newValue) } }

        // MARK: Seventh octet (1.21)

        /// M5I: the last Mode 5 interrogation update is older than the system threshold.
        public var mode5AgeExpired: Bool { get { flag(6, 8) } set { setFlag(6, 8, newValue) } }
    }
}
