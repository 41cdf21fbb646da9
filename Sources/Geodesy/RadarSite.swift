import Glibc
import Surveillance

/// A radar antenna: where it is and which sensor it is. Turns its polar plots (slant range,
/// azimuth) into positions and, for the simulator, positions into what it would measure.
///
/// Refraction is the 4/3-earth model (`EarthModel`), applied as what it stands for: a ray bent
/// into an arc of curvature (1 − 1/k)/R, R being the ellipsoid's radius of curvature in the
/// plot's azimuth at the antenna. The slant range is the arc's length; its chord, with the
/// antenna and target heights, fixes the target, which is placed exactly on the ellipsoid at the
/// height used. Why not the textbook triangle on a sphere k·R with the heights on top: that
/// redraws horizontal distances at altitude h as (R + h/k)·angle instead of (R + h)·angle, and a
/// ray trace through the very atmosphere the 4/3 model assumes shows it misplacing targets by
/// 0.1 m at 2 km and 16 m at 200 km from a 1215 m site, 80 m for a 12 km target at 300 km; the
/// curved ray is within millimetres there. Both agree to first order and give the same horizon
/// (`EarthModel.horizon`). With k = 1 the ray is the straight line, exact on WGS-84 (it agrees
/// with pymap3d to micrometres).
///
/// Not modelled: the radar's own range calibration (electrical length is about 0.03 % longer
/// than geometric near the ground), anomalous propagation, terrain.
public struct RadarSite: Sendable {
    /// No slant range is longer than half the earth's circumference; anything beyond is refused.
    public static let maximumSlantRange = 20_000_000.0
    /// Plot heights outside this (metres above the ellipsoid) are refused.
    public static let plotHeights = -10_000.0...10_000_000.0

    public let sensor: SensorID
    /// The antenna's phase centre, height above the ellipsoid.
    public let antenna: GeodeticPosition
    /// East-north-up at the antenna.
    public let frame: LocalTangentPlane
    /// 1/M and 1/N at the antenna, for the radius of curvature in a given azimuth.
    let inverseMeridianRadius: Double
    let inversePrimeVerticalRadius: Double

    /// `antenna` comes from configuration or CAT034 I034/120: it is checked.
    public init(sensor: SensorID, antenna: GeodeticPosition, ellipsoid: Ellipsoid = .wgs84) throws(GeodesyError) {
        frame = try LocalTangentPlane(centre: antenna, ellipsoid: ellipsoid)
        self.sensor = sensor
        self.antenna = frame.centre
        inverseMeridianRadius = 1 / ellipsoid.meridianRadius(latitude: frame.centre.latitude)
        inversePrimeVerticalRadius = 1 / ellipsoid.primeVerticalRadius(latitude: frame.centre.latitude)
    }

    /// Radius of curvature of the ellipsoid's normal section at the antenna in an azimuth
    /// (Euler: 1/R = cos²α/M + sin²α/N), metres: the R of the earth model for a plot there.
    public func earthRadius(azimuth: Double) -> Double {
        let α = azimuth * Angle.radiansPerDegree
        let s = sin(α), c = cos(α)
        return 1 / (c * c * inverseMeridianRadius + s * s * inversePrimeVerticalRadius)
    }

