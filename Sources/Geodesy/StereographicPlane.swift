import Glibc

/// A point in a map plane, metres: x east, y north at the plane's centre.
public struct PlanePoint: Sendable, Equatable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x), \(y))" }
}

/// The system plane of a surveillance tracker: an oblique stereographic projection around a
/// configured centre, as EUROCONTROL's ARTAS uses for its system tracks.
///
/// Which stereographic: the ellipsoid is first mapped conformally onto Gauss's conformal sphere
/// (radius √(M₀N₀) at the centre), which is then projected stereographically: the "double"
/// projection of EPSG method 9809 (Oblique Stereographic; PROJ's `sterea`), not the simpler
/// sphere-of-curvature form that feeds geodetic latitudes straight into a spherical
/// stereographic. Why: this one is conformal for the ellipsoid itself, so angles and the shape
/// of a covariance ellipse survive anywhere in the plane, and it can be checked against
/// published EPSG/GIGS vectors. Scale is `scale` at the centre and grows as 1 + (d / 2R)²,
/// about +0.06 % at 300 km. Heights pass through unchanged.
///
/// All constants are computed in the initializer; a conversion is a handful of transcendental
/// functions (the inverse takes the latitude from a series good to 12 µm).
public struct StereographicPlane: Sendable {
    public let centre: GeodeticPosition
    /// k₀, the scale factor at the centre (1 unless a published grid says otherwise).
    public let scale: Double
    public let ellipsoid: Ellipsoid
    /// R = √(M₀N₀), the radius of the conformal sphere, metres.
    public let sphereRadius: Double
    let e: Double
    /// n: longitudes on the conformal sphere are n·(λ − λ₀).
    let n: Double
    /// ½ ln c: the shift that makes the conformal latitude χ₀ at the centre.
    let halfLnC: Double
    /// 1 / 2n and exp(−½ ln c / n): the inverse's isometric latitude as one power (see `geodetic`).
    let inverseExponent: Double, inverseShift: Double
    let sinχ0: Double, cosχ0: Double
    let λ0: Double
    /// 2 R k₀.
    let diameter: Double
    /// Coefficients of sin 2χ, 4χ, 6χ, 8χ in the series from conformal to geodetic latitude
    /// (Snyder, Map Projections: A Working Manual, eq. 3-5).
    let toGeodetic: (Double, Double, Double, Double)

    public init(centre: GeodeticPosition, scale: Double = 1, ellipsoid: Ellipsoid = .wgs84) throws(GeodesyError) {
        let c = try GeodeticPosition(validatingLatitude: centre.latitude, longitude: centre.longitude,
                                     height: centre.height)
        guard abs(c.latitude) < 89.9 else { throw .centreAtPole(c.latitude) }
        guard scale.isFinite, scale > 0 else { throw .factorInvalid(scale) }
        self.centre = c
        self.scale = scale
        self.ellipsoid = ellipsoid
        let e2 = ellipsoid.eccentricitySquared
        e = e2.squareRoot()
        let φ0 = c.latitude * Angle.radiansPerDegree
        let s0 = sin(φ0), c0 = cos(φ0)
        sphereRadius = ellipsoid.gaussianRadius(latitude: c.latitude)
        n = (1 + e2 * c0 * c0 * c0 * c0 / (1 - e2)).squareRoot()
        // EPSG Guidance Note 7-2 §3.2.2.2, written with the isometric latitude ψ instead of the
        // powers: w₁ = exp(2nψ₀), sin χ = (w − 1)/(w + 1) = tanh(½ ln w).
        let ψ0 = Self.isometricLatitude(φ0, e: e)
        let provisional = tanh(n * ψ0)
        let cc = (n + s0) * (1 - provisional) / ((n - s0) * (1 + provisional))
        halfLnC = 0.5 * log(cc)
        inverseExponent = 1 / (2 * n)
        inverseShift = exp(-halfLnC / n)
        let q0 = halfLnC + n * ψ0
        sinχ0 = tanh(q0)
        cosχ0 = 1 / cosh(q0)
        λ0 = c.longitude * Angle.radiansPerDegree
        diameter = 2 * sphereRadius * scale
        let e4 = e2 * e2, e6 = e4 * e2, e8 = e4 * e4
        toGeodetic = (e2 / 2 + 5 * e4 / 24 + e6 / 12 + 13 * e8 / 360,
                      7 * e4 / 48 + 29 * e6 / 240 + 811 * e8 / 11_520,
                      7 * e6 / 120 + 81 * e8 / 1_120,
                      4_279 * e8 / 161_280)
    }

    /// Geodetic → plane. The height is ignored. An invalid position gives NaN; the antipode of
    /// the centre is at infinity.
    public func point(from p: GeodeticPosition) -> PlanePoint {
        guard p.isValid else { return PlanePoint(x: .nan, y: .nan) }
        let (sinχ, cosχ, sinΔ, cosΔ) = sphere(p)
        let b = 1 + sinχ * sinχ0 + cosχ * cosχ0 * cosΔ
        return PlanePoint(x: diameter * cosχ * sinΔ / b,
                          y: diameter * (sinχ * cosχ0 - cosχ * sinχ0 * cosΔ) / b)
    }

