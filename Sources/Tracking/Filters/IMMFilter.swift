import Glibc

/// The probabilities of the IMM's three modes; they sum to 1.
public struct ModeProbabilities: Sendable, Equatable {
    public var straight: Double
    public var left: Double
    public var right: Double

    public init(straight: Double, left: Double, right: Double) {
        self.straight = straight
        self.left = left
        self.right = right
    }

    /// Probability that the target is turning, either way.
    public var turn: Double { left + right }
}

/// Interacting multiple model filter (Blom & Bar-Shalom) of three horizontal models: constant
/// velocity ("straight"), and coordinated turns at +ω ("left") and −ω ("right").
///
/// One cycle: `predict` mixes the three models' states by the Markov mode transition for the
/// interval (mixing), predicts each model, and leaves the predicted mode probabilities and the
/// combined prediction in `modeProbabilities` and `estimate`; `update` runs each model's Kalman
/// update and reweights the modes by their likelihoods. `predict` twice in a row (a missed plot)
/// is correct: without a plot the posterior is the prior.
///
/// The Markov matrix M[i][j] = P(mode i → mode j) over an interval T (rows sum to 1, as filterpy's
/// `IMMEstimator`):
///
///               straight         left        right
///     straight  σ                (1−σ)/2     (1−σ)/2       σ = exp(−T / meanStraightTime)
///     left      1−τ              τ           0             τ = exp(−T / meanTurnTime)
///     right     1−τ              0           τ
///
/// The zeros are written into the mixing below rather than multiplied.
///
/// With `settings.turnModes` false it is a lone constant-velocity Kalman filter (the straight
/// model, probability 1, with `constantVelocityNoiseDensity`): the evaluation's baseline, through
/// the same type so the tracker needs no second code path.
public struct IMMFilter: Sendable, Equatable {
    /// Each model's own estimate.
    public private(set) var straight: HorizontalState
    public private(set) var left: HorizontalState
    public private(set) var right: HorizontalState
    public private(set) var modeProbabilities: ModeProbabilities
    /// The models' estimates combined by their probabilities, kept so that gating (called per
    /// track–plot pair) reads it instead of recombining.
    public private(set) var estimate: HorizontalState
    public let settings: IMMSettings

    public init(state: HorizontalState, settings: IMMSettings = IMMSettings()) {
        straight = state
        left = state
        right = state
        let turn = settings.turnModes ? settings.initialTurnProbability : 0
        modeProbabilities = ModeProbabilities(straight: 1 - 2 * turn, left: turn, right: turn)
        estimate = state
        self.settings = settings
    }

    /// A track's filter started from one plot: at the plot, velocity 0 with `velocityVariance`
    /// (m²/s²) on each axis.
    public init(measurement: PositionMeasurement, velocityVariance: Double,
                settings: IMMSettings = IMMSettings()) {
        self.init(state: HorizontalState(measurement: measurement, velocityVariance: velocityVariance),
                  settings: settings)
    }

    /// The turn modes carry most of the probability.
    public var turning: Bool { modeProbabilities.turn > 0.5 }

    /// Moves the filter forward by `dt` seconds (negative is treated as 0).
    public mutating func predict(dt: Double) {
        let t = max(dt, 0)
        guard settings.turnModes else {
            MotionModel.constantVelocity(noiseDensity: settings.constantVelocityNoiseDensity).predict(&straight, dt: t)
            estimate = straight
            return
        }
        let stayStraight = exp(-t / settings.meanStraightTime)
        let stayTurn = exp(-t / settings.meanTurnTime)
        let toEachTurn = 0.5 * (1 - stayStraight)
        let toStraight = 1 - stayTurn
        let μ = modeProbabilities

        // Predicted mode probabilities c_j = Σ_i M_ij μ_i, and what each mode is mixed from:
        // weight of model i in mode j's starting point = M_ij μ_i / c_j.
        let fromStraightToStraight = stayStraight * μ.straight
        let fromLeftToStraight = toStraight * μ.left
        let fromRightToStraight = toStraight * μ.right
        let fromStraightToTurn = toEachTurn * μ.straight
        let fromLeftToLeft = stayTurn * μ.left
        let fromRightToRight = stayTurn * μ.right
        let c = ModeProbabilities(straight: fromStraightToStraight + fromLeftToStraight + fromRightToStraight,
                                  left: fromStraightToTurn + fromLeftToLeft,
                                  right: fromStraightToTurn + fromRightToRight)

        // A predicted probability can underflow to 0 only when its sources did; the mode then
        // keeps its own state (its weight is 0 in every sum that follows).
        var s0 = straight, l0 = left, r0 = right
        if c.straight > 0 {
            s0 = .mixture(straight, fromStraightToStraight / c.straight,
                          left, fromLeftToStraight / c.straight,
                          right, fromRightToStraight / c.straight)
        }
        if c.left > 0 {
            l0 = .mixture(straight, fromStraightToTurn / c.left, left, fromLeftToLeft / c.left)
        }
        if c.right > 0 {
            r0 = .mixture(straight, fromStraightToTurn / c.right, right, fromRightToRight / c.right)
        }

        MotionModel.constantVelocity(noiseDensity: settings.straightNoiseDensity).predict(&s0, dt: t)
        MotionModel.coordinatedTurn(rate: settings.turnRate, noiseDensity: settings.turnNoiseDensity)
            .predictMirroredTurns(left: &l0, right: &r0, dt: t)
        straight = s0
        left = l0
        right = r0
        modeProbabilities = c
        combine()
    }

