import Display
import Surveillance
import Synchronization

/// Between the thread that tracks and the display's thread: track updates, alert changes and
/// status go one way, the operator's requests the other. Each side holds the lock only to append
/// or to swap a buffer, so the tracker never waits on a redraw.
final class DisplayHub: Sendable {
    private struct Inbox {
        var tracks: [DisplayTrack] = []
        var alerts: [DisplayAlert] = []
        var sources: [SourceStatus]?
        var outputs: [String]?
        var replay: ReplayStatus?
        var map: DisplayMap?
        /// Monotonic time of the last post of data (a frame, even one without updates).
        var lastData: Double?
        /// Updates dropped because the display fell this far behind (bounded, like every queue).
        var dropped = 0
    }

    /// Track updates waiting for the next redraw, at most: at `replay --speed max` the tracker
    /// outruns any redraw, and an unbounded queue would be a leak.
    static let inboxLimit = 200_000

    private let inbox = Mutex(Inbox())
    private let requests = Mutex([DisplayRequest]())

    /// Tracker side: one frame's updates and alert changes (perhaps none: the frame is still a
    /// sign of life, which the status line's STALE counts from).
    func post(tracks: [DisplayTrack], alerts: [DisplayAlert] = []) {
        let now = HostClock.monotonic()
        inbox.withLock { box in
            box.lastData = now
            let room = Self.inboxLimit - box.tracks.count
            if tracks.count <= room {
                box.tracks.append(contentsOf: tracks)
            } else {
                box.tracks.append(contentsOf: tracks.prefix(max(room, 0)))
                box.dropped += tracks.count - max(room, 0)
            }
            box.alerts.append(contentsOf: alerts)
        }
    }

    /// Tracker side: a new map (a radar made itself known).
    func post(map: DisplayMap) {
        inbox.withLock { $0.map = map }
    }

    /// Tracker side: the status line's inputs (nil leaves a part as it was).
    func post(sources: [SourceStatus]? = nil, outputs: [String]? = nil, replay: ReplayStatus? = nil) {
        inbox.withLock { box in
            if let sources { box.sources = sources }
            if let outputs { box.outputs = outputs }
            if let replay { box.replay = replay }
        }
    }

    /// Display side: everything posted since the last call, applied to `picture`; the number of
    /// updates dropped since then.
    @discardableResult
    func drain(into picture: inout Picture) -> Int {
        let box = inbox.withLock { box in
            var taken = Inbox()
            swap(&taken, &box)
            // The status parts stay until replaced.
            box.sources = taken.sources
            box.outputs = taken.outputs
            box.replay = taken.replay
            box.lastData = taken.lastData
            return taken
        }
        for t in box.tracks { picture.apply(t) }
        for a in box.alerts { picture.apply(a) }
        if let m = box.map { picture.map = m }
        if let s = box.sources { picture.sources = s }
        if let o = box.outputs { picture.outputs = o }
        if let r = box.replay { picture.replay = r }
        picture.dataAge = box.lastData.map { HostClock.monotonic() - $0 }
        return box.dropped
    }

    /// Display side: an operator's request for the tracker's side.
    func request(_ r: DisplayRequest) {
        requests.withLock { $0.append(r) }
    }

    /// Tracker side: the requests made since the last call, oldest first.
    func takeRequests() -> [DisplayRequest] {
        requests.withLock { q in
            defer { q.removeAll() }
            return q
        }
    }
}
