/// How the store writes: durability, history sampling, the spool, a size limit.
public struct StoreSettings: Sendable, Equatable {
    /// SQLite's `synchronous` in WAL mode: when a commit is on the disk, not just in the file.
    public enum Synchronous: String, Sendable, CaseIterable {
        /// A commit is in the WAL file when the transaction ends (no fsync): it survives a crash or
        /// a kill -9 of the process, not a power cut or a kernel crash, which can lose the last
        /// commits (never corrupt the file).
        case normal
        /// Each commit is fsynced: it survives a power cut too, at the price of one disk flush per
        /// commit.
        case full
    }

    public var synchronous: Synchronous = .normal
    /// Seconds of data time between two history samples of one track (first and last updates are
    /// always kept).
    public var historyInterval: Double = 10
    /// Alert changes kept in memory while the store cannot be written; past that, the oldest are
    /// dropped (they were sent, but will not be stored) and counted.
    public var spoolCapacity = 10_000
    /// History samples waiting for the history's thread; past that, the oldest are dropped and
    /// counted rather than the pipeline waiting for the disk. 100,000 is 3 minutes of the dense
    /// session's 460 samples a second.
    public var historyQueueCapacity = 100_000
    public var historyQueueFull = HistoryQueueFull.dropOldest

    /// What a full history queue does.
    public enum HistoryQueueFull: Sendable {
        /// Drops the oldest samples, counted and said: a live feed never waits for the disk.
        case dropOldest
        /// Waits until the history's thread has written what is queued: a recording loses
        /// nothing, and a replay faster than the disk goes at the disk's pace.
        case wait
    }
    /// The file may not grow past this many bytes (SQLite's `max_page_count`); at the limit writes
    /// fail as on a full disk. nil: only the disk limits it.
    public var sizeLimit: Int?

    public init(synchronous: Synchronous = .normal, historyInterval: Double = 10, spoolCapacity: Int = 10_000,
                historyQueueCapacity: Int = 100_000, sizeLimit: Int? = nil) {
        self.synchronous = synchronous
        self.historyInterval = historyInterval
        self.spoolCapacity = spoolCapacity
        self.historyQueueCapacity = historyQueueCapacity
        self.sizeLimit = sizeLimit
    }

    /// What is wrong with these settings, or nil when they can work.
    public var problem: String? {
        if !(historyInterval > 0 && historyInterval.isFinite) { return "the history interval must be a positive number of seconds" }
        if spoolCapacity < 1 { return "the spool must hold at least one alert change" }
        if historyQueueCapacity < 1 { return "the history queue must hold at least one sample" }
        if let sizeLimit, sizeLimit < 65_536 { return "the size limit must be at least 64 KiB" }
        return nil
    }
}
