extension Cat021Record {
    /// I021/130: WGS-84 position, 24-bit two's complement latitude and longitude, LSB 180/2²³ °.
    public struct Position: Sendable, Hashable {
        public var latitudeRaw: Int32
        public var longitudeRaw: Int32
        public static let degreesPerLSB = 180.0 / 8_388_608.0

        public init(latitudeRaw: Int32, longitudeRaw: Int32) {
            self.latitudeRaw = latitudeRaw
            self.longitudeRaw = longitudeRaw
        }

        /// Degrees, north positive.
        public var latitude: Double { Double(latitudeRaw) * Self.degreesPerLSB }
        /// Degrees, east positive.
        public var longitude: Double { Double(longitudeRaw) * Self.degreesPerLSB }
    }

    /// I021/131: WGS-84 position, 32-bit two's complement latitude and longitude, LSB 180/2³⁰ °.
    public struct HighResolutionPosition: Sendable, Hashable {
        public var latitudeRaw: Int32
        public var longitudeRaw: Int32
        public static let degreesPerLSB = 180.0 / 1_073_741_824.0

        public init(latitudeRaw: Int32, longitudeRaw: Int32) {
            self.latitudeRaw = latitudeRaw
            self.longitudeRaw = longitudeRaw
        }

        /// Degrees, north positive.
        public var latitude: Double { Double(latitudeRaw) * Self.degreesPerLSB }
        /// Degrees, east positive.
        public var longitude: Double { Double(longitudeRaw) * Self.degreesPerLSB }
    }

    /// I021/155 barometric or /157 geometric vertical rate: RE bit, then a 15-bit two's
    /// complement rate, LSB 6.25 ft/min.
    public struct VerticalRate: Sendable, Hashable {
        /// The whole 16 bits.
        public var raw: UInt16
        public init(raw: UInt16) { self.raw = raw }

        /// RE: the true rate exceeds the range; `feetPerMinute` holds the largest value sent.
        public var rangeExceeded: Bool { raw & 0x8000 != 0 }
        /// Feet per minute, climb positive.
        public var feetPerMinute: Double { Double(Int(Int16(bitPattern: raw << 1) >> 1)) * 6.25 }
    }

    /// I021/160 Airborne Ground Vector: RE bit and a 15-bit ground speed in 2⁻¹⁴ NM/s, then the
    /// track angle in 360/2¹⁶ ° clockwise from true north.
    public struct GroundVector: Sendable, Hashable {
        /// RE and GS, the first 16 bits.
        public var speedRaw: UInt16
        public var trackAngleRaw: UInt16

        public init(speedRaw: UInt16, trackAngleRaw: UInt16) {
            self.speedRaw = speedRaw
            self.trackAngleRaw = trackAngleRaw
        }

        /// RE: the true speed exceeds the range.
        public var rangeExceeded: Bool { speedRaw & 0x8000 != 0 }
        /// NM/s.
        public var groundSpeed: Double { Double(speedRaw & 0x7FFF) / 16384 }
        /// Knots.
        public var groundSpeedKnots: Double { groundSpeed * 3600 }
        /// Degrees.
        public var trackAngle: Double { Double(trackAngleRaw) * (360.0 / 65536.0) }
    }
}
