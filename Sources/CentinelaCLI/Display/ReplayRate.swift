import Display
import Pipeline
import Surveillance

/// A replay's input as the display's status line shows it: the files, their state, and plots a
/// second of wall clock, counted at most twice a second.
struct ReplayRate {
    private var last: (time: Double, plots: Int)?
    private var rate = 0.0

    /// The status, or nil when it is not yet time to count again (`now`: count regardless).
    mutating func sources(_ files: [String], run: TrackingRun, state: String, now: Bool = false) -> [SourceStatus]? {
        let t = HostClock.monotonic(), plots = run.tracker.counts.plots
        if let last {
            guard now || t - last.time >= 0.5 else { return nil }
            rate = Double(plots - last.plots) / max(t - last.time, 1e-9)
        }
        last = (t, plots)
        let name = files.count == 1 ? files[0] : "\(files.count) files"
        return [SourceStatus(name: name, state: state, plotsPerSecond: rate, decodeErrors: run.decodeErrors)]
    }
}
