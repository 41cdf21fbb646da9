import Glibc

/// A 2×2 covariance of a horizontal position, metres²: x east, y north (of whichever plane the
/// caller works in). Symmetric, so three numbers; the arithmetic is written out for 2×2
/// (DOMAIN.md §4: no generic matrix code in per-plot paths).
public struct Covariance2: Sendable, Equatable, CustomStringConvertible {
    public var xx: Double
    public var xy: Double
    public var yy: Double

    public init(xx: Double, xy: Double, yy: Double) {
        self.xx = xx
        self.xy = xy
        self.yy = yy
    }

    /// A radar's polar noise in its horizontal plane. With x = r sin θ, y = r cos θ (azimuth θ
    /// clockwise from north) the Jacobian is J = [[sin θ, r cos θ], [cos θ, −r sin θ]] and
    /// Σ = J diag(σr², σθ²) Jᵀ: σr along the line of sight, r·σθ across it.
    /// - Parameters:
    ///   - range: horizontal distance from the radar, metres (the lever arm of the azimuth error).
    ///   - azimuth: degrees clockwise from the plane's north.
    ///   - rangeSigma: metres, along the line of sight on the ground.
    ///   - azimuthSigma: degrees.
    public static func polar(range r: Double, azimuth: Double, rangeSigma: Double, azimuthSigma: Double) -> Covariance2 {
        let θ = azimuth * (Double.pi / 180)
        let s = sin(θ), c = cos(θ)
        let vr = rangeSigma * rangeSigma
        let σc = r * azimuthSigma * (Double.pi / 180)
        let vc = σc * σc
        return Covariance2(xx: s * s * vr + c * c * vc,
                           xy: s * c * (vr - vc),
                           yy: c * c * vr + s * s * vc)
    }

    /// The ellipse turned clockwise by `degrees`: each vector (e, n) → (e cos + n sin,
    /// −e sin + n cos), Σ → R Σ Rᵀ. To express a covariance given in local east/north in a plane
    /// where true north points `StereographicPlane.northDirection(at:)` degrees clockwise of the
    /// plane's +y, turn it by that angle.
    public func rotatedClockwise(by degrees: Double) -> Covariance2 {
        let a = degrees * (Double.pi / 180)
        let c = cos(a), s = sin(a)
        let cc = c * c, ss = s * s, cs = c * s
        return Covariance2(xx: cc * xx + 2 * cs * xy + ss * yy,
                           xy: cs * (yy - xx) + (cc - ss) * xy,
                           yy: ss * xx - 2 * cs * xy + cc * yy)
    }

    public var determinant: Double { xx * yy - xy * xy }
    /// The larger eigenvalue: the variance along the ellipse's long axis, m².
    public var largestEigenvalue: Double {
        let half = (xx - yy) / 2
        return (xx + yy) / 2 + (half * half + xy * xy).squareRoot()
    }
    public var sigmaX: Double { xx.squareRoot() }
    public var sigmaY: Double { yy.squareRoot() }

    public var description: String { "[[\(xx), \(xy)], [\(xy), \(yy)]]" }
}
