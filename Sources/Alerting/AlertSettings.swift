/// When an alert is raised, updated and cleared. The defaults suit the shipped sessions, where a
/// track updates every 4–5 s (one radar scan).
public struct AlertSettings: Sendable, Equatable {
    /// A score at or above this counts towards raising an alert: the one alert threshold (the
    /// classifier only scores). 0.8 is evidence 1.6 in the classifier's `1 − exp(−E)`: at night a
    /// track without transponder needs more than that alone (0.70) or with a light aircraft's speed
    /// (0.78), e.g. an approach to the border, a transponder switched off, a landing away from
    /// airports, a skip.
    public var raiseScore = 0.8
    /// Consecutive updates at or above `raiseScore` before the alert is raised: one high score
    /// from a single odd plot raises nothing.
    public var raiseUpdates = 3
    /// An active alert is cleared when the score falls below this. Lower than `raiseScore`
    /// (hysteresis): a score wobbling around one threshold neither raises nor clears over and over.
    public var clearScore = 0.6
    /// A score change larger than this (either way) since the last sent state is material.
    public var scoreChange = 0.1
    /// Seconds of data time at least between two `updated` states of one alert, however much
    /// changes: a classifier that flickers between two classes does not flood the feeds. A change
    /// held back is sent with the first update after the interval, if it still differs then.
    public var minUpdateInterval = 10.0
    /// Seconds of data time after which an active alert is sent again even if nothing material
    /// changed, so that a map (Cursor on Target) keeps the suspect's position fresh and does not
    /// let it go stale. Keep it below the Cursor on Target stale time (60 s by default).
    public var refreshInterval = 20.0

    public init() {}

    /// Why the settings cannot work, or nil.
    public var problem: String? {
        if !(0...1).contains(clearScore) || !(0...1).contains(raiseScore) {
            return "raise and clear scores must be within 0–1 (raise \(raiseScore), clear \(clearScore))"
        }
        if clearScore > raiseScore { return "the clear score \(clearScore) is above the raise score \(raiseScore)" }
        if raiseUpdates < 1 { return "raise updates must be at least 1, not \(raiseUpdates)" }
        if !(minUpdateInterval >= 0) || !(refreshInterval >= minUpdateInterval) {
            return "intervals must satisfy 0 ≤ minimum update interval (\(minUpdateInterval) s) ≤ refresh interval (\(refreshInterval) s)"
        }
        return nil
    }
}
