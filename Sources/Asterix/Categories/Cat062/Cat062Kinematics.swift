#if canImport(Glibc)
import Glibc
#endif

// The kinematic items of a system track: position (105, 100), velocity (185), acceleration (210)
// and barometric altitude (135). Each keeps the raw integers of the item; the physical values are
// computed, and the initializers from physical values round to the nearest LSB (clamped to the
// field's range).

extension Cat062Record {
    /// I062/105 calculated position in WGS-84: latitude and longitude, 32-bit two's complement,
    /// LSB 180/2²⁵ degrees.
    public struct WGS84Position: Sendable, Equatable {
        public static let lsbDegrees = 180.0 / 33_554_432.0

        public var latitudeRaw: Int32
        public var longitudeRaw: Int32

        public init(latitudeRaw: Int32, longitudeRaw: Int32) {
            self.latitudeRaw = latitudeRaw
            self.longitudeRaw = longitudeRaw
        }

        public init(latitudeDegrees: Double, longitudeDegrees: Double) {
            latitudeRaw = Int32(quantize(latitudeDegrees, lsb: Self.lsbDegrees, bits: 32))
            longitudeRaw = Int32(quantize(longitudeDegrees, lsb: Self.lsbDegrees, bits: 32))
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 8)
            latitudeRaw = Int32(truncatingIfNeeded: b.int(0, bytes: 4))
            longitudeRaw = Int32(truncatingIfNeeded: b.int(4, bytes: 4))
        }

        /// Degrees, north positive.
        public var latitudeDegrees: Double { Double(latitudeRaw) * Self.lsbDegrees }
        /// Degrees, east positive.
        public var longitudeDegrees: Double { Double(longitudeRaw) * Self.lsbDegrees }

