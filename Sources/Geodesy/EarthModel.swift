import Glibc

/// How radar rays bend. k is the effective earth radius factor of the radar engineer's
/// "4/3 earth": in the standard atmosphere refractivity falls with height so that a ray curves
/// down with curvature (1 − 1/k)/R, and on an earth k times larger it would be straight.
/// k = 4/3 is that standard; k = 1 is straight-line geometry with no refraction (what pymap3d
/// and a surveyor's instrument compute). `RadarSite` bends its rays by that curvature; the
/// horizon functions here use the k·R sphere, which is exact for rays grazing the surface.
public struct EarthModel: Sendable, Equatable {
    /// Effective earth radius factor. Must be finite and positive; functions that take an
    /// `EarthModel` from outside check it.
    public var k: Double

    public init(k: Double) { self.k = k }

    public static let fourThirds = EarthModel(k: 4.0 / 3.0)
    public static let geometric = EarthModel(k: 1)

    /// The mean earth radius behind the 4.12 km rule of thumb, metres.
    public static let meanEarthRadius = 6_371_000.0

    public var isValid: Bool { k.isFinite && k > 0 }

    /// Radar horizon on the k·R sphere: the ground distance, metres, at which the straight ray
    /// from an antenna at `antennaHeight` grazes the (effective) earth and just reaches a target
    /// at `targetHeight` (both metres above the smooth earth; negative counts as 0). The exact
    /// form of `radarHorizon(antennaHeight:targetHeight:)`: each height sees
    /// kR·arccos(kR / (kR + h)) of ground ≈ √(2kRh).
    public func horizon(antennaHeight: Double, targetHeight: Double,
                        earthRadius: Double = EarthModel.meanEarthRadius) -> Double {
        let kR = k * earthRadius
        return kR * (horizonAngle(antennaHeight, kR) + horizonAngle(targetHeight, kR))
    }

    /// The lowest height, metres above the smooth earth, that a ray from an antenna at
    /// `antennaHeight` can reach at `groundDistance` metres: 0 within the antenna's own
    /// horizon, rising with the square of the distance beyond it (the coverage floor that low
    /// flights hide under). Infinite a quarter of the effective earth away.
    public func lowestVisibleHeight(antennaHeight: Double, groundDistance: Double,
                                    earthRadius: Double = EarthModel.meanEarthRadius) -> Double {
        let kR = k * earthRadius
        let beyond = groundDistance / kR - horizonAngle(antennaHeight, kR)
        if beyond <= 0 { return 0 }
        if beyond >= .pi / 2 { return .infinity }
        let s = sin(beyond / 2)
        return kR * 2 * s * s / cos(beyond)  // kR (1/cos − 1), without the cancellation
    }

    /// Earth-central angle from a point at height h to where its tangent ray grazes the
    /// sphere: arccos(kR / (kR + h)), written as an arctangent to stay accurate for small h.
    @inline(__always)
    func horizonAngle(_ h: Double, _ kR: Double) -> Double {
        let hp = max(h, 0)
        return atan((hp * (2 * kR + hp)).squareRoot() / kR)
    }
}

/// The radar horizon by the rule of thumb of DOMAIN.md §2: 4.12 km × (√h_antenna + √h_target)
/// with heights in metres above the smooth earth (negative counts as 0); returns metres.
/// 4.12 km = √(2 · 4/3 · 6371 km) per √m: the 4/3-earth tangent distance √(2kRh) with the
/// small h² term dropped. `EarthModel.horizon` is the exact form on the same sphere.
public func radarHorizon(antennaHeight: Double, targetHeight: Double) -> Double {
    guard antennaHeight.isFinite, targetHeight.isFinite else { return .nan }
    return 4120 * (max(antennaHeight, 0).squareRoot() + max(targetHeight, 0).squareRoot())
}