    /// Places a plot. Throws on a slant range that is NaN, infinite, negative or beyond
    /// `maximumSlantRange`, an azimuth that is not finite, a height outside `plotHeights`, or an
    /// invalid `earth`. A slant range shorter than the height difference (a plot in the cone of
    /// silence with a wrong height) is placed straight above or below the antenna at the given
    /// height and flagged `heightExceedsRange`.
    /// No allocation: a few dozen flops and 2–3 ECEF → geodetic conversions to solve the height.
    public func locate(slantRange ρ: Double, azimuth: Double, height: TargetHeight,
                       earth: EarthModel = .fourThirds) throws(GeodesyError) -> LocatedPlot {
        guard ρ.isFinite, ρ >= 0, ρ <= Self.maximumSlantRange else { throw .slantRangeInvalid(ρ) }
        guard azimuth.isFinite else { throw .azimuthNotFinite(azimuth) }
        let ht = height.metres
        guard Self.plotHeights.contains(ht) else { throw .heightOutOfRange(ht) }  // NaN too
        guard earth.isValid else { throw .factorInvalid(earth.k) }

        let az = Angle.azimuth(azimuth)
        let α = az * Angle.radiansPerDegree
        let sα = sin(α), cα = cos(α)
        let ha = antenna.height, dh = ht - ha
        let R = 1 / (cα * cα * inverseMeridianRadius + sα * sα * inversePrimeVerticalRadius)
        // The ray: an arc of curvature κ and length ρ turns by κρ; its chord is ρ·sin(κρ/2)/(κρ/2).
        let bend = (1 - 1 / earth.k) / R * ρ / 2
        let arcChord = bend == 0 ? ρ : ρ * sin(bend) / bend

        // Triangle centre–antenna–target on the sphere R, in half-angle form (well-conditioned
        // for short ranges): chord² = Δh² + 4(R+ha)(R+ht)·sin²(γ/2).
        let raw = (arcChord * arcChord - dh * dh) / (4 * (R + ha) * (R + ht))
        let heightExceedsRange = raw < 0
        let s2 = min(max(raw, 0), 1)
        let γ = 2 * asin(s2.squareRoot())
        let chord = heightExceedsRange ? abs(dh) : arcChord
        var el = atan2(dh - 2 * (R + ht) * s2, (R + ht) * sin(γ))

        // The sphere only approximates the ellipsoid (by up to 2.4 m of height at 400 km): adjust
        // the elevation of the chord (Newton, ∂h/∂el ≈ chord·cos(el + γ)) until the point is at
        // height ht above the ellipsoid. One step leaves about a micrometre; at most four.
        var enu = ENU(east: 0, north: 0, up: 0), ecef = frame.centreECEF
        for _ in 0..<5 {
            let horizontal = chord * cos(el)
            enu = ENU(east: horizontal * sα, north: horizontal * cα, up: chord * sin(el))
            ecef = frame.ecef(from: enu)
            let miss = frame.ellipsoid.latitudeAndHeight(ecef).height - ht
            let slope = chord * cos(el + γ)
            if abs(miss) < 1e-5 || abs(slope) < 1e-3 * chord { break }  // overhead: no lever
            el -= miss / slope
        }
        let position = frame.ellipsoid.geodetic(from: ecef)
        // The ray leaves the antenna κρ/2 above its chord and reaches the target κρ/2 below it.
        // (Real bending falls as cos ε; steep rays are short, so the excess is under 0.02°.)
        return LocatedPlot(position: position, ecef: ecef, enu: enu, slantRange: ρ, azimuth: az,
                           elevation: min(el + bend, .pi / 2) * Angle.degreesPerRadian,
                           geometricElevation: el * Angle.degreesPerRadian,
                           arrivalElevation: (el + γ - bend) * Angle.degreesPerRadian,
                           groundRange: R * γ, height: ht, heightSource: height.source,
                           heightExceedsRange: heightExceedsRange)
    }

    /// Places a surveillance plot with the best height it carries (see
    /// `TargetHeight.init(_:assumedHeight:)`).
    public func locate(_ plot: Plot, assumedHeight: Double, earth: EarthModel = .fourThirds) throws(GeodesyError) -> LocatedPlot {
        try locate(slantRange: plot.range, azimuth: plot.azimuth,
                   height: TargetHeight(plot, assumedHeight: assumedHeight), earth: earth)
    }

    /// What this radar measures of a target: slant range along the (model) ray, azimuth from
    /// true north, elevation. The inverse of `locate`. An invalid position gives NaN throughout,
    /// and so does a target the bent ray cannot reach (beyond 2/κ = 8R for k = 4/3).
    public func observe(_ target: GeodeticPosition, earth: EarthModel = .fourThirds) -> PolarObservation {
        guard target.isValid, earth.isValid else { return .invalid }
        let v = frame.enu(from: frame.ellipsoid.ecef(from: target))
        let horizontal = (v.east * v.east + v.north * v.north).squareRoot()
        let chord = v.norm
        let az = Angle.azimuth(atan2(v.east, v.north) * Angle.degreesPerRadian)
        let geometric = atan2(v.up, horizontal)
        let R = earthRadius(azimuth: az)
        let ha = antenna.height, ht = target.height, dh = ht - ha
        let s2 = min(max((chord * chord - dh * dh) / (4 * (R + ha) * (R + ht)), 0), 1)
        let γ = 2 * asin(s2.squareRoot())
        // Arc length from chord: ρ = (2/κ)·asin(κ·chord/2).
        let x = (1 - 1 / earth.k) / R * chord / 2
        guard x <= 1 else { return .invalid }
        let ρ = x == 0 ? chord : chord * asin(x) / x
        let bend = x == 0 ? 0 : asin(x)  // κρ/2
        return PolarObservation(slantRange: ρ, azimuth: az, elevation: min(geometric + bend, .pi / 2) * Angle.degreesPerRadian,
                                geometricElevation: geometric * Angle.degreesPerRadian, groundRange: R * γ)
    }

    /// Ground distance to a position, metres, along the ellipsoid surface: the chord from the
    /// antenna, with both heights, on the sphere of the azimuth's radius of curvature (within
    /// centimetres of the Vincenty geodesic at 400 km; the angle between the two ellipsoid
    /// normals would be off by 100 m there, the meridian radius changing along the way).
    public func groundDistance(to target: GeodeticPosition) -> Double {
        guard target.isValid else { return .nan }
        let (angle, _, R) = centralAngle(to: target)
        return R * angle
    }

