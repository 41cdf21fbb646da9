/// What an operator's key asks of the program that hosts the display (the tracker in `replay` or
/// `run`, or the `display` client): everything that is not just a change of view.
public enum DisplayRequest: Sendable, Equatable {
    /// Acknowledge the alert with this id.
    case acknowledge(alertID: String)
    /// Replay: stop taking frames / take them again.
    case pause, resume
    /// Replay, paused: replay one more scan of data, then pause again.
    case step
    /// Replay: a factor of real time, or nil as fast as possible.
    case speed(Double?)
    /// Leave the display and end the program as SIGINT would.
    case quit
}
