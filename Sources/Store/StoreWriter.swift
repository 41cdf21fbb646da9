import GRDB
import Surveillance

/// One run's writes to the store: a session row begun at the start and finished at the end; each
/// frame's alert state changes numbered and committed in one transaction before the caller sends
/// them; track history sampled (`HistorySampler`) and handed once per second of data time to a
/// thread of its own (`HistoryWriter`), so that only the alert commits are on the frame's path.
///
/// When a write fails (disk or size limit full, read-only file, locked), nothing stops: the alert
/// changes keep their numbers and go out all the same, wait in a bounded spool, and are written
/// with the next transaction that commits. `report` is told once when writing starts failing and
/// once when it works again (not once per alert), and once when the spool overflows; the
/// history's writes say the same of themselves.
///
/// Not `Sendable`: use it from one task.
public final class StoreWriter {
    public let file: StoreFile
    public let settings: StoreSettings
    public let sessionID: Int64
    /// The number given to the last alert change (stored or spooled); the next is one more.
    public private(set) var lastAlertSeq: Int
    /// Alert changes numbered this run, and how many of them were `raised`.
    public private(set) var alertChanges = 0
    public private(set) var alertsRaised = 0
    /// Alert changes dropped from a full spool because the store could not be written.
    public private(set) var droppedAlerts = 0
    /// History samples written; not written because the store could not be written; dropped
    /// from the full history queue because the disk was slower than the history.
    public var samplesWritten: Int { history.counts.written }
    public var droppedSamples: Int { history.counts.lost }
    public var overflowedSamples: Int { history.counts.overflowed }
    /// How often, and for how many seconds in all, the pipeline waited for the history's thread
    /// to make room (`StoreSettings.HistoryQueueFull.wait`).
    public private(set) var historyWaits = 0
    public private(set) var historyWaitSeconds = 0.0
    /// The alert changes waiting for the store, oldest first.
    public private(set) var spool: [StoredAlert] = []
    /// Why the store cannot be written now; nil while it can.
    public private(set) var failure: StoreError?
    /// `finish` has run: the session is ended.
    public private(set) var finished = false
    /// Seconds each alert commit took (the transaction of one frame's changes), the first 100,000.
    public private(set) var commitDurations: [Double] = []

    private let report: @Sendable (String) -> Void
    private var sampler: HistorySampler
    private let history: HistoryWriter
    private var samples: [SystemTrack] = []
    private var historyDue = -Double.infinity
    private var dataStart: Double?
    private var dataEnd: Double?
    private var spoolOverflowSaid = false
    private let clock = ContinuousClock()
    private let checkpointer: Checkpointer

    /// Begins a session: `sources` (the recordings or inputs, one a line), `wallTime` (UTC seconds
    /// since 1970, now). Throws when the session cannot be written: better to stop before the run
    /// than to find out at its first alert.
    public init(file: StoreFile, settings: StoreSettings, sources: [String], wallTime: Double,
                report: @escaping @Sendable (String) -> Void) throws(StoreError) {
        guard let sampler = HistorySampler(interval: settings.historyInterval), settings.problem == nil else {
            throw StoreError(.writeFailed, path: file.path, detail: settings.problem ?? "bad settings")
        }
        self.file = file
        self.settings = settings
        self.sampler = sampler
        self.report = report
        do {
            checkpointer = try Checkpointer(path: file.path)
            (sessionID, lastAlertSeq) = try file.queue.write { db in
                try db.execute(sql: "INSERT INTO session (sources, started_at) VALUES (?, ?)",
                               arguments: [sources.joined(separator: "\n"), wallTime])
                return (db.lastInsertedRowID, try Int.fetchOne(db, sql: "SELECT MAX(alert_seq) FROM alert_change") ?? 0)
            }
        } catch {
            throw StoreError(error, path: file.path, writing: true)
        }
        history = HistoryWriter(database: file.queue, path: file.path, sessionID: sessionID,
                                capacity: settings.historyQueueCapacity, report: report)
    }