    /// Plane → geodetic, at the given height above the ellipsoid (Snyder, Map Projections: A
    /// Working Manual, eqs. 20-14 to 20-18 on the conformal sphere, then the conformal latitude
    /// back to geodetic by Snyder's series). Non-finite input gives `GeodeticPosition.invalid`.
    ///
    /// Every track update goes through here, so it calls three transcendental functions (pow,
    /// atan, atan2): each sine and cosine that a tangent already gives is taken from it
    /// (the double-angle forms below), and the series to e⁸ is used as it stands. Its error is
    /// at most 2e-12 rad (12 µm) at any latitude, computed against the exact forward
    /// conversion; a Newton round on top cost as much again as the rest for nothing a track
    /// could show.
    public func geodetic(from p: PlanePoint, height: Double = 0) -> GeodeticPosition {
        guard p.x.isFinite, p.y.isFinite, height.isFinite else { return .invalid }
        let ρ = (p.x * p.x + p.y * p.y).squareRoot()
        var sinχ = sinχ0
        var Δ = 0.0
        if ρ > 0 {
            // The angle from the centre on the sphere is 2 atan(ρ / D).
            let (sc, cc) = Self.doubleAngle(tangent: ρ / diameter)
            sinχ = min(max(cc * sinχ0 + p.y * sc * cosχ0 / ρ, -1), 1)
            Δ = atan2(p.x * sc, ρ * cosχ0 * cc - p.y * sinχ0 * sc)
        }
        // Conformal-sphere isometric latitude → ellipsoid isometric latitude ψ → conformal
        // latitude χ → latitude by the series. ψ = (atanh(sin χ) − ½ ln c) / n, and atanh is
        // ½ ln((1 + s) / (1 − s)), so e^ψ is one power: tan χ = sinh ψ = (e^ψ − e^−ψ) / 2.
        let eψ = pow((1 + sinχ) / (1 - sinχ), inverseExponent) * inverseShift
        let tanχ = 0.5 * (eψ - 1 / eψ)
        let χ = atan(tanχ)
        let (s2, c2) = Self.doubleAngle(tangent: tanχ)
        let s4 = 2 * s2 * c2, c4 = 1 - 2 * s2 * s2
        let s6 = s4 * c2 + c4 * s2, s8 = 2 * s4 * c4
        let φ = χ + toGeodetic.0 * s2 + toGeodetic.1 * s4 + toGeodetic.2 * s6 + toGeodetic.3 * s8
        var λ = (λ0 + Δ / n) * Angle.degreesPerRadian
        // Wrapped only past the antimeridian: `remainder` leaves [−180, 180] as it is, at a cost.
        if abs(λ) > 180 { λ = λ.remainder(dividingBy: 360) }
        return GeodeticPosition(latitude: φ * Angle.degreesPerRadian, longitude: λ, height: height)
    }

    /// sin 2a and cos 2a from t = tan a, without calling either: 2t / (1 + t²) and
    /// (1 − t²) / (1 + t²), written in 1/t past 1 so that no square overflows.
    @inline(__always)
    static func doubleAngle(tangent t: Double) -> (sin: Double, cos: Double) {
        if abs(t) <= 1 {
            let w = 1 / (1 + t * t)
            return (2 * t * w, (1 - t * t) * w)
        }
        let u = 1 / t
        let w = 1 / (u * u + 1)
        return (2 * u * w, (u * u - 1) * w)
    }

    /// Point scale factor: plane distance / ellipsoid distance for a short step at `p`. Conformal,
    /// so the same in every direction: `scale` at the centre.
    public func scaleFactor(at p: GeodeticPosition) -> Double {
        guard p.isValid else { return .nan }
        let (sinχ, cosχ, _, cosΔ) = sphere(p)
        let b = 1 + sinχ * sinχ0 + cosχ * cosχ0 * cosΔ
        let φ = p.latitude * Angle.radiansPerDegree
        let ν = ellipsoid.primeVerticalRadius(latitude: p.latitude)
        // ellipsoid → conformal sphere (along a parallel), then sphere → plane.
        return (2 * scale / b) * n * sphereRadius * cosχ / (ν * cos(φ))
    }

    /// Direction of true north at `p`, degrees clockwise from the plane's +y axis (negative east
    /// of the centre in the northern hemisphere, where meridians converge towards the pole).
    /// Rotate a covariance given in local east/north by this to express it in the plane.
    public func northDirection(at p: GeodeticPosition) -> Double {
        guard p.isValid else { return .nan }
        let (sinχ, cosχ, sinΔ, cosΔ) = sphere(p)
        // The image of a meridian: d(x, y)/dχ, simplified.
        return atan2(-sinΔ * (sinχ + sinχ0), cosχ * cosχ0 + (1 + sinχ * sinχ0) * cosΔ) * Angle.degreesPerRadian
    }

    /// The point on the conformal sphere: sin χ, cos χ and the longitude from the centre.
    @inline(__always)
    func sphere(_ p: GeodeticPosition) -> (Double, Double, Double, Double) {
        let φ = p.latitude * Angle.radiansPerDegree
        let q = halfLnC + n * Self.isometricLatitude(φ, e: e)
        let dλ = (p.longitude * Angle.radiansPerDegree - λ0).remainder(dividingBy: 2 * .pi)
        let Δ = n * dλ
        return (tanh(q), 1 / cosh(q), sin(Δ), cos(Δ))
    }

    /// ψ = atanh(sin φ) − e·atanh(e sin φ), with asinh(tan φ) for the first term: exact near
    /// the poles where sin φ rounds to 1.
    @inline(__always)
    static func isometricLatitude(_ φ: Double, e: Double) -> Double {
        asinh(tan(φ)) - e * atanh(e * sin(φ))
    }
}
