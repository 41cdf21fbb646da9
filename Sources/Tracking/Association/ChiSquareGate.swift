import Glibc
import Surveillance

/// An ellipsoidal gate on a horizontal (2-D) innovation ν with covariance S: a plot may update a
/// track when the Mahalanobis distance d² = νᵀ S⁻¹ ν is at most `threshold`. For 2 degrees of
/// freedom d² is χ²(2), whose distribution function is 1 − e^(−d²/2), so the threshold that keeps
/// a true plot with probability P is −2 ln(1 − P) in closed form (P = 0.99 → 9.21).
public struct ChiSquareGate: Sendable, Equatable {
    /// The largest d² that passes.
    public var threshold: Double

    public init(threshold: Double) {
        precondition(threshold >= 0, "ChiSquareGate: threshold \(threshold)")
        self.threshold = threshold
    }

    /// The gate that a correct plot passes with `probability` (0 ≤ P < 1).
    public init(probability: Double) {
        self.init(threshold: Self.threshold(probability: probability))
    }

    /// The d² threshold that a correct plot passes with `probability` (0 ≤ P < 1): −2 ln(1 − P).
    public static func threshold(probability: Double) -> Double {
        precondition(probability >= 0 && probability < 1, "ChiSquareGate: probability \(probability)")
        return -2 * log1p(-probability)
    }

    /// d² of the innovation (dx, dy) if it passes the gate, nil if it does not or S is not
    /// positive definite (a broken covariance must not let plots in).
    public func distanceSquared(dx: Double, dy: Double, innovation s: Covariance2) -> Double? {
        let det = s.determinant
        guard det > 0 && s.xx > 0 else { return nil }
        // S⁻¹ = [[yy, −xy], [−xy, xx]] / det, written out.
        let d2 = (s.yy * dx * dx - 2 * s.xy * dx * dy + s.xx * dy * dy) / det
        return d2 <= threshold ? d2 : nil
    }

    /// The radius of the smallest circle around the prediction that holds the whole gate
    /// ellipse: √(threshold · λmax(S)). What a `SpatialGrid` query needs.
    public func radius(innovation s: Covariance2) -> Double {
        (threshold * max(s.largestEigenvalue, 0)).squareRoot()
    }
}
