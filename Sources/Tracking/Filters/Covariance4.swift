import Surveillance

/// The covariance of a horizontal state (x, y, vx, vy): metres², metres²/s, metres²/s². Symmetric,
/// so its 10 unique numbers are stored as named fields. Named fields rather than an array or an
/// `InlineArray` subscript because those were measured 10–30× slower here (SWIFT.md), and the
/// filters' arithmetic is written out for the structure of the models anyway.
public struct Covariance4: Sendable, Equatable {
    public var xx: Double, xy: Double, xvx: Double, xvy: Double
    public var yy: Double, yvx: Double, yvy: Double
    public var vxvx: Double, vxvy: Double
    public var vyvy: Double

    public init(xx: Double, xy: Double, xvx: Double, xvy: Double,
                yy: Double, yvx: Double, yvy: Double,
                vxvx: Double, vxvy: Double,
                vyvy: Double) {
        self.xx = xx; self.xy = xy; self.xvx = xvx; self.xvy = xvy
        self.yy = yy; self.yvx = yvx; self.yvy = yvy
        self.vxvx = vxvx; self.vxvy = vxvy
        self.vyvy = vyvy
    }

    /// Position and velocity uncorrelated: the position block from a plot's covariance, the
    /// velocity block `velocityVariance` on each axis (what a track started from one plot knows).
    public init(position: Covariance2, velocityVariance: Double) {
        self.init(xx: position.xx, xy: position.xy, xvx: 0, xvy: 0,
                  yy: position.yy, yvx: 0, yvy: 0,
                  vxvx: velocityVariance, vxvy: 0,
                  vyvy: velocityVariance)
    }

    public static let zero = Covariance4(xx: 0, xy: 0, xvx: 0, xvy: 0, yy: 0, yvx: 0, yvy: 0,
                                         vxvx: 0, vxvy: 0, vyvy: 0)

    public var position: Covariance2 { Covariance2(xx: xx, xy: xy, yy: yy) }
    public var velocity: Covariance2 { Covariance2(xx: vxvx, xy: vxvy, yy: vyvy) }

    /// Element (row, column) in the order x, y, vx, vy: for tests and printing, not hot paths.
    public subscript(row: Int, column: Int) -> Double {
        switch (min(row, column), max(row, column)) {
        case (0, 0): xx
        case (0, 1): xy
        case (0, 2): xvx
        case (0, 3): xvy
        case (1, 1): yy
        case (1, 2): yvx
        case (1, 3): yvy
        case (2, 2): vxvx
        case (2, 3): vxvy
        case (3, 3): vyvy
        default: preconditionFailure("Covariance4 has rows and columns 0...3, not (\(row), \(column))")
        }
    }

    /// `self += w · (other + d dᵀ)`: one term of a Gaussian mixture's covariance (the IMM's
    /// mixing and combination steps), with d the deviation of that component's mean.
    @inline(__always)
    mutating func addMixture(_ w: Double, _ other: Covariance4,
                             dx: Double, dy: Double, dvx: Double, dvy: Double) {
        xx += w * (other.xx + dx * dx)
        xy += w * (other.xy + dx * dy)
        xvx += w * (other.xvx + dx * dvx)
        xvy += w * (other.xvy + dx * dvy)
        yy += w * (other.yy + dy * dy)
        yvx += w * (other.yvx + dy * dvx)
        yvy += w * (other.yvy + dy * dvy)
        vxvx += w * (other.vxvx + dvx * dvx)
        vxvy += w * (other.vxvy + dvx * dvy)
        vyvy += w * (other.vyvy + dvy * dvy)
    }
}
