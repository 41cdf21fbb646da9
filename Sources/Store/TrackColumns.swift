import GRDB
import Surveillance

/// A system track update as table columns, named as in the track JSON lines: the alert changes
/// keep the update that caused each, the track history its samples, and both read back the same
/// `SystemTrack` the feeds were given.
enum TrackColumns {
    /// The columns for CREATE TABLE (STRICT tables: SQLite refuses a value of another type).
    static let definitions = """
        track INTEGER NOT NULL, t REAL NOT NULL, stage TEXT NOT NULL, source TEXT NOT NULL,
        lat REAL NOT NULL, lon REAL NOT NULL, x_m REAL NOT NULL, y_m REAL NOT NULL,
        vx_mps REAL NOT NULL, vy_mps REAL NOT NULL,
        cov_xx_m2 REAL NOT NULL, cov_xy_m2 REAL NOT NULL, cov_yy_m2 REAL NOT NULL,
        alt_m REAL, vrate_mps REAL NOT NULL, fl REAL, mode3a INTEGER, address INTEGER, callsign INTEGER,
        manoeuvring INTEGER NOT NULL, first_t REAL NOT NULL, updates INTEGER NOT NULL,
        sensor_sac INTEGER NOT NULL, sensor_sic INTEGER NOT NULL, ended INTEGER NOT NULL
        """

    static func encode(_ t: SystemTrack, to c: inout PersistenceContainer) {
        c["track"] = Int(t.number)
        c["t"] = t.time
        c["stage"] = t.stage.name
        c["source"] = t.source.name
        c["lat"] = t.latitude
        c["lon"] = t.longitude
        c["x_m"] = t.x
        c["y_m"] = t.y
        c["vx_mps"] = t.vx
        c["vy_mps"] = t.vy
        c["cov_xx_m2"] = t.covariance.xx
        c["cov_xy_m2"] = t.covariance.xy
        c["cov_yy_m2"] = t.covariance.yy
        c["alt_m"] = t.altitude
        c["vrate_mps"] = t.verticalRate
        c["fl"] = t.flightLevel
        // The Mode 3/A item with its V/G/L bits, so nothing of what the radar said is lost.
        c["mode3a"] = t.mode3A.map { Int($0.item) }
        c["address"] = t.address.map { Int($0.value) }
        // The 48 bits of eight 6-bit characters: a character outside the ICAO alphabet survives.
        c["callsign"] = t.callsign.map { Int($0.bits) }
        c["manoeuvring"] = t.manoeuvring
        c["first_t"] = t.firstTime
        c["updates"] = Int(t.updates)
        c["sensor_sac"] = Int(t.lastSensor.sac)
        c["sensor_sic"] = Int(t.lastSensor.sic)
        c["ended"] = t.ended
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
