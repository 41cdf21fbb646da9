/// I048/040: measured position in slant polar coordinates.
public struct PolarPosition: Hashable, Sendable {
    /// 1/256 NM
    public var rho: UInt16
    /// 360/2^16 °
    public var theta: UInt16

    public init(rho: UInt16, theta: UInt16) {
        self.rho = rho
        self.theta = theta
    }

    /// Rounded to the nearest LSB; rho saturates at the item's 256 NM limit, NaN gives 0.
    public init(rangeNM: Double, azimuthDegrees: Double) {
        rho = UInt16(quantizeUnsigned(rangeNM, lsb: 1.0 / 256, bits: 16))
        var a = azimuthDegrees.truncatingRemainder(dividingBy: 360)
        if a < 0 { a += 360 }
        theta = UInt16(truncatingIfNeeded: quantizeUnsigned(a, lsb: 360.0 / 65536, bits: 17))
    }

    public var rangeNM: Double { Double(rho) / 256 }
    public var azimuthDegrees: Double { Double(theta) * 360 / 65536 }
}

/// I048/200: calculated track velocity, polar.
public struct PolarVelocity: Hashable, Sendable {
    /// 2^-14 NM/s
    public var speed: UInt16
    /// 360/2^16 °
    public var heading: UInt16

    public init(speed: UInt16, heading: UInt16) {
        self.speed = speed
        self.heading = heading
    }

    public var groundSpeedKnots: Double { Double(speed) / 16384 * 3600 }
    public var headingDegrees: Double { Double(heading) * 360 / 65536 }
}

/// I048/090: flight level from Mode C or Mode S. FL is 14-bit two's complement in 1/4 FL: every
/// edition sent it so, and real recordings carry negative levels (`shared/DOMAIN.md`).
public struct FlightLevelCode: Hashable, Sendable {
    public var raw: UInt16

    public init(raw: UInt16) { self.raw = raw }

    public init(flightLevel: Double, notValidated: Bool = false, garbled: Bool = false) {
        let q = quantize(flightLevel, lsb: 0.25, bits: 14)
        raw = UInt16(truncatingIfNeeded: q) & 0x3FFF | (notValidated ? 0x8000 : 0) | (garbled ? 0x4000 : 0)
    }

    public var flightLevel: Double { Double(Int(Int16(bitPattern: raw << 2) >> 2)) / 4 }
    public var notValidated: Bool { raw & 0x8000 != 0 }
    public var garbled: Bool { raw & 0x4000 != 0 }
}
