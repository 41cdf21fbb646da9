import Glibc

/// A reference ellipsoid of revolution. Every position in Centinela is on WGS-84, the datum of
/// ASTERIX positions (I062/105, I034/120, I021/130) and of GPS; other ellipsoids exist for
/// published test vectors on older datums.
public struct Ellipsoid: Sendable, Equatable {
    /// a, metres.
    public let semiMajorAxis: Double
    /// f = (a − b) / a.
    public let flattening: Double
    /// b = a (1 − f), metres.
    public let semiMinorAxis: Double
    /// e² = f (2 − f).
    public let eccentricitySquared: Double
    /// e'² = e² / (1 − e²): used by Bowring's ECEF → geodetic step.
    public let secondEccentricitySquared: Double

    public init(semiMajorAxis a: Double, inverseFlattening: Double) {
        semiMajorAxis = a
        flattening = 1 / inverseFlattening
        semiMinorAxis = a * (1 - flattening)
        eccentricitySquared = flattening * (2 - flattening)
        secondEccentricitySquared = eccentricitySquared / (1 - eccentricitySquared)
    }

    /// WGS-84 (NIMA TR8350.2): a = 6 378 137 m, 1/f = 298.257 223 563.
    public static let wgs84 = Ellipsoid(semiMajorAxis: 6_378_137, inverseFlattening: 298.257_223_563)

    /// e, the first eccentricity.
    public var eccentricity: Double { eccentricitySquared.squareRoot() }

    /// N: radius of curvature in the prime vertical (east–west) at a latitude, metres.
    public func primeVerticalRadius(latitude: Double) -> Double {
        let s = sin(latitude * Angle.radiansPerDegree)
        return semiMajorAxis / (1 - eccentricitySquared * s * s).squareRoot()
    }

    /// M: radius of curvature in the meridian (north–south) at a latitude, metres.
    public func meridianRadius(latitude: Double) -> Double {
        let s = sin(latitude * Angle.radiansPerDegree)
        let w2 = 1 - eccentricitySquared * s * s
        return semiMajorAxis * (1 - eccentricitySquared) / (w2 * w2.squareRoot())
    }

    /// √(M N): the Gaussian mean radius of curvature, the radius of the sphere that best fits
    /// the ellipsoid around a latitude in every direction (the radar's earth radius R).
    public func gaussianRadius(latitude: Double) -> Double {
        let s = sin(latitude * Angle.radiansPerDegree)
        return semiMajorAxis * (1 - eccentricitySquared).squareRoot() / (1 - eccentricitySquared * s * s)
    }
}

/// Degree ↔ radian constants; every public angle in this module is in degrees, as ASTERIX and
/// people give them, and converted once at the boundary.
enum Angle {
    static let radiansPerDegree = Double.pi / 180
    static let degreesPerRadian = 180 / Double.pi

    /// An azimuth in [0, 360).
    @inline(__always)
    static func azimuth(_ degrees: Double) -> Double {
        let a = degrees.truncatingRemainder(dividingBy: 360)
        let b = a < 0 ? a + 360 : a
        return b >= 360 ? 0 : b  // −1e-17 + 360 rounds to 360
    }
}
