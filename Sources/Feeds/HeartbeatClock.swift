/// When a feed's next heartbeat is due, on the data's clock: every `interval` seconds of data
/// time, on a grid from the first one; after a jump in data time (a gap in a replay) one heartbeat
/// goes out, not one per missed slot.
public struct HeartbeatClock: Sendable {
    /// Seconds of data time between heartbeats.
    public let interval: Double
    /// Data time at or after which the next heartbeat is due (−∞: at the first tick).
    private var due = -Double.infinity

    /// nil unless the interval is positive and finite.
    public init?(interval: Double) {
        guard interval > 0, interval.isFinite else { return nil }
        self.interval = interval
    }

    /// Data time has reached `time`: true when a heartbeat is due now (and the next is scheduled).
    public mutating func isDue(at time: Double) -> Bool {
        guard time >= due else { return false }
        due = due.isFinite ? due + ((time - due) / interval).rounded(.down) * interval + interval : time + interval
        return true
    }
}
