import Glibc

/// How well a plot fitted a filter's prediction, from the innovation ν = z − Hx and its
/// covariance S = H P Hᵀ + R.
public struct MeasurementFit: Sendable, Equatable {
    /// νᵀ S⁻¹ ν: χ² with 2 degrees of freedom for a true plot.
    public var mahalanobis2: Double
    /// log N(ν; 0, S) = −½ (νᵀ S⁻¹ ν + log det S) − log 2π: the IMM's mode likelihoods, and a
    /// track score for whoever wants one.
    public var logLikelihood: Double

    static let logTwoPi = 1.8378770664093453  // log 2π

    public init(mahalanobis2: Double, logLikelihood: Double) {
        self.mahalanobis2 = mahalanobis2
        self.logLikelihood = logLikelihood
    }
}

extension HorizontalState {
    /// The Kalman update with a plot's position (H picks x and y; R is the plot's covariance).
    ///
    /// Standard form P ← P − K S Kᵀ = P − B S⁻¹ Bᵀ with B = P Hᵀ (the x and y columns of P),
    /// written out for that structure. Only the 10 unique elements are computed, so P stays
    /// exactly symmetric; the position block becomes P_pp (P_pp + R)⁻¹ R, which stays positive
    /// for any positive R (the Joseph form's extra cost buys nothing at 4×4 with radar noise).
    /// A plot whose S is not positive (a broken covariance) leaves the state alone and returns
    /// an infinite distance.
    @discardableResult @inline(__always)
    public mutating func update(_ m: PositionMeasurement) -> MeasurementFit {
        let (d2, det) = innovate(m)
        guard det > 0 else { return MeasurementFit(mahalanobis2: .infinity, logLikelihood: -.infinity) }
        return MeasurementFit(mahalanobis2: d2, logLikelihood: -0.5 * (d2 + log(det)) - MeasurementFit.logTwoPi)
    }

    /// The update itself: returns νᵀ S⁻¹ ν and det S, from which the likelihood follows (the IMM
    /// compares its modes' likelihoods as ratios, without taking logarithms). A det S that is not
    /// positive leaves the state alone.
    @inline(__always)
    mutating func innovate(_ m: PositionMeasurement) -> (mahalanobis2: Double, determinant: Double) {
        let p = covariance
        let sxx = p.xx + m.covariance.xx
        let sxy = p.xy + m.covariance.xy
        let syy = p.yy + m.covariance.yy
        let det = sxx * syy - sxy * sxy
        guard det > 0 else { return (.infinity, det) }
        let i11 = syy / det, i12 = -sxy / det, i22 = sxx / det

        let nx = m.x - x, ny = m.y - y
        let d2 = i11 * nx * nx + 2 * i12 * nx * ny + i22 * ny * ny

        // Rows of B = P Hᵀ, and of the gain K = B S⁻¹.
        let bx1 = p.xx, bx2 = p.xy
        let by1 = p.xy, by2 = p.yy
        let bu1 = p.xvx, bu2 = p.yvx
        let bv1 = p.xvy, bv2 = p.yvy
        let kx1 = bx1 * i11 + bx2 * i12, kx2 = bx1 * i12 + bx2 * i22
        let ky1 = by1 * i11 + by2 * i12, ky2 = by1 * i12 + by2 * i22
        let ku1 = bu1 * i11 + bu2 * i12, ku2 = bu1 * i12 + bu2 * i22
        let kv1 = bv1 * i11 + bv2 * i12, kv2 = bv1 * i12 + bv2 * i22

        x += kx1 * nx + kx2 * ny
        y += ky1 * nx + ky2 * ny
        vx += ku1 * nx + ku2 * ny
        vy += kv1 * nx + kv2 * ny

        var n = p
        n.xx -= kx1 * bx1 + kx2 * bx2
        n.xy -= kx1 * by1 + kx2 * by2
        n.xvx -= kx1 * bu1 + kx2 * bu2
        n.xvy -= kx1 * bv1 + kx2 * bv2
        n.yy -= ky1 * by1 + ky2 * by2
        n.yvx -= ky1 * bu1 + ky2 * bu2
        n.yvy -= ky1 * bv1 + ky2 * bv2
        n.vxvx -= ku1 * bu1 + ku2 * bu2
        n.vxvy -= ku1 * bv1 + ku2 * bv2
        n.vyvy -= kv1 * bv1 + kv2 * bv2
        covariance = n
        return (d2, det)
    }
}
