extension Cat021Record {
    /// I021/074 or /076: the fraction of the second of a time of message reception, to 2⁻³⁰ s,
    /// with a full-second indication (FSI) that says which whole second of I021/073 (/075) it
    /// belongs to.
    public struct HighPrecisionTime: Sendable, Hashable {
        /// FSI (2 bits) then the 30-bit fraction.
        public var raw: UInt32
        public init(raw: UInt32) { self.raw = raw }

        /// FSI: 0 the whole second of /073, 1 that second + 1, 2 that second − 1, 3 reserved.
        public var fullSecondIndication: UInt8 { UInt8(raw >> 30) }
        /// The fraction in 2⁻³⁰ s.
        public var fractionRaw: UInt32 { raw & 0x3FFF_FFFF }
        /// Seconds, 0 ..< 1.
        public var fraction: Double { Double(fractionRaw) / 1_073_741_824 }

        /// Seconds since midnight: the whole second of `time` corrected by FSI, plus the fraction,
        /// wrapping at midnight; nil without `time` or when FSI is 3.
        public func seconds(wholeSecondsFrom time: TimeOfDay?) -> Double? {
            guard let time else { return nil }
            let whole = Int(time.ticks / TimeOfDay.ticksPerSecond)
            let adjusted: Int
            switch fullSecondIndication {
            case 0: adjusted = whole
            case 1: adjusted = whole + 1
            case 2: adjusted = whole - 1
            default: return nil
            }
            let day = 86_400
            return Double(((adjusted % day) + day) % day) + fraction
        }
    }
}
