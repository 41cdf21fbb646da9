import Display
import Feeds
import Pipeline
import Recording
import Store
import Surveillance

/// What `replay` and `run` do with each frame, in one place so the two cannot drift: track it,
/// judge the updates (alert changes stored, then sent), sample the track history, send the
/// updates (CAT062, JSON lines), and let the feeds' heartbeats go out on the frame's time.
final class FramePipeline {
    private(set) var run: TrackingRun
    let alerts: AlertPipeline?
    let store: StoreWriter?
    let trackFeed: TrackFeed?
    let lines: OutputBuffer?
    /// The operator's display in this process, if one is shown.
    var display: DisplayFeed?
    private var updates: [SystemTrack] = []
    private(set) var totalUpdates = 0
    /// Each frame from its plots in hand to its last datagram handed to the kernel: the latency
    /// from plot to alert (or track) sent.
    private(set) var latency = LatencyHistogram()

    init(run: TrackingRun, alerts: AlertPipeline?, store: StoreWriter?, trackFeed: TrackFeed?, lines: OutputBuffer?) {
        self.run = run
        self.alerts = alerts
        self.store = store
        self.trackFeed = trackFeed
        self.lines = lines
    }

    /// Tracks one frame and sends what it causes; first, the quiet before it (`quiet(until:)`).
    func process(_ frame: Frame) {
        let received = run.receiveTime(of: frame)
        if let received { quiet(until: received) }
        let frameStart = HostClock.monotonic()
        defer { latency.record(HostClock.monotonic() - frameStart) }
        updates.removeAll(keepingCapacity: true)
        run.process(frame, into: &updates)
        send(at: received)
    }

    /// No frame came from the latest one's receive time until `time`: for each whole second of
    /// that quiet, the tracker's time moves on a second (its silent tracks coast, then end;
    /// `TrackingRun.advanceQuiet`) and what that changes is judged, stored and sent as a frame's
    /// updates are, at that second. A live run calls it while it waits; `process` before each frame.
    func quiet(until time: Double) {
        updates.removeAll(keepingCapacity: true)
        while let second = run.advanceQuiet(until: time, into: &updates) {
            send(at: second)
            updates.removeAll(keepingCapacity: true)
        }
    }

    /// Judges, stores and sends `updates`, caused at `received`.
    private func send(at received: Double?) {
        if let alerts, let received { alerts.process(updates, at: received) }
        if let store, let received { store.sample(updates, at: received) }
        if let display {
            display.post(updates, alerts: alerts?.changes ?? [], borders: alerts?.borders ?? [],
                         radars: run.tracker.knownRadars) { alerts?.active(track: $0) }
        }
        totalUpdates += updates.count
        if let lines {
            lines.write { bytes in for u in updates { TrackJSON.append(u, to: &bytes) } }
        }
        if let trackFeed {
            trackFeed.send(updates) { alerts?.active(track: $0) }
            if let received { trackFeed.tick(at: received, overloaded: overloaded) }
        }
    }

    /// An operator acknowledges the alert `id`: stored, sent, and shown, dated by the tracker's
    /// clock (the data's time, which a replay's operator sees).
    func acknowledge(id: String) {
        guard let alert = alerts?.acknowledge(id: id, at: run.tracker.clock) else { return }
        display?.hub.post(tracks: [], alerts: [DisplayAlert(alert)])
    }

    /// A frame before the part being tracked: its radars' service messages only.
    func observe(_ frame: Frame) {
        run.observe(frame)
    }

    /// No frame came, but time has reached `time` (a live run's wall clock): heartbeats go out
    /// when due, so a consumer can tell a quiet sky from a dead feed. `final`: one goes out now
    /// whether due or not (the run is ending).
    func tick(at time: Double, final: Bool = false) {
        alerts?.tick(at: time, final: final)
        trackFeed?.tick(at: time, overloaded: overloaded, final: final)
        lines?.flush()
    }

    /// Ends the store's session, if there is a store; false when something could not be stored.
    func finishStore() -> Bool {
        guard let store, !store.finished else { return true }
        return StoreSummary.finish(store, plots: run.tracker.counts.plots, tracks: run.tracker.counts.confirmed)
    }

    private var overloaded: Bool { run.tracker.liveTracks >= run.tracker.settings.maximumTracks }
}
