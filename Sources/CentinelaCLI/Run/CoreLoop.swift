import Glibc
import LiveSources
import Recording
import Surveillance

/// The core's side of a live run: frames from the ring through the pipeline, in the order they
/// came, each at its receive time; heartbeats on the wall clock while no frame comes.
struct CoreLoop {
    let ring: FrameRing
    let pipeline: FramePipeline
    let started = HostClock.monotonic()
    /// The same second-LAN duplicate filter `replay` applies to a recording.
    private var duplicates = DuplicateFilter(settings: .dualLAN)
    private var lastActivity = HostClock.monotonic()
    /// Decode errors by the source whose frame caused them (`LiveFrame.source`).
    private var sourceDecodeErrors: [Int]
    /// Plots decoded, by the source whose frame carried them (the display's plots/s per source).
    private var sourcePlots: [Int]
    /// Frames taken in one step at most, so a flood cannot keep the loop from its other duties.
    static let batch = 4_096

    init(ring: FrameRing, pipeline: FramePipeline, sources: Int) {
        self.ring = ring
        self.pipeline = pipeline
        sourceDecodeErrors = Array(repeating: 0, count: sources)
        sourcePlots = sourceDecodeErrors
    }

    var counts: Health.Core {
        let run = pipeline.run
        return Health.Core(frames: run.frames, duplicates: duplicates.dropped, decodeErrors: run.decodeErrors,
                           sourceDecodeErrors: sourceDecodeErrors, plots: run.tracker.counts.plots, sourcePlots: sourcePlots,
                           liveTracks: run.tracker.liveTracks, alertsRaised: pipeline.alerts?.raised ?? 0)
    }

    /// Processes what is waiting (up to `batch` frames); with nothing waiting, moves the tracker
    /// through the quiet (its silent tracks coast, then end), ticks the feeds once a second of
    /// quiet and sleeps a millisecond rather than spin. Returns the monotonic time.
    mutating func step() -> Double {
        let n = take(limit: Self.batch)
        let now = HostClock.monotonic()
        if n > 0 {
            lastActivity = now
        } else {
            pipeline.quiet(until: HostClock.utcNow())
            if now - lastActivity >= 1 {
                pipeline.tick(at: HostClock.utcNow())
                lastActivity = now
            }
            usleep(1_000)
        }
        return now
    }

    /// Everything left in the ring (the sources have stopped).
    mutating func drain() {
        while take(limit: Self.batch) > 0 {}
    }

    private mutating func take(limit: Int) -> Int {
        var n = 0
        while n < limit, let f = ring.pop() {
            n += 1
            let frame = Frame(payload: f.bytes[...], timestamp: .unix(seconds: f.received),
                              origin: f.origin.map { .udp(source: $0.source, destination: $0.destination) }, offset: 0)
            guard duplicates.admit(frame) else { continue }
            let errors = pipeline.run.decodeErrors, plots = pipeline.run.tracker.counts.plots
            pipeline.process(frame)
            sourceDecodeErrors[f.source] += pipeline.run.decodeErrors - errors
            sourcePlots[f.source] += pipeline.run.tracker.counts.plots - plots
        }
        return n
    }
}
