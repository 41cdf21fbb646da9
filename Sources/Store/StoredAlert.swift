import FoundationEssentials
import GRDB
import Surveillance

/// One alert state change as the store keeps it: numbered `alertSeq` (1, 2, 3, … across every
/// run that wrote the file, with no gap and no reuse) in the session that sent it.
public struct StoredAlert: Sendable, Equatable {
    public var alertSeq: Int
    public var sessionID: Int64
    public var alert: Alert

    public init(alertSeq: Int, sessionID: Int64, alert: Alert) {
        self.alertSeq = alertSeq
        self.sessionID = sessionID
        self.alert = alert
    }
}

extension StoredAlert: FetchableRecord {
    public init(row: Row) throws {
        let stateName = try row.decode(String.self, forColumn: "state")
        guard let state = Alert.State(name: stateName) else { throw BadValue(column: "state", value: stateName) }
        let reasonsText = try row.decode(String.self, forColumn: "reasons")
        guard let reasons = try? JSONDecoder().decode([String].self, from: Data(reasonsText.utf8)) else {
            throw BadValue(column: "reasons", value: reasonsText)
        }
        alertSeq = try row.decode(Int.self, forColumn: "alert_seq")
        sessionID = try row.decode(Int64.self, forColumn: "session_id")
        alert = Alert(id: try row.decode(String.self, forColumn: "alert_id"), state: state,
                      time: try row.decode(Double.self, forColumn: "alert_t"),
                      raisedTime: try row.decode(Double.self, forColumn: "raised_t"),
                      classification: try row.decode(String.self, forColumn: "class"),
                      score: try row.decode(Double.self, forColumn: "score"),
                      reasons: reasons,
                      acknowledged: try row.decode(Bool.self, forColumn: "acknowledged"),
                      track: try TrackColumns.decode(row))
    }

    static let insertSQL = TrackColumns.insertSQL(
        into: "alert_change",
        leading: ["alert_seq", "session_id", "alert_id", "state", "alert_t", "raised_t", "class", "score", "reasons", "acknowledged"])

    /// Writes this change with `insertSQL`, prepared as `statement`.
    func insert(with statement: Statement, in db: Database) throws {
        // Reasons as a JSON array: free text (a newline, a quote), and SQLite's json_each reads it.
        let reasons = String(decoding: try JSONEncoder().encode(alert.reasons), as: UTF8.self)
        try RowInsert.execute(statement, in: db) { row in
            row.bind(alertSeq); row.bind(sessionID); row.bind(alert.id); row.bind(alert.state.name); row.bind(alert.time)
            row.bind(alert.raisedTime); row.bind(alert.classification); row.bind(alert.score); row.bind(reasons)
            row.bind(alert.acknowledged)
            TrackColumns.bind(alert.track, to: &row)
        }
    }
}
