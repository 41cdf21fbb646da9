/// Everything the display shows at one moment, kept up to date by the track updates and alert
/// changes it is given. Bounded: a hard limit on tracks, history dots and alerts.
public struct Picture: Sendable {
    /// A live track and the dots of where it has been.
    public struct Entry: Sendable, Equatable {
        public var track: DisplayTrack
        /// Earlier positions, oldest first, at most `Picture.historyLength`, `historySpacing` apart.
        public var history: [DisplayMap.Point]
        /// UTC seconds of the last history dot.
        var lastDot: Double
    }

    public static let historyLength = 12
    /// Seconds of data time between history dots.
    public static let historySpacing = 10.0
    public static let maximumTracks = 20_000
    public static let maximumAlerts = 200

    public var map: DisplayMap
    /// UTC seconds since 1970 of the newest data shown.
    public private(set) var time: Double?
    public private(set) var tracks: [UInt16: Entry] = [:]
    /// Newest raised first; cleared alerts stay until pushed out by newer ones.
    public private(set) var alerts: [DisplayAlert] = []
    public var sources: [SourceStatus] = []
    /// One short phrase per output, e.g. `CAT062 → 127.0.0.1:4001`.
    public var outputs: [String] = []
    public var replay: ReplayStatus?
    /// Seconds since the host last received data, by the host's own clock: the status line flags
    /// the picture STALE with this age when it passes `StatusLine.staleAfter`. Nil when unknown.
    public var dataAge: Double?
    /// Updates not shown because the track table was full.
    public private(set) var refusedTracks = 0

    public init(map: DisplayMap) {
        self.map = map
    }

    public mutating func apply(_ track: DisplayTrack) {
        if time.map({ track.time > $0 }) ?? true { time = track.time }
        if track.ended {
            tracks[track.number] = nil
            return
        }
        guard var entry = tracks[track.number] else {
            guard tracks.count < Self.maximumTracks else {
                refusedTracks += 1
                return
            }
            tracks[track.number] = Entry(track: track, history: [], lastDot: track.time)
            return
        }
        if track.time - entry.lastDot >= Self.historySpacing {
            let previous = entry.track
            entry.history.append(DisplayMap.Point(latitude: previous.latitude, longitude: previous.longitude))
            if entry.history.count > Self.historyLength { entry.history.removeFirst() }
            entry.lastDot = track.time
        }
        entry.track = track
        tracks[track.number] = entry
    }

    public mutating func apply(_ alert: DisplayAlert) {
        if time.map({ alert.time > $0 }) ?? true { time = alert.time }
        if let i = alerts.firstIndex(where: { $0.id == alert.id }) {
            alerts[i] = alert
        } else {
            let at = alerts.firstIndex { $0.raisedTime < alert.raisedTime } ?? alerts.endIndex
            alerts.insert(alert, at: at)
            if alerts.count > Self.maximumAlerts { alerts.removeLast() }
        }
        if alert.isActive { tracks[alert.track]?.track.score = alert.score }
        else { tracks[alert.track]?.track.score = nil }
    }

    /// Drops tracks not updated for `seconds` of data time (a feed that lost their end).
    public mutating func expire(silentFor seconds: Double) {
        guard let time else { return }
        tracks = tracks.filter { time - $0.value.track.time <= seconds }
    }

    /// The active alert of a track, if any.
    public func activeAlert(track: UInt16) -> DisplayAlert? {
        alerts.first { $0.track == track && $0.isActive }
    }
}
