import FoundationEssentials
import Store
import Surveillance

/// The end of a run's store: its session finished, and a line on stderr saying what was stored
/// and what an alert commit cost.
enum StoreSummary {
    /// Finishes the session; false when something could not be stored (said on stderr).
    static func finish(_ store: StoreWriter, plots: Int, tracks: Int) -> Bool {
        let complete = store.finish(plots: plots, tracks: tracks, wallTime: Date().timeIntervalSince1970)
        var s = "  store \(store.file.path): session \(store.sessionID), \(store.alertChanges) alert change(s)"
        if store.alertChanges > 0 { s += " (alert_seq \(store.lastAlertSeq - store.alertChanges + 1)–\(store.lastAlertSeq))" }
        s += ", \(store.samplesWritten) history sample(s)"
        let commits = store.commitDurations.sorted()
        if !commits.isEmpty {
            s += "; alert commits: median \(fixed(percentile(commits, 0.5) * 1000, 3)) ms, "
            s += "p99 \(fixed(percentile(commits, 0.99) * 1000, 3)) ms of \(commits.count)"
        }
        if store.droppedAlerts > 0 { s += "; \(store.droppedAlerts) alert change(s) dropped from the full spool" }
        if store.droppedSamples > 0 { s += "; \(store.droppedSamples) history sample(s) lost" }
        if store.historyWaits > 0 {
            s += "; waited \(store.historyWaits) time(s), \(fixed(store.historyWaitSeconds, 3)) s in all, for the history's writes to make room"
        }
        if store.overflowedSamples > 0 { s += "; \(store.overflowedSamples) history sample(s) dropped from the full history queue" }
        Console.error(s)
        return complete
    }

    /// The value at fraction `q` of sorted `values` (nearest rank).
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        values[min(values.count - 1, max(0, Int((q * Double(values.count)).rounded(.up)) - 1))]
    }
}
