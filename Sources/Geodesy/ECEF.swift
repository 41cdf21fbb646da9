import Glibc

/// Earth-centred, earth-fixed cartesian coordinates, metres: x towards latitude 0° longitude 0°,
/// y towards 0° 90° E, z towards the north pole. The common frame between radars: straight-line
/// distances and directions are exact here, whatever the projection used for display.
public struct ECEF: Sendable, Equatable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    public var isValid: Bool { x.isFinite && y.isFinite && z.isFinite }

    public static let invalid = ECEF(x: .nan, y: .nan, z: .nan)

    /// Straight-line (chord) distance, metres.
    public func distance(to o: ECEF) -> Double {
        let dx = o.x - x, dy = o.y - y, dz = o.z - z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }

    public var description: String { "ECEF(\(x), \(y), \(z))" }
}

extension Ellipsoid {
    /// Geodetic → ECEF, closed form. An invalid position gives `ECEF.invalid`.
    public func ecef(from p: GeodeticPosition) -> ECEF {
        guard p.isValid else { return .invalid }
        let φ = p.latitude * Angle.radiansPerDegree, λ = p.longitude * Angle.radiansPerDegree
        let sφ = sin(φ), cφ = cos(φ)
        let n = semiMajorAxis / (1 - eccentricitySquared * sφ * sφ).squareRoot()
        let r = (n + p.height) * cφ
        return ECEF(x: r * cos(λ), y: r * sin(λ), z: (n * (1 - eccentricitySquared) + p.height) * sφ)
    }

    /// ECEF → geodetic by Bowring's method (Survey Review 23, 1976), run for two rounds on the
    /// parametric latitude: measured against the exact inverse, 2e-9 m from 10 km below the
    /// ellipsoid to geostationary height at every latitude (one round leaves 5 cm at 20,000 km;
    /// a third changes nothing). Non-finite input gives `GeodeticPosition.invalid`; a point on
    /// the polar axis gets longitude 0.
    public func geodetic(from e: ECEF) -> GeodeticPosition {
        guard e.isValid else { return .invalid }
        let (num, den, h) = latitudeAndHeight(e)
        return GeodeticPosition(latitude: atan2(num, den) * Angle.degreesPerRadian,
                                longitude: e.x == 0 && e.y == 0 ? 0 : atan2(e.y, e.x) * Angle.degreesPerRadian,
                                height: h)
    }

    /// The latitude as tan φ = num / den, and the height: everything but the arctangents, for
    /// loops that only need the height. On the polar axis num = ±1, den = 0.
    @inline(__always)
    func latitudeAndHeight(_ e: ECEF) -> (num: Double, den: Double, height: Double) {
        let a = semiMajorAxis, b = semiMinorAxis
        let p = (e.x * e.x + e.y * e.y).squareRoot()
        if p == 0 {
            // On the axis (the centre included: the nearest surface points are the poles).
            return (e.z < 0 ? -1 : 1, 0, abs(e.z) - b)
        }
        // β: parametric latitude, started from where the line to the centre meets the surface.
        var (sβ, cβ) = Self.unit(a * e.z, b * p)
        var num = 0.0, den = 0.0
        for round in 0..<2 {
            num = e.z + secondEccentricitySquared * b * sβ * sβ * sβ
            // Only points thousands of km deep near the axis make this negative; clamp so the
            // latitude stays within ±90°.
            den = max(p - eccentricitySquared * a * cβ * cβ * cβ, 0)
            if round == 0 { (sβ, cβ) = Self.unit(b * num, a * den) }  // tan β = (b/a) tan φ
        }
        let (sφ, cφ) = Self.unit(num, den)
        // Height along the normal: p cos φ + z sin φ − a²/N, well-conditioned at any latitude.
        return (num, den, p * cφ + e.z * sφ - a * (1 - eccentricitySquared * sφ * sφ).squareRoot())
    }

    /// (sin, cos) of the angle whose tangent is y / x.
    @inline(__always)
    static func unit(_ y: Double, _ x: Double) -> (Double, Double) {
        let r = (x * x + y * y).squareRoot()
        return (y / r, x / r)
    }
}

extension GeodeticPosition {
    /// On WGS-84.
    public var ecef: ECEF { Ellipsoid.wgs84.ecef(from: self) }
}

extension ECEF {
    /// On WGS-84.
    public var geodetic: GeodeticPosition { Ellipsoid.wgs84.geodetic(from: self) }
}