    /// Squared Mahalanobis distance of a plot from the combined (predicted) estimate's position,
    /// the plot's covariance included: for gating, cheap enough to call per track–plot pair.
    @inline(__always)
    public func mahalanobis2(_ m: PositionMeasurement) -> Double {
        estimate.mahalanobis2(m)
    }

    /// Updates each model with the plot and reweights the modes by their likelihoods.
    /// Returns the distance from the combined prediction and the log-likelihood of the plot
    /// under the mixture, log Σ_j c_j N_j.
    @discardableResult
    public mutating func update(_ m: PositionMeasurement) -> MeasurementFit {
        guard settings.turnModes else {
            let fit = straight.update(m)
            estimate = straight
            return fit
        }
        let d2 = estimate.mahalanobis2(m)
        let s = straight.innovate(m), l = left.innovate(m), r = right.innovate(m)
        // N_j = exp(−½ d²_j) / (2π √det S_j), taken relative to the mode still possible that
        // fits best (smallest d²), so that a plot far from every model (a jump after a long
        // coast) cannot underflow them all to 0; a mode whose probability is 0 must not set the
        // scale (its weight stays 0). As ratios the likelihoods need one exp a mode and no log.
        let μ = modeProbabilities
        var reference = (mahalanobis2: Double.infinity, determinant: 1.0)
        if μ.straight > 0, s.mahalanobis2 < reference.mahalanobis2 { reference = s }
        if μ.left > 0, l.mahalanobis2 < reference.mahalanobis2 { reference = l }
        if μ.right > 0, r.mahalanobis2 < reference.mahalanobis2 { reference = r }
        guard reference.mahalanobis2 < .infinity else { return MeasurementFit(mahalanobis2: d2, logLikelihood: -.infinity) }
        func weight(_ probability: Double, _ fit: (mahalanobis2: Double, determinant: Double)) -> Double {
            guard probability > 0, fit.mahalanobis2 < .infinity else { return 0 }
            return probability * exp(-0.5 * (fit.mahalanobis2 - reference.mahalanobis2))
                * (reference.determinant / fit.determinant).squareRoot()
        }
        let ws = weight(μ.straight, s), wl = weight(μ.left, l), wr = weight(μ.right, r)
        let total = ws + wl + wr
        modeProbabilities = ModeProbabilities(straight: ws / total, left: wl / total, right: wr / total)
        combine()
        let logLikelihood = log(total / reference.determinant.squareRoot()) - 0.5 * reference.mahalanobis2
            - MeasurementFit.logTwoPi
        return MeasurementFit(mahalanobis2: d2, logLikelihood: logLikelihood)
    }

    /// estimate ← Σ_j μ_j x_j with covariance Σ_j μ_j (P_j + (x_j − x)(x_j − x)ᵀ).
    private mutating func combine() {
        let μ = modeProbabilities
        estimate = .mixture(straight, μ.straight, left, μ.left, right, μ.right)
    }
}

extension HorizontalState {
    /// The mean and covariance of a mixture of two Gaussian states with weights summing to 1.
    @inline(__always)
    static func mixture(_ a: HorizontalState, _ wa: Double,
                        _ b: HorizontalState, _ wb: Double) -> HorizontalState {
        var m = HorizontalState(x: wa * a.x + wb * b.x, y: wa * a.y + wb * b.y,
                                vx: wa * a.vx + wb * b.vx, vy: wa * a.vy + wb * b.vy,
                                covariance: .zero)
        m.addComponent(a, wa)
        m.addComponent(b, wb)
        return m
    }

    /// The mean and covariance of a mixture of three Gaussian states with weights summing to 1.
    @inline(__always)
    static func mixture(_ a: HorizontalState, _ wa: Double, _ b: HorizontalState, _ wb: Double,
                        _ c: HorizontalState, _ wc: Double) -> HorizontalState {
        var m = HorizontalState(x: wa * a.x + wb * b.x + wc * c.x, y: wa * a.y + wb * b.y + wc * c.y,
                                vx: wa * a.vx + wb * b.vx + wc * c.vx, vy: wa * a.vy + wb * b.vy + wc * c.vy,
                                covariance: .zero)
        m.addComponent(a, wa)
        m.addComponent(b, wb)
        m.addComponent(c, wc)
        return m
    }

    /// Adds w (P + d dᵀ) of a component whose mean deviates by d from this (the mixture's) mean.
    @inline(__always)
    private mutating func addComponent(_ s: HorizontalState, _ w: Double) {
        covariance.addMixture(w, s.covariance, dx: s.x - x, dy: s.y - y, dvx: s.vx - vx, dvy: s.vy - vy)
    }
}
