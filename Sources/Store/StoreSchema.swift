import GRDB

/// The store's tables, all in one place (README, "Alert store"). A file is a Centinela store when
/// its `application_id` is ours; its `user_version` is the schema version, raised with any change
/// to the tables, so an older build refuses a newer file instead of misreading it.
enum StoreSchema {
    /// `PRAGMA application_id`: "CNTL".
    static let applicationID: Int32 = 0x434E_544C
    /// `PRAGMA user_version` of the files this build writes and reads.
    static let version = 1

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE session (
                id INTEGER PRIMARY KEY,
                sources TEXT NOT NULL,
                started_at REAL NOT NULL,
                ended_at REAL,
                data_start REAL,
                data_end REAL,
                plots INTEGER,
                tracks INTEGER,
                alerts INTEGER,
                alert_changes INTEGER
            ) STRICT;
            CREATE TABLE alert_change (
                alert_seq INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES session(id),
                alert_id TEXT NOT NULL,
                state TEXT NOT NULL,
                alert_t REAL NOT NULL,
                raised_t REAL NOT NULL,
                class TEXT NOT NULL,
                score REAL NOT NULL,
                reasons TEXT NOT NULL,
                acknowledged INTEGER NOT NULL,
                \(TrackColumns.definitions)
            ) STRICT;
            CREATE INDEX alert_change_by_track ON alert_change(track, alert_seq);
            CREATE TABLE track_sample (
                session_id INTEGER NOT NULL REFERENCES session(id),
                \(TrackColumns.definitions)
            ) STRICT;
            CREATE INDEX track_sample_by_flight ON track_sample(track, session_id, first_t, t);
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(version);
            """)
    }
}
