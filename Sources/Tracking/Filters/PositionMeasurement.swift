import Surveillance

/// A plot's horizontal position in the system plane with its covariance: what the horizontal
/// filters update with. Built from a radar's polar plot by the tracker (slant-range corrected,
/// covariance through the Jacobian), so the filters stay linear.
public struct PositionMeasurement: Sendable, Equatable {
    /// Metres east of the plane's centre.
    public var x: Double
    /// Metres north of the plane's centre.
    public var y: Double
    public var covariance: Covariance2

    public init(x: Double, y: Double, covariance: Covariance2) {
        self.x = x
        self.y = y
        self.covariance = covariance
    }

    /// Squared Mahalanobis distance of this plot from a position (x, y) with covariance
    /// (xx, xy, yy), the plot's own covariance added: νᵀ (P + R)⁻¹ ν. Infinite when the sum is
    /// not positive. Gating and the filters' fits share it.
    @inline(__always)
    public func mahalanobis2(fromX x: Double, y: Double, xx: Double, xy: Double, yy: Double) -> Double {
        let sxx = xx + covariance.xx
        let sxy = xy + covariance.xy
        let syy = yy + covariance.yy
        let det = sxx * syy - sxy * sxy
        guard det > 0 else { return .infinity }
        let dx = self.x - x, dy = self.y - y
        return (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det
    }
}