    /// True when a straight ray on the k·R earth joins the antenna and the target without
    /// passing below the smooth surface at `surfaceHeight` metres above the ellipsoid (the
    /// general terrain level; no relief: terrain masking is a separate, stricter test). A target
    /// below that surface is never visible; an antenna below it counts as on it.
    public func isAboveHorizon(_ target: GeodeticPosition, surfaceHeight: Double = 0,
                               earth: EarthModel = .fourThirds) -> Bool {
        guard target.isValid, surfaceHeight.isFinite, earth.isValid else { return false }
        let ht = target.height - surfaceHeight
        guard ht >= 0 else { return false }
        let (angle, _, R) = centralAngle(to: target)
        let kR = earth.k * R
        let reach = earth.horizonAngle(antenna.height - surfaceHeight, kR) + earth.horizonAngle(ht, kR)
        return angle / earth.k <= reach
    }

    /// The coverage floor: lowest height above the ellipsoid visible at a ground distance in an
    /// azimuth over a smooth surface at `surfaceHeight`.
    public func lowestVisibleHeight(groundDistance: Double, azimuth: Double, surfaceHeight: Double = 0,
                                    earth: EarthModel = .fourThirds) -> Double {
        surfaceHeight + earth.lowestVisibleHeight(antennaHeight: antenna.height - surfaceHeight,
                                                  groundDistance: groundDistance,
                                                  earthRadius: earthRadius(azimuth: azimuth))
    }

    /// The plot's horizontal uncertainty in the radar's east/north axes, metres². The range
    /// error moves the plot along the ground by σr / cos ε and the height error by σh · tan ε,
    /// ε being the ray's angle above the horizontal at the target (`arrivalElevation`); the
    /// azimuth error moves it across by (horizontal distance) · σθ.
    /// - Parameters: rangeSigma metres, azimuthSigma degrees, heightSigma metres (large for an
    ///   assumed height).
    public func covariance(of plot: LocatedPlot, rangeSigma: Double, azimuthSigma: Double,
                           heightSigma: Double = 0) -> Covariance2 {
        let ε = plot.arrivalElevation * Angle.radiansPerDegree
        let c = cos(ε), t = tan(ε)
        let along = rangeSigma / c, lifted = heightSigma * t
        let horizontal = (plot.enu.east * plot.enu.east + plot.enu.north * plot.enu.north).squareRoot()
        return Covariance2.polar(range: horizontal, azimuth: plot.azimuth,
                                 rangeSigma: (along * along + lifted * lifted).squareRoot(),
                                 azimuthSigma: azimuthSigma)
    }

    /// Earth-central angle (radians) from the antenna to a target on the sphere of the radius of
    /// curvature towards it, the azimuth (degrees) and that radius (metres); the same triangle as
    /// `locate` and `observe`.
    func centralAngle(to target: GeodeticPosition) -> (Double, Double, Double) {
        let v = frame.enu(from: frame.ellipsoid.ecef(from: target))
        let az = Angle.azimuth(atan2(v.east, v.north) * Angle.degreesPerRadian)
        let R = earthRadius(azimuth: az)
        let chord = v.norm, ha = antenna.height, ht = target.height, dh = ht - ha
        let s2 = min(max((chord * chord - dh * dh) / (4 * (R + ha) * (R + ht)), 0), 1)
        return (2 * asin(s2.squareRoot()), az, R)
    }
}

/// A plot placed on the earth by `RadarSite.locate`.
public struct LocatedPlot: Sendable, Equatable {
    public var position: GeodeticPosition
    public var ecef: ECEF
    /// From the antenna, in its east-north-up frame.
    public var enu: ENU
    /// As measured, metres.
    public var slantRange: Double
    /// As measured, degrees clockwise from true north, 0..<360.
    public var azimuth: Double
    /// Elevation of the ray at the antenna in the earth model used, degrees (the apparent
    /// elevation, above the straight line by half the ray's bend; the straight line's with k = 1).
    public var elevation: Double
    /// Elevation of the straight line from antenna to target, degrees.
    public var geometricElevation: Double
    /// The ray's angle above the local horizontal at the target, degrees.
    public var arrivalElevation: Double
    /// Distance along the earth's surface (at the ellipsoid, on the radar's sphere), metres.
    public var groundRange: Double
    /// Height used, metres above the ellipsoid, and where it came from.
    public var height: Double
    public var heightSource: HeightSource
    /// The slant range was shorter than the height difference: the plot was put overhead.
    public var heightExceedsRange: Bool
}

/// What a radar measures of a target (the simulator's view), degrees and metres.
public struct PolarObservation: Sendable, Equatable {
    public var slantRange: Double
    /// Clockwise from true north, 0..<360.
    public var azimuth: Double
    /// At the antenna, in the earth model used.
    public var elevation: Double
    /// Of the straight line from antenna to target.
    public var geometricElevation: Double
    /// Along the earth's surface, metres.
    public var groundRange: Double

    public static let invalid = PolarObservation(slantRange: .nan, azimuth: .nan, elevation: .nan,
                                                 geometricElevation: .nan, groundRange: .nan)
}
