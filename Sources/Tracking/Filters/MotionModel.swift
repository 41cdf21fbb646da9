import Glibc

/// How a target moves between plots in the horizontal plane: constant velocity, or a coordinated
/// turn at a fixed, known rate (the IMM's turn modes). Both add continuous white-noise
/// acceleration of spectral density `noiseDensity` (q, m²/s³) on each axis:
/// Q = q·[[T³/3, T²/2], [T²/2, T]] per axis, as Stone Soup's `ConstantVelocity(q)` and filterpy's
/// `Q_continuous_white_noise(dim=2, dt=T, spectral_density=q)`. The turn models reuse that Q.
///
/// With state order (x, y, vx, vy), F = [[I, A], [0, R]] where R turns the velocity by ωT and A
/// integrates the turning velocity over T:
///
///     A = [[a, −b], [b, a]],  R = [[c, −s], [s, c]],
///     a = sin ωT / ω,  b = (1 − cos ωT) / ω,  c = cos ωT,  s = sin ωT
///
/// and constant velocity is the limit ω → 0: a = T, b = 0, c = 1, s = 0. `predict` is written out
/// for that block structure (about 70 flops) instead of multiplying 4×4 matrices.
public struct MotionModel: Sendable, Equatable {
    /// Radians per second, positive to the left (counter-clockwise seen from above); 0 for
    /// constant velocity.
    public var turnRate: Double
    /// q, m²/s³ per axis.
    public var noiseDensity: Double

    public init(turnRate: Double, noiseDensity: Double) {
        self.turnRate = turnRate
        self.noiseDensity = noiseDensity
    }

    public static func constantVelocity(noiseDensity q: Double) -> MotionModel {
        MotionModel(turnRate: 0, noiseDensity: q)
    }

    /// - Parameter rate: radians per second, positive to the left.
    public static func coordinatedTurn(rate: Double, noiseDensity q: Double) -> MotionModel {
        MotionModel(turnRate: rate, noiseDensity: q)
    }

    /// Moves `state` forward by `dt` seconds: x ← F x, P ← F P Fᵀ + Q.
    /// A negative `dt` is treated as 0: Q would be negative and P would stop being a covariance;
    /// late plots are the tracker's business (it must not ask a filter to run backwards).
    @inline(__always)
    public func predict(_ state: inout HorizontalState, dt: Double) {
        let t = max(dt, 0)
        Self.apply(Transition(turnRate: turnRate, dt: t), noiseDensity: noiseDensity, dt: t, to: &state)
    }

    /// Moves two states by the turns at +ω (`left`) and −ω (`right`) sharing one sine and cosine:
    /// the mirrored turn has the same a and c and the opposite b and s (the IMM's two turn modes).
    @inline(__always)
    public func predictMirroredTurns(left: inout HorizontalState, right: inout HorizontalState, dt: Double) {
        let t = max(dt, 0)
        let f = Transition(turnRate: turnRate, dt: t)
        Self.apply(f, noiseDensity: noiseDensity, dt: t, to: &left)
        Self.apply(Transition(a: f.a, b: -f.b, c: f.c, s: -f.s), noiseDensity: noiseDensity, dt: t, to: &right)
    }

    /// The four numbers of F for one interval (see the type's comment).
    struct Transition {
        var a: Double, b: Double, c: Double, s: Double

        init(a: Double, b: Double, c: Double, s: Double) {
            self.a = a; self.b = b; self.c = c; self.s = s
        }

        @inline(__always)
        init(turnRate ω: Double, dt t: Double) {
            if ω == 0 {
                self.init(a: t, b: 0, c: 1, s: 0)
            } else {
                let s = sin(ω * t)
                // 1 − cos ωT written as 2 sin²(ωT/2): no cancellation when ωT is small.
                let h = sin(0.5 * ω * t)
                self.init(a: s / ω, b: 2 * h * h / ω, c: 1 - 2 * h * h, s: s)
            }
        }
    }

    @inline(__always)
    static func apply(_ f: Transition, noiseDensity q: Double, dt t: Double, to state: inout HorizontalState) {
        let a = f.a, b = f.b, c = f.c, s = f.s
        let vx = state.vx, vy = state.vy
        state.x += a * vx - b * vy
        state.y += b * vx + a * vy
        state.vx = c * vx - s * vy
        state.vy = s * vx + c * vy

        let p = state.covariance
        // U = P_pv + A P_vv (rows x, y; columns vx, vy).
        let u11 = p.xvx + a * p.vxvx - b * p.vxvy
        let u12 = p.xvy + a * p.vxvy - b * p.vyvy
        let u21 = p.yvx + b * p.vxvx + a * p.vxvy
        let u22 = p.yvy + b * p.vxvy + a * p.vyvy
        // M = R P_vv, then P_vv' = M Rᵀ.
        let m11 = c * p.vxvx - s * p.vxvy
        let m12 = c * p.vxvy - s * p.vyvy
        let m21 = s * p.vxvx + c * p.vxvy
        let m22 = s * p.vxvy + c * p.vyvy

        let qVelocity = q * t
        let qCross = 0.5 * qVelocity * t
        let qPosition = qCross * t * (2.0 / 3.0)

        var n = Covariance4.zero
        // P_pp' = P_pp + A P_pvᵀ + U Aᵀ
        n.xx = p.xx + (a * p.xvx - b * p.xvy) + (a * u11 - b * u12) + qPosition
        n.xy = p.xy + (a * p.yvx - b * p.yvy) + (b * u11 + a * u12)
        n.yy = p.yy + (b * p.yvx + a * p.yvy) + (b * u21 + a * u22) + qPosition
        // P_pv' = U Rᵀ
        n.xvx = c * u11 - s * u12 + qCross
        n.xvy = s * u11 + c * u12
        n.yvx = c * u21 - s * u22
        n.yvy = s * u21 + c * u22 + qCross
        // P_vv' = R P_vv Rᵀ
        n.vxvx = c * m11 - s * m12 + qVelocity
        n.vxvy = s * m11 + c * m12
        n.vyvy = s * m21 + c * m22 + qVelocity
        state.covariance = n
    }
}
