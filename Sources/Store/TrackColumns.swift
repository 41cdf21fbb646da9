import GRDB
import Surveillance

/// A system track update as table columns, named as in the track JSON lines: the alert changes
/// keep the update that caused each, the track history its samples, and both read back the same
/// `SystemTrack` the feeds were given.
enum TrackColumns {
    /// Name and SQL type, in the order of `values` (STRICT tables: SQLite refuses another type).
    static let columns: [(name: String, type: String)] = [
        ("track", "INTEGER NOT NULL"), ("t", "REAL NOT NULL"), ("stage", "TEXT NOT NULL"), ("source", "TEXT NOT NULL"),
        ("lat", "REAL NOT NULL"), ("lon", "REAL NOT NULL"), ("x_m", "REAL NOT NULL"), ("y_m", "REAL NOT NULL"),
        ("vx_mps", "REAL NOT NULL"), ("vy_mps", "REAL NOT NULL"),
        ("cov_xx_m2", "REAL NOT NULL"), ("cov_xy_m2", "REAL NOT NULL"), ("cov_yy_m2", "REAL NOT NULL"),
        ("alt_m", "REAL"), ("vrate_mps", "REAL NOT NULL"), ("fl", "REAL"),
        ("mode3a", "INTEGER"), ("address", "INTEGER"), ("callsign", "INTEGER"),
        ("manoeuvring", "INTEGER NOT NULL"), ("first_t", "REAL NOT NULL"), ("updates", "INTEGER NOT NULL"),
        ("sensor_sac", "INTEGER NOT NULL"), ("sensor_sic", "INTEGER NOT NULL"), ("ended", "INTEGER NOT NULL"),
    ]

    /// The column definitions, for CREATE TABLE.
    static var definitions: String { columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") }

    /// Binds the values of `t`, in the order of `columns`.
    static func bind(_ t: SystemTrack, to row: inout RowInsert) {
        row.bind(Int(t.number)); row.bind(t.time); row.bind(t.stage.name); row.bind(t.source.name)
        row.bind(t.latitude); row.bind(t.longitude); row.bind(t.x); row.bind(t.y); row.bind(t.vx); row.bind(t.vy)
        row.bind(t.covariance.xx); row.bind(t.covariance.xy); row.bind(t.covariance.yy)
        row.bind(t.altitude); row.bind(t.verticalRate); row.bind(t.flightLevel)
        // The Mode 3/A item with its V/G/L bits, so nothing of what the radar said is lost; the
        // callsign as its 48 bits of eight 6-bit characters, so one outside the alphabet survives.
        row.bind(t.mode3A.map { Int($0.item) }); row.bind(t.address.map { Int($0.value) })
        row.bind(t.callsign.map { Int($0.bits) })
        row.bind(t.manoeuvring); row.bind(t.firstTime); row.bind(Int(t.updates))
        row.bind(Int(t.lastSensor.sac)); row.bind(Int(t.lastSensor.sic)); row.bind(t.ended)
    }

    /// `INSERT INTO table (leading…, track columns…) VALUES (?, …)`.
    static func insertSQL(into table: String, leading: [String]) -> String {
        let names = leading + columns.map(\.name)
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// Throws `RowDecodingError` (a NULL or a value out of range where the schema allows none) or
    /// `BadValue` (a name no track has): a file someone else wrote into.
    static func decode(_ row: Row) throws -> SystemTrack {
        let stageName = try row.decode(String.self, forColumn: "stage")
        guard let stage = SystemTrack.Stage(name: stageName) else { throw BadValue(column: "stage", value: stageName) }
        let sourceName = try row.decode(String.self, forColumn: "source")
        guard let source = SystemTrack.Source(name: sourceName) else { throw BadValue(column: "source", value: sourceName) }
        return SystemTrack(
            number: try row.decode(UInt16.self, forColumn: "track"),
            time: try row.decode(Double.self, forColumn: "t"),
            stage: stage, source: source,
            latitude: try row.decode(Double.self, forColumn: "lat"),
            longitude: try row.decode(Double.self, forColumn: "lon"),
            x: try row.decode(Double.self, forColumn: "x_m"),
            y: try row.decode(Double.self, forColumn: "y_m"),
            vx: try row.decode(Double.self, forColumn: "vx_mps"),
            vy: try row.decode(Double.self, forColumn: "vy_mps"),
            covariance: Covariance2(xx: try row.decode(Double.self, forColumn: "cov_xx_m2"),
                                    xy: try row.decode(Double.self, forColumn: "cov_xy_m2"),
                                    yy: try row.decode(Double.self, forColumn: "cov_yy_m2")),
            altitude: try row.decode(Double?.self, forColumn: "alt_m"),
            verticalRate: try row.decode(Double.self, forColumn: "vrate_mps"),
            flightLevel: try row.decode(Double?.self, forColumn: "fl"),
            mode3A: try row.decode(UInt16?.self, forColumn: "mode3a").map { Mode3A(item: $0) },
            address: try row.decode(UInt32?.self, forColumn: "address").map { ModeSAddress($0) },
            callsign: try row.decode(UInt64?.self, forColumn: "callsign").map { Callsign(bits: $0) },
            manoeuvring: try row.decode(Bool.self, forColumn: "manoeuvring"),
            firstTime: try row.decode(Double.self, forColumn: "first_t"),
            updates: try row.decode(UInt32.self, forColumn: "updates"),
            lastSensor: SensorID(sac: try row.decode(UInt8.self, forColumn: "sensor_sac"),
                                 sic: try row.decode(UInt8.self, forColumn: "sensor_sic")),
            ended: try row.decode(Bool.self, forColumn: "ended"))
    }
}

/// A stored value that no Centinela writes, e.g. a stage named "banana".
struct BadValue: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "column \(column): unknown value '\(value)'" }
}
