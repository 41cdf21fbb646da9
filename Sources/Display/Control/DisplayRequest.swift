/// What an operator's key asks of the program that hosts the display (the tracker in `replay` or
/// `run`, or the `display` client): everything that is not just a change of view.
public enum DisplayRequest: Sendable, Equatable {
    /// Acknowledge the alert with this id.
    case acknowledge(alertID: String)
    /// Replay: stop taking frames if it takes them, else take them again. Relative, as are the
    /// speed steps: the host applies them to its own state in order, so keys typed before the
    /// picture shows the first act as typed (two presses of space pause and resume).
    case pauseOrResume
    /// Replay, paused: replay one more scan of data, then pause again.
    case step
    /// Replay: one step faster or slower along `ReplaySpeeds.steps`.
    case faster, slower
    /// Leave the display and end the program as SIGINT would.
    case quit
}
