import Surveillance

/// A target's horizontal position and velocity in the system plane with their covariance: what
/// the horizontal filters carry between plots.
public struct HorizontalState: Sendable, Equatable {
    /// Metres east of the plane's centre.
    public var x: Double
    /// Metres north of the plane's centre.
    public var y: Double
    /// Metres per second east.
    public var vx: Double
    /// Metres per second north.
    public var vy: Double
    public var covariance: Covariance4

    public init(x: Double, y: Double, vx: Double, vy: Double, covariance: Covariance4) {
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.covariance = covariance
    }

    /// A track's first state from a single plot: at the plot, not moving, with the plot's
    /// covariance and `velocityVariance` (m²/s²) on each velocity axis, wide enough to cover the
    /// speeds expected (the tracker's `initialSpeedSigma`²).
    public init(measurement m: PositionMeasurement, velocityVariance: Double) {
        self.init(x: m.x, y: m.y, vx: 0, vy: 0,
                  covariance: Covariance4(position: m.covariance, velocityVariance: velocityVariance))
    }

    public var positionCovariance: Covariance2 { covariance.position }

    /// Metres per second.
    public var speed: Double { (vx * vx + vy * vy).squareRoot() }

    /// Squared Mahalanobis distance of a plot from this state's position, with the plot's own
    /// covariance added: νᵀ (P_pos + R)⁻¹ ν. Compare with a χ² quantile for 2 degrees of freedom
    /// (9.21 keeps 99 % of true plots). Infinite when the combined covariance is not positive.
    @inline(__always)
    public func mahalanobis2(_ m: PositionMeasurement) -> Double {
        m.mahalanobis2(fromX: x, y: y, xx: covariance.xx, xy: covariance.xy, yy: covariance.yy)
    }
}
