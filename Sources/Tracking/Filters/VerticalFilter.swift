/// The altitude channel: altitude and vertical rate with a constant-rate model and continuous
/// white-noise acceleration (q from `VerticalSettings`), updated with measured altitudes whose
/// variance the caller states: a Mode C or Mode S level is quantised (use
/// `quantisationVariance(feet:)`), a 3-D radar's height is noisy (its σ² from the radar).
///
/// A track starts without altitude (a PSR-only plot has none): the filter is then "unknown",
/// `predict` does nothing, and the first `update` starts it at the measured altitude, level.
public struct VerticalFilter: Sendable, Equatable {
    /// Metres, in whatever vertical reference the caller's altitudes use.
    public private(set) var altitude: Double = 0
    /// Metres per second, positive climbing.
    public private(set) var verticalRate: Double = 0
    /// Covariance of (altitude, vertical rate): m², m²/s, m²/s².
    public private(set) var altitudeVariance: Double = 0
    public private(set) var altitudeRateCovariance: Double = 0
    public private(set) var rateVariance: Double = 0
    /// Whether any altitude has been measured yet.
    public private(set) var isKnown = false
    public let settings: VerticalSettings

    /// No altitude known yet.
    public init(settings: VerticalSettings = VerticalSettings()) {
        self.settings = settings
    }

    /// Started from a first measured altitude, level (vertical rate 0, with the settings'
    /// initial rate variance).
    public init(altitude: Double, variance: Double, settings: VerticalSettings = VerticalSettings()) {
        self.settings = settings
        start(altitude: altitude, variance: variance)
    }

    /// Variance of the error of a level reported in steps of `feet` (100 ft for Mode C without
    /// the 25 ft bit, 25 ft otherwise): uniform over one step, step²/12, in m².
    public static func quantisationVariance(feet: Double) -> Double {
        let step = feet * 0.3048
        return step * step / 12
    }

    private mutating func start(altitude h: Double, variance: Double) {
        altitude = h
        verticalRate = 0
        altitudeVariance = variance
        altitudeRateCovariance = 0
        rateVariance = settings.initialRateVariance
        isKnown = true
    }

    /// Moves forward by `dt` seconds (negative is treated as 0); nothing while unknown.
    public mutating func predict(dt: Double) {
        guard isKnown else { return }
        let t = max(dt, 0)
        let q = settings.noiseDensity
        altitude += verticalRate * t
        // P ← F P Fᵀ + Q with F = [[1, T], [0, 1]], Q = q [[T³/3, T²/2], [T²/2, T]].
        altitudeVariance += t * (2 * altitudeRateCovariance + t * rateVariance) + q * t * t * t / 3
        altitudeRateCovariance += t * rateVariance + q * t * t / 2
        rateVariance += q * t
    }

    /// Squared Mahalanobis distance of a measured altitude from the prediction, or nil while
    /// unknown (no altitude evidence against any plot).
    public func mahalanobis2(altitude h: Double, variance: Double) -> Double? {
        guard isKnown else { return nil }
        let ν = h - altitude
        return ν * ν / (altitudeVariance + variance)
    }

    /// Updates with a measured altitude (m) and its variance (m²); starts the filter if unknown.
    /// Returns the squared Mahalanobis distance of the measurement, 0 for the first one.
    @discardableResult
    public mutating func update(altitude h: Double, variance: Double) -> Double {
        guard isKnown else {
            start(altitude: h, variance: variance)
            return 0
        }
        let s = altitudeVariance + variance
        guard s > 0 else { return .infinity }
        let ν = h - altitude
        let k0 = altitudeVariance / s, k1 = altitudeRateCovariance / s
        altitude += k0 * ν
        verticalRate += k1 * ν
        // P ← P − K S Kᵀ, with P Hᵀ = (altitudeVariance, altitudeRateCovariance).
        rateVariance -= k1 * altitudeRateCovariance
        altitudeRateCovariance -= k1 * altitudeVariance
        altitudeVariance -= k0 * altitudeVariance
        return ν * ν / s
    }
}
