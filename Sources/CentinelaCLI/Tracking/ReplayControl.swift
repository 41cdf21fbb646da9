import Display
import Recording

/// A replay's pace as an operator drives it from the display: speed steps, pause and resume, and
/// a step of one scan while paused. Wraps the pacer; tracking sees the frames' own times whatever the
/// pace, so pausing or stepping changes no output.
struct ReplayControl {
    private(set) var speed: Double?
    private(set) var paused = false
    private var pacer: ReplayPacer
    /// Seconds of data one step replays: the longest scan period of the known radars.
    private var stepLength = 0.0
    private var stepAsked = false
    /// While stepping: the data time the step ends at.
    private var stepEnd: Double?

    init(speed: Double?) {
        self.speed = speed
        pacer = ReplayPacer(speed: speed)
    }

    /// Applies a pacing request (others are not the pacer's) given the scan a step replays.
    mutating func apply(_ request: DisplayRequest, scan: Double) {
        switch request {
        case .pauseOrResume:
            paused.toggle()
            stepEnd = nil
            if !paused { pacer = ReplayPacer(speed: speed) }  // from here, not catching up the pause
        case .step:
            paused = true
            stepAsked = true
            stepLength = scan
        case .faster, .slower:
            let next = ReplaySpeeds.next(after: speed, faster: request == .faster)
            guard next != speed else { return }
            speed = next
            pacer = ReplayPacer(speed: next)
        case .acknowledge, .quit:
            break
        }
    }

    /// Whether the frame recorded at `time` may be replayed now; false while paused (the caller
    /// serves requests and asks again). Holds the frame back to the pace when it may.
    mutating func admit(frameAt time: Double) -> Bool {
        if paused {
            if stepAsked {
                stepAsked = false
                stepEnd = time + stepLength
            }
            guard let end = stepEnd, time < end else {
                stepEnd = nil
                return false
            }
            return true  // a step is replayed at once, not paced
        }
        pacer.wait(for: time)
        return true
    }

    /// The status line's view of it, at replay position `position`.
    func status(position: Double?, finished: Bool = false) -> ReplayStatus {
        ReplayStatus(position: position, speed: speed, paused: paused && stepEnd == nil, finished: finished)
    }
}