    /// Numbers one frame's alert changes and commits them (after any still spooled) in one
    /// transaction; returns their numbers, in order, for the feeds. When the commit fails they are
    /// spooled and the numbers stand.
    public func record(_ changes: [Alert]) -> [Int] {
        guard !changes.isEmpty else { return [] }
        var numbers: [Int] = []
        numbers.reserveCapacity(changes.count)
        for alert in changes {
            lastAlertSeq += 1
            numbers.append(lastAlertSeq)
            spool.append(StoredAlert(alertSeq: lastAlertSeq, sessionID: sessionID, alert: alert))
            alertChanges += 1
            if alert.state == .raised { alertsRaised += 1 }
        }
        let started = clock.now
        let written = writeSpool()
        if written, commitDurations.count < 100_000 { commitDurations.append(seconds(since: started)) }
        trimSpool()
        return numbers
    }

    /// One frame's track updates at data time `time`: the history keeps its samples of them and
    /// hands them to its thread once a second of data time; then any spooled alert changes are
    /// tried again, so a store that recovers is written even while no alert changes.
    public func sample(_ updates: [SystemTrack], at time: Double) {
        if dataStart == nil { dataStart = time }
        dataEnd = time
        sampler.offer(updates, into: &samples)
        guard time >= historyDue else { return }
        historyDue = time + 1
        handOverSamples()
        if !spool.isEmpty { _ = writeSpool() }
    }

    /// Ends the session: the last update of every live track, any spooled alert changes, the
    /// session's end and counts. Returns false when something could not be stored (said through
    /// `report`).
    public func finish(plots: Int, tracks: Int, wallTime: Double) -> Bool {
        finished = true
        sampler.finish(into: &samples)
        handOverSamples()
        history.flush()
        if !spool.isEmpty { _ = writeSpool() }
        do {
            try file.queue.write { db in
                try db.execute(sql: """
                    UPDATE session SET ended_at = ?, data_start = ?, data_end = ?, plots = ?, tracks = ?,
                    alerts = ?, alert_changes = ? WHERE id = ?
                    """, arguments: [wallTime, dataStart, dataEnd, plots, tracks, alertsRaised, alertChanges, sessionID])
            }
        } catch {
            failed(StoreError(error, path: file.path, writing: true))
        }
        checkpointer.stop()
        if let first = spool.first, let last = spool.last {
            report("store: \(spool.count) alert change(s) not stored at the end (alert_seq \(first.alertSeq)–\(last.alertSeq)); they were sent")
        }
        let history = history.counts
        return failure == nil && spool.isEmpty && droppedAlerts == 0 && history.lost == 0 && history.overflowed == 0
    }

    private func handOverSamples() {
        defer { samples.removeAll(keepingCapacity: true) }
        guard settings.historyQueueFull == .wait else { return history.enqueue(samples) }
        var start = 0
        while start < samples.count {
            let part = samples[start..<min(start + history.capacity, samples.count)]
            if history.waiting + part.count > history.capacity {
                let started = clock.now
                history.flush()
                historyWaits += 1
                historyWaitSeconds += seconds(since: started)
            }
            history.enqueue(Array(part))
            start += part.count
        }
    }

    /// Writes the spool in one transaction; on success it is empty.
    private func writeSpool() -> Bool {
        do {
            try file.queue.write { db in
                // Prepared once per connection: a row costs its values, not its SQL.
                let insertAlert = try db.cachedStatement(sql: StoredAlert.insertSQL)
                for a in spool { try a.insert(with: insertAlert, in: db) }
            }
        } catch {
            failed(StoreError(error, path: file.path, writing: true))
            return false
        }
        if failure != nil {
            var s = "store: writing again; \(spool.count) spooled alert change(s) stored"
            if droppedAlerts > 0 { s += ", \(droppedAlerts) dropped from the full spool so far (sent, not stored)" }
            report(s)
            failure = nil
            spoolOverflowSaid = false
        }
        spool.removeAll(keepingCapacity: true)
        return true
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = (clock.now - start).components
        return Double(d.seconds) + Double(d.attoseconds) * 1e-18
    }

    private func failed(_ error: StoreError) {
        guard failure == nil else { return }
        failure = error
        report("store: \(error); alerts still go out and wait in memory (up to \(settings.spoolCapacity)) until it can be written")
    }

    /// Keeps the spool within its capacity, dropping the oldest.
    private func trimSpool() {
        let excess = spool.count - settings.spoolCapacity
        guard excess > 0 else { return }
        spool.removeFirst(excess)
        droppedAlerts += excess
        if !spoolOverflowSaid {
            spoolOverflowSaid = true
            report("store: spool full (\(settings.spoolCapacity) alert changes): dropping the oldest, which were sent but will not be stored")
        }
    }
}