        public func write(into w: inout DataBlockWriter) {
            w.int(Int(latitudeRaw), bytes: 4)
            w.int(Int(longitudeRaw), bytes: 4)
        }
    }

    /// I062/100 calculated position in the system's Cartesian plane: X and Y, 24-bit two's
    /// complement each, LSB 0.5 m.
    public struct CartesianPosition: Sendable, Equatable {
        public static let lsbMetres = 0.5

        /// Half metres, within ±2²³.
        public var xRaw: Int32
        public var yRaw: Int32

        public init(xRaw: Int32, yRaw: Int32) {
            self.xRaw = xRaw
            self.yRaw = yRaw
        }

        public init(xMetres: Double, yMetres: Double) {
            xRaw = Int32(quantize(xMetres, lsb: Self.lsbMetres, bits: 24))
            yRaw = Int32(quantize(yMetres, lsb: Self.lsbMetres, bits: 24))
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 6)
            xRaw = Int32(truncatingIfNeeded: b.int(0, bytes: 3))
            yRaw = Int32(truncatingIfNeeded: b.int(3, bytes: 3))
        }

        public var xMetres: Double { Double(xRaw) * Self.lsbMetres }
        public var yMetres: Double { Double(yRaw) * Self.lsbMetres }

        public func write(into w: inout DataBlockWriter) {
            w.int(Int(xRaw), bytes: 3)
            w.int(Int(yRaw), bytes: 3)
        }
    }

    /// I062/185 calculated track velocity: VX (east) and VY (north, towards geographical north
    /// at the target), 16-bit two's complement, LSB 0.25 m/s.
    public struct Velocity: Sendable, Equatable {
        public static let lsbMetresPerSecond = 0.25

        public var vxRaw: Int16
        public var vyRaw: Int16

        public init(vxRaw: Int16, vyRaw: Int16) {
            self.vxRaw = vxRaw
            self.vyRaw = vyRaw
        }

        public init(vxMetresPerSecond: Double, vyMetresPerSecond: Double) {
            vxRaw = Int16(quantize(vxMetresPerSecond, lsb: Self.lsbMetresPerSecond, bits: 16))
            vyRaw = Int16(quantize(vyMetresPerSecond, lsb: Self.lsbMetresPerSecond, bits: 16))
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 4)
            vxRaw = Int16(truncatingIfNeeded: b.int(0, bytes: 2))
            vyRaw = Int16(truncatingIfNeeded: b.int(2, bytes: 2))
        }

        public var vxMetresPerSecond: Double { Double(vxRaw) * Self.lsbMetresPerSecond }
        public var vyMetresPerSecond: Double { Double(vyRaw) * Self.lsbMetresPerSecond }
        /// Ground speed, m/s.
        public var speedMetresPerSecond: Double {
            (vxMetresPerSecond * vxMetresPerSecond + vyMetresPerSecond * vyMetresPerSecond).squareRoot()
        }
        /// Track angle, degrees clockwise from north in [0, 360).
        public var trackAngleDegrees: Double {
            let a = atan2(vxMetresPerSecond, vyMetresPerSecond) * 180 / Double.pi
            return a < 0 ? a + 360 : a
        }

        public func write(into w: inout DataBlockWriter) {
            w.int(Int(vxRaw), bytes: 2)
            w.int(Int(vyRaw), bytes: 2)
        }
    }

    /// I062/210 calculated acceleration: AX and AY, 8-bit two's complement, LSB 0.25 m/s²
    /// (the extreme values mean "that or more").
    public struct Acceleration: Sendable, Equatable {
        public static let lsbMetresPerSecond2 = 0.25

        public var axRaw: Int8
        public var ayRaw: Int8

        public init(axRaw: Int8, ayRaw: Int8) {
            self.axRaw = axRaw
            self.ayRaw = ayRaw
        }

        public init(axMetresPerSecond2: Double, ayMetresPerSecond2: Double) {
            axRaw = Int8(quantize(axMetresPerSecond2, lsb: Self.lsbMetresPerSecond2, bits: 8))
            ayRaw = Int8(quantize(ayMetresPerSecond2, lsb: Self.lsbMetresPerSecond2, bits: 8))
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 2)
            axRaw = Int8(bitPattern: b[0])
            ayRaw = Int8(bitPattern: b[1])
        }

        /// m/s².
        public var axMetresPerSecond2: Double { Double(axRaw) * Self.lsbMetresPerSecond2 }
        /// m/s².
        public var ayMetresPerSecond2: Double { Double(ayRaw) * Self.lsbMetresPerSecond2 }

        public func write(into w: inout DataBlockWriter) {
            w.u8(UInt8(bitPattern: axRaw))
            w.u8(UInt8(bitPattern: ayRaw))
        }
    }

    /// I062/135 calculated track barometric altitude: a QNH-correction flag and a 15-bit two's
    /// complement altitude, LSB 1/4 FL.
    public struct BarometricAltitude: Sendable, Equatable {
        public static let lsbFlightLevels = 0.25

        /// QNH: QNH correction applied.
        public var qnhCorrected: Bool
        /// CTB in quarter flight levels, within −2¹⁴…2¹⁴−1.
        public var altitudeRaw: Int16

        public init(qnhCorrected: Bool, altitudeRaw: Int16) {
            self.qnhCorrected = qnhCorrected
            self.altitudeRaw = altitudeRaw
        }

        public init(flightLevel: Double, qnhCorrected: Bool = false) {
            self.qnhCorrected = qnhCorrected
            altitudeRaw = Int16(quantize(flightLevel, lsb: Self.lsbFlightLevels, bits: 15))
        }

        public init(item b: UnsafeRawBufferPointer) throws(SizeFailure) {
            try TypedItemCheck.fixed(b, 2)
            let v = b.u16(0)
            qnhCorrected = v & 0x8000 != 0
            // Sign-extend the 15-bit field.
            altitudeRaw = Int16(bitPattern: v << 1) >> 1
        }

        /// Flight levels (hundreds of feet).
        public var flightLevel: Double { Double(altitudeRaw) * Self.lsbFlightLevels }

        public func write(into w: inout DataBlockWriter) {
            w.u16((qnhCorrected ? 0x8000 : 0) | UInt16(bitPattern: altitudeRaw) & 0x7FFF)
        }
    }
}
