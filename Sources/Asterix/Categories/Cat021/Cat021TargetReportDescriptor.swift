extension Cat021Record {
    /// I021/040 Target Report Descriptor: every octet kept as sent, FX bits included (2.4–2.5
    /// define 3 octets, 2.6–2.7 five). Flags of the first three octets are computed; a flag of an
    /// octet that was not sent is nil.
    public struct TargetReportDescriptor: Sendable, Hashable {
        /// The octets, the first in the top byte.
        public private(set) var octets: UInt64
        /// How many octets, 1…8.
        public private(set) var count: Int

        /// From the octets as sent; the FX bits are set to match the count. At most 8 are kept.
        public init(octets: some Sequence<UInt8>) {
            var v: UInt64 = 0
            var n = 0
            for o in octets where n < 8 {
                v |= UInt64(o) << UInt64(56 - 8 * n)
                n += 1
            }
            self.octets = v
            self.count = n
            for i in 0..<n {
                let fx: UInt64 = 1 << UInt64(56 - 8 * i)
                if i < n - 1 { self.octets |= fx } else { self.octets &= ~fx }
            }
        }

        init(_ b: UnsafeRawBufferPointer) {
            self.init(octets: b)
        }

        /// Octet `i` (0-based) as sent, or nil past the last.
        public subscript(octet i: Int) -> UInt8? {
            i >= 0 && i < count ? UInt8(truncatingIfNeeded: octets >> UInt64(56 - 8 * i)) : nil
        }

        private var first: UInt8 { self[octet: 0] ?? 0 }
        private func flag(_ octet: Int, _ mask: UInt8) -> Bool? { self[octet: octet].map { $0 & mask != 0 } }

        /// ATP: 0 24-bit ICAO address, 1 duplicate, 2 surface vehicle, 3 anonymous.
        public var addressType: UInt8 { first >> 5 }
        /// ARC: altitude reporting capability, 0 25 ft, 1 100 ft, 2 unknown, 3 invalid.
        public var altitudeReportingCapability: UInt8 { (first >> 3) & 3 }
        /// RC: range check passed, CPR validation pending.
        public var rangeCheckPassed: Bool { first & 0x04 != 0 }
        /// RAB: report from a field monitor (fixed transponder).
        public var fieldMonitor: Bool { first & 0x02 != 0 }
        /// DCR: differential correction.
        public var differentialCorrection: Bool? { flag(1, 0x80) }
        /// GBS: ground bit set.
        public var groundBit: Bool? { flag(1, 0x40) }
        /// SIM: simulated target report.
        public var simulated: Bool? { flag(1, 0x20) }
        /// TST: test target.
        public var test: Bool? { flag(1, 0x10) }
        /// SAA: equipment not capable of providing the selected altitude.
        public var selectedAltitudeUnavailable: Bool? { flag(1, 0x08) }
        /// CL: confidence level, 0 valid, 1 suspect, 2 no information.
        public var confidenceLevel: UInt8? { self[octet: 1].map { ($0 >> 1) & 3 } }
        /// LLC: list lookup failed.
        public var listLookupFailed: Bool? { flag(2, 0x40) }
        /// IPC: independent position check failed.
        public var independentPositionCheckFailed: Bool? { flag(2, 0x20) }
        /// NOGO: NOGO bit set.
        public var noGo: Bool? { flag(2, 0x10) }
        /// CPR: CPR validation failed.
        public var cprValidationFailed: Bool? { flag(2, 0x08) }
        /// LDPJ: local decoding position jump detected.
        public var positionJump: Bool? { flag(2, 0x04) }
        /// RCF: range check failed.
        public var rangeCheckFailed: Bool? { flag(2, 0x02) }

        func write(into w: inout DataBlockWriter) {
            for i in 0..<count { w.u8(self[octet: i]!) }
        }
    }
}
