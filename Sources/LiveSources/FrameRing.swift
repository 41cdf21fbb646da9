import Synchronization

/// A bounded queue of frames from a source's receive thread or callback to the core. `push`
/// never blocks: when the ring is full the frame is dropped and counted, so a source that
/// outruns the core costs frames, said in `dropped`, never memory or a stalled callback.
public final class FrameRing: Sendable {
    private struct State {
        var frames: [LiveFrame?]
        var head = 0
        var count = 0
        var dropped = 0
        var highWater = 0
    }

    private let state: Mutex<State>
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring holds at least one frame")
        self.capacity = capacity
        state = Mutex(State(frames: Array(repeating: nil, count: capacity)))
    }

    /// Adds a frame; false (and counted) when the ring is full.
    @discardableResult
    public func push(_ frame: LiveFrame) -> Bool {
        state.withLock { s in
            guard s.count < capacity else {
                s.dropped += 1
                return false
            }
            s.frames[(s.head + s.count) % capacity] = frame
            s.count += 1
            s.highWater = max(s.highWater, s.count)
            return true
        }
    }

    /// The oldest frame, or nil when empty.
    public func pop() -> LiveFrame? {
        state.withLock { s in
            guard s.count > 0 else { return nil }
            let f = s.frames[s.head]
            s.frames[s.head] = nil
            s.head = (s.head + 1) % capacity
            s.count -= 1
            return f
        }
    }

    /// Frames waiting now.
    public var depth: Int { state.withLock { $0.count } }
    /// Frames refused because the ring was full, since the start.
    public var dropped: Int { state.withLock { $0.dropped } }
    /// The most frames ever waiting at once.
    public var highWater: Int { state.withLock { $0.highWater } }
}
