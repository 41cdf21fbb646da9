/// Settings of the horizontal and vertical filters, with defaults for aircraft seen by 4–12 s
/// scan radars. They are starting points to be tuned against the simulated sessions' truth
/// (`centinela evaluate`), not measured optima.
///
/// How to read q (continuous white-noise acceleration, m²/s³ per axis): over an interval T it
/// adds √(qT) m/s of velocity uncertainty and √(qT³/3) m of position uncertainty, so a target
/// accelerating by a (m/s²) for a whole interval is covered when q ≈ a²T.

/// The IMM of constant velocity and coordinated turns at ±`turnRate`.
public struct IMMSettings: Sendable, Equatable {
    /// false: the straight mode alone, a lone constant-velocity Kalman filter with
    /// `constantVelocityNoiseDensity` (the evaluation's baseline against the IMM).
    public var turnModes = true
    /// q of the lone constant-velocity filter, m²/s³. 5 covers about 1.1 m/s² over a 4 s scan
    /// (0.65 m/s² over 12 s): gentle turns and speed changes, at the price of a noisier estimate
    /// in straight flight than the IMM's.
    public var constantVelocityNoiseDensity: Double = 5
    /// q of the straight (constant-velocity) mode, m²/s³. 0.3: about 1.9 m/s of velocity drift
    /// over a 12 s scan, for wind and speed adjustments; anything more is the turn modes' job. A
    /// small q is what makes the IMM's straight-flight estimate better than a lone CV filter's.
    /// Tuned, with the four settings below, on the night session and the Stone Soup scenario
    /// (`centinela evaluate`, `tools/stonesoup_compare.py`): from 1, 5, 120 s, 0.1 and a 0.9999
    /// gate, the night session's GOSPA went from 15.0 to 12.5 km and the scenario's from 107 to
    /// 86 m per target.
    public var straightNoiseDensity: Double = 0.3
    /// q of the two turn modes, m²/s³. 2: the real turn rate is seldom exactly `turnRate`, and
    /// the mixing of the straight and turn modes covers turns between 0 and `turnRate`.
    public var turnNoiseDensity: Double = 2
    /// Radians per second of the turn modes: 3°/s, the standard-rate turn of instrument flying
    /// (a 180° turn in one minute).
    public var turnRate: Double = 3 * Double.pi / 180
    /// Mean time in straight flight between turns, seconds. The probability of staying straight
    /// over an interval T is exp(−T / this), so the mode switching does not depend on the scan
    /// period: 0.996 for a 4 s scan, 0.987 for 12 s. Leaving the straight mode goes to either
    /// turn with equal probability. 900 rather than 120: with 120, airliners seen at 200 km by a
    /// 0.18° radar (600 m across the beam) kept waking the turn modes and the IMM lost to constant
    /// velocity on the night session.
    public var meanStraightTime: Double = 900
    /// Mean duration of a turn, seconds: 30 s is a 90° standard-rate turn. A turn ends into
    /// straight flight (a reversal goes through the straight mode).
    public var meanTurnTime: Double = 30
    /// Each turn mode's probability when a track starts: most aircraft fly straight.
    public var initialTurnProbability: Double = 0.02

    public init() {}
}

/// The altitude channel.
public struct VerticalSettings: Sendable, Equatable {
    /// q of the altitude and vertical rate, m²/s³. 2 covers about 0.7 m/s² over a 4 s scan: an
    /// aircraft levelling off from a 10 m/s climb in 10–15 s.
    public var noiseDensity: Double = 2
    /// Variance of the vertical rate when a track's first altitude arrives, m²/s²: σ 15 m/s
    /// (3,000 ft/min) covers climbs and descents of airliners and most light aircraft.
    public var initialRateVariance: Double = 15 * 15

    public init() {}
}
