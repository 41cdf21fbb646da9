import Glibc
import Surveillance

/// Paces a replay: holds each frame back until the wall clock has run as far, times `speed`, as
/// the recording has since its first frame. `speed` nil is as fast as possible. Only the shell
/// uses it: the core sees the frames' own times either way, so a paced replay and a `max` one
/// give the same tracks.
public struct ReplayPacer: Sendable {
    public let speed: Double?
    /// Seconds of wall clock a single frame may be held back.
    public static let longestWait = 10.0
    private var start: (recording: Double, wall: Double)?

    /// `speed` must be positive and finite, or nil.
    public init(speed: Double?) {
        precondition(speed.map { $0 > 0 && $0.isFinite } ?? true, "ReplayPacer: speed \(String(describing: speed))")
        self.speed = speed
    }

    /// Sleeps until the frame recorded at `time` (seconds, any origin) is due.
    public mutating func wait(for time: Double) {
        guard let speed else { return }
        let now = HostClock.monotonic()
        guard let start else {
            self.start = (time, now)
            return
        }
        let due = start.wall + (time - start.recording) / speed
        let ahead = due - now
        guard ahead > 0 else { return }
        // A recording whose time jumps (a gap, a clock set by hours) must not freeze the replay:
        // beyond `longestWait` the gap is skipped and the pacing starts again from this frame.
        guard ahead <= Self.longestWait else {
            self.start = (time, now)
            return
        }
        var request = timespec(tv_sec: Int(ahead), tv_nsec: Int(ahead.truncatingRemainder(dividingBy: 1) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }
}
