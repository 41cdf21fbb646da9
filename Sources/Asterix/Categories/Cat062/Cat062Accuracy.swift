extension Cat062Record {
    /// I062/500 estimated accuracies: a compound of eight subfields (standard deviations as the
    /// tracker estimates them; the largest value of each means "that or more").
    public struct Accuracy: Sendable, Equatable {
        /// Two unsigned 16-bit components.
        public struct Pair16: Sendable, Equatable {
            public var x: UInt16
            public var y: UInt16
            public init(x: UInt16, y: UInt16) { self.x = x; self.y = y }
        }

        /// Two unsigned 8-bit components.
        public struct Pair8: Sendable, Equatable {
            public var x: UInt8
            public var y: UInt8
            public init(x: UInt8, y: UInt8) { self.x = x; self.y = y }
        }

        /// APC (subfield 1): position X and Y, LSB 0.5 m.
        public var apc: Pair16?
        /// COV (2): XY covariance, sign(cov)·√|cov|, 16-bit two's complement, LSB 0.5 m.
        public var cov: Int16?
        /// APW (3): latitude (`x`) and longitude (`y`), LSB 180/2²⁵ degrees.
        public var apw: Pair16?
        /// AGA (4): geometric altitude, LSB 6.25 ft.
        public var aga: UInt8?
        /// ABA (5): barometric altitude, LSB 1/4 FL.
        public var aba: UInt8?
        /// ATV (6): velocity X and Y, LSB 0.25 m/s.
        public var atv: Pair8?
        /// AA (7): acceleration X and Y, LSB 0.25 m/s².
        public var aa: Pair8?
        /// ARC (8): rate of climb or descent, LSB 6.25 ft/min.
        public var arc: UInt8?

        var fspecOctetsHint: UInt8 = 0

        public static let subfieldCount = 8

        public init() {}

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            var r = try Cat062CompoundReader(b, subfields: Self.subfieldCount)
            if r.has(1) { let v = try r.take(4); apc = Pair16(x: v.u16(0), y: v.u16(2)) }
            if r.has(2) { cov = Int16(bitPattern: try r.take(2).u16(0)) }
            if r.has(3) { let v = try r.take(4); apw = Pair16(x: v.u16(0), y: v.u16(2)) }
            if r.has(4) { aga = try r.take(1)[0] }
            if r.has(5) { aba = try r.take(1)[0] }
            if r.has(6) { let v = try r.take(2); atv = Pair8(x: v[0], y: v[1]) }
            if r.has(7) { let v = try r.take(2); aa = Pair8(x: v[0], y: v[1]) }
            if r.has(8) { arc = try r.take(1)[0] }
            try r.finish()
            fspecOctetsHint = r.extraFSPECHint
        }

        /// Position accuracy in metres (X, Y).
        public var positionMetres: (x: Double, y: Double)? { apc.map { (Double($0.x) * 0.5, Double($0.y) * 0.5) } }
        /// XY covariance component in metres (signed).
        public var covarianceMetres: Double? { cov.map { Double($0) * 0.5 } }
        /// Position accuracy in degrees (latitude, longitude).
        public var positionDegrees: (latitude: Double, longitude: Double)? {
            apw.map { (Double($0.x) * WGS84Position.lsbDegrees, Double($0.y) * WGS84Position.lsbDegrees) }
        }
        /// Geometric altitude accuracy, feet.
        public var geometricAltitudeFeet: Double? { aga.map { Double($0) * 6.25 } }
        /// Barometric altitude accuracy, flight levels.
        public var barometricAltitudeFlightLevels: Double? { aba.map { Double($0) * 0.25 } }
        /// Velocity accuracy, m/s (X, Y).
        public var velocityMetresPerSecond: (x: Double, y: Double)? { atv.map { (Double($0.x) * 0.25, Double($0.y) * 0.25) } }
        /// Acceleration accuracy, m/s² (X, Y).
        public var accelerationMetresPerSecond2: (x: Double, y: Double)? { aa.map { (Double($0.x) * 0.25, Double($0.y) * 0.25) } }
        /// Rate of climb accuracy, ft/min.
        public var rateOfClimbFeetPerMinute: Double? { arc.map { Double($0) * 6.25 } }

        /// Bit `i` set: subfield `i + 1` is present.
        public var presence: UInt64 {
            var p: UInt64 = 0
            if apc != nil { p |= 1 << 0 }
            if cov != nil { p |= 1 << 1 }
            if apw != nil { p |= 1 << 2 }
            if aga != nil { p |= 1 << 3 }
            if aba != nil { p |= 1 << 4 }
            if atv != nil { p |= 1 << 5 }
            if aa != nil { p |= 1 << 6 }
            if arc != nil { p |= 1 << 7 }
            return p
        }

        public func write(into w: inout DataBlockWriter) {
            Cat062CompoundWriter.writeFSPEC(presence, atLeast: fspecOctetsHint, into: &w)
            if let apc { w.u16(apc.x); w.u16(apc.y) }
            if let cov { w.u16(UInt16(bitPattern: cov)) }
            if let apw { w.u16(apw.x); w.u16(apw.y) }
            if let aga { w.u8(aga) }
            if let aba { w.u8(aba) }
            if let atv { w.u8(atv.x); w.u8(atv.y) }
            if let aa { w.u8(aa.x); w.u8(aa.y) }
            if let arc { w.u8(arc) }
        }
    }
}
