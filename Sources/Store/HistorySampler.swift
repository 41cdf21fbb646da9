import Surveillance

/// Which track updates the history keeps: per track, its first update past tentative, then at
/// most one every `interval` seconds of data time, and its last (the `ended` update, or the
/// latest one when the run stops first). A flight's path is kept at a fraction of the update rate,
/// with its ends exact. Tentative updates are left out: most are clutter that never confirms.
///
/// Holds one entry per live track, keyed by track number (at most 65,535).
public struct HistorySampler: Sendable {
    /// Seconds of data time between two kept updates of one track.
    public let interval: Double
    private var tracks: [UInt16: Entry] = [:]

    private struct Entry: Sendable {
        /// The track's first plot time: a number reused by a new track has another.
        var firstTime: Double
        var lastKept: Double
        /// The latest update not kept, written if it turns out to be the last.
        var pending: SystemTrack?
    }

    /// nil unless `interval` is positive and finite.
    public init?(interval: Double) {
        guard interval > 0, interval.isFinite else { return nil }
        self.interval = interval
    }

    /// Appends to `kept` the updates among `updates` the history keeps (and, when a track number
    /// turns up with a new track, the last update of the one before).
    public mutating func offer(_ updates: [SystemTrack], into kept: inout [SystemTrack]) {
        for u in updates where u.stage != .tentative {
            if let entry = tracks[u.number], entry.firstTime == u.firstTime {
                if u.ended || u.time - entry.lastKept >= interval {
                    kept.append(u)
                    tracks[u.number]?.lastKept = u.time
                    tracks[u.number]?.pending = nil
                } else {
                    tracks[u.number]?.pending = u
                }
            } else {
                // A new track, or its number reused after the old track ended unseen.
                if let last = tracks[u.number]?.pending { kept.append(last) }
                kept.append(u)
                tracks[u.number] = Entry(firstTime: u.firstTime, lastKept: u.time)
            }
            if u.ended { tracks[u.number] = nil }
        }
    }

    /// The run is over: appends the latest update of every live track not yet kept.
    public mutating func finish(into kept: inout [SystemTrack]) {
        for number in tracks.keys.sorted() {
            if let last = tracks[number]?.pending { kept.append(last) }
        }
        tracks.removeAll()
    }
}
