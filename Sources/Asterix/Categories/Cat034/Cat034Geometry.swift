extension Cat034Record {
    /// I034/090 (and I002/090, same layout): averaged PSR−SSR difference in range and azimuth.
    public struct CollimationError: Sendable, Hashable {
        /// Range error, LSB 1/128 NM.
        public var rangeRaw: Int8
        /// Azimuth error, LSB 360/2¹⁴ °.
        public var azimuthRaw: Int8

        public init(rangeRaw: Int8, azimuthRaw: Int8) {
            self.rangeRaw = rangeRaw
            self.azimuthRaw = azimuthRaw
        }

        /// NM.
        public var range: Double { Double(rangeRaw) / 128 }
        /// Degrees.
        public var azimuth: Double { Double(azimuthRaw) * (360.0 / 16384.0) }
    }

    /// I034/100 Generic Polar Window: rho in 1/256 NM, theta in 360/2¹⁶ °.
    public struct PolarWindow: Sendable, Hashable {
        public var rhoStartRaw: UInt16
        public var rhoEndRaw: UInt16
        public var thetaStartRaw: UInt16
        public var thetaEndRaw: UInt16

        public init(rhoStartRaw: UInt16, rhoEndRaw: UInt16, thetaStartRaw: UInt16, thetaEndRaw: UInt16) {
            self.rhoStartRaw = rhoStartRaw
            self.rhoEndRaw = rhoEndRaw
            self.thetaStartRaw = thetaStartRaw
            self.thetaEndRaw = thetaEndRaw
        }

        /// NM.
        public var rhoStart: Double { Double(rhoStartRaw) / 256 }
        public var rhoEnd: Double { Double(rhoEndRaw) / 256 }
        /// Degrees.
        public var thetaStart: Double { Double(thetaStartRaw) * (360.0 / 65536.0) }
        public var thetaEnd: Double { Double(thetaEndRaw) * (360.0 / 65536.0) }
    }

    /// I034/120 3-D position of the data source: height above WGS-84 in m, latitude and longitude
    /// in 180/2²³ ° (24-bit two's complement each).
    public struct Position3D: Sendable, Hashable {
        public var heightRaw: Int16
        /// Within −2²³ ..< 2²³.
        public var latitudeRaw: Int32
        /// Within −2²³ ..< 2²³.
        public var longitudeRaw: Int32

        public static let degreesPerLSB = 180.0 / 8_388_608.0

        public init(heightRaw: Int16, latitudeRaw: Int32, longitudeRaw: Int32) {
            self.heightRaw = heightRaw
            self.latitudeRaw = latitudeRaw
            self.longitudeRaw = longitudeRaw
        }

        /// From physical values, rounded to the nearest LSB; nil when out of the item's range.
        public init?(height: Double, latitude: Double, longitude: Double) {
            let lat = latitude / Self.degreesPerLSB, lon = longitude / Self.degreesPerLSB
            let limit = 8_388_608.0
            guard height > -32768.5, height < 32767.5, lat > -limit - 0.5, lat < limit - 0.5,
                  lon > -limit - 0.5, lon < limit - 0.5 else { return nil }
            self.init(heightRaw: Int16(quantize(height, lsb: 1, bits: 16)),
                      latitudeRaw: Int32(quantize(latitude, lsb: Self.degreesPerLSB, bits: 24)),
                      longitudeRaw: Int32(quantize(longitude, lsb: Self.degreesPerLSB, bits: 24)))
        }

        /// Metres.
        public var height: Double { Double(heightRaw) }
        /// Degrees, north positive.
        public var latitude: Double { Double(latitudeRaw) * Self.degreesPerLSB }
        /// Degrees, east positive.
        public var longitude: Double { Double(longitudeRaw) * Self.degreesPerLSB }
    }
}
