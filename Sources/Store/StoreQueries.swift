import GRDB
import Surveillance

/// One flight's sampled path: the samples of one track (a number and a first plot time) in one
/// session, in time order.
public struct FlightHistory: Sendable, Equatable {
    public var sessionID: Int64
    public var track: UInt16
    /// UTC seconds since 1970 of the track's first plot: with the number, what tells this flight
    /// from another that was given the same number later.
    public var firstTime: Double
    public var samples: [SystemTrack]
}

extension StoreFile {
    /// Hands `body` every stored alert change numbered above `since`, in order, one at a time
    /// (a large store is not read into memory); with `track`, only that track number's.
    public func forEachAlert(since: Int, track: UInt16? = nil, _ body: (StoredAlert) -> Void) throws(StoreError) {
        do {
            try queue.read { db in
                let cursor = if let track {
                    try StoredAlert.fetchCursor(db, sql: "SELECT * FROM alert_change WHERE alert_seq > ? AND track = ? ORDER BY alert_seq",
                                                arguments: [since, Int(track)])
                } else {
                    try StoredAlert.fetchCursor(db, sql: "SELECT * FROM alert_change WHERE alert_seq > ? ORDER BY alert_seq",
                                                arguments: [since])
                }
                while let a = try cursor.next() { body(a) }
            }
        } catch {
            throw StoreError(error, path: path, writing: false)
        }
    }

    /// The sampled history of track `track`: the latest flight with that number (the latest
    /// session that has one, and in it the latest first plot time), or the one in `session`,
    /// or the one in the air at `time` (UTC seconds since 1970: first plot at or before it, last
    /// sample at or after it). nil when there is none.
    public func history(track: UInt16, session: Int64? = nil, at time: Double? = nil) throws(StoreError) -> FlightHistory? {
        do {
            return try queue.read { db in
                var sql = "SELECT session_id, first_t FROM track_sample WHERE track = ?"
                var arguments: StatementArguments = [Int(track)]
                if let session {
                    sql += " AND session_id = ?"
                    arguments += [session]
                }
                sql += " GROUP BY session_id, first_t"
                if let time {
                    sql += " HAVING first_t <= ? AND MAX(t) >= ?"
                    arguments += [time, time]
                }
                sql += " ORDER BY session_id DESC, first_t DESC LIMIT 1"
                guard let flight = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
                let sessionID = try flight.decode(Int64.self, forColumn: "session_id")
                let firstTime = try flight.decode(Double.self, forColumn: "first_t")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT * FROM track_sample WHERE track = ? AND session_id = ? AND first_t = ? ORDER BY t",
                    arguments: [Int(track), sessionID, firstTime])
                var samples: [SystemTrack] = []
                while let row = try rows.next() { samples.append(try TrackColumns.decode(row)) }
                return FlightHistory(sessionID: sessionID, track: track, firstTime: firstTime, samples: samples)
            }
        } catch {
            throw StoreError(error, path: path, writing: false)
        }
    }

    /// The number of the last alert change stored (0 when there is none).
    public func lastAlertSeq() throws(StoreError) -> Int {
        do {
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT MAX(alert_seq) FROM alert_change") ?? 0 }
        } catch {
            throw StoreError(error, path: path, writing: false)
        }
    }
}
