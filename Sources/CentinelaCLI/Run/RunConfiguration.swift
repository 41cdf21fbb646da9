import Asterix
import Feeds
import Geodesy
import LiveSources
import Recording
import Sockets
import Store
import Surveillance
import Tracking

/// Everything `centinela run` wires: sources, radars, the suspect-profile context, the feeds, the
/// store and health. Read from a JSON file (see `init(json:)`); every value has a default that
/// works for the shipped demo from the repository's folder, and every default destination is on
/// 127.0.0.1.
struct RunConfiguration: Equatable {
    /// A radar's settings: its place (else its CAT034 tells it), plot noise and editions.
    struct Radar: Equatable {
        var sensor: SensorID
        var position: GeodeticPosition?
        var rangeSigma = 70.0
        var azimuthSigma = 0.1
        /// Category → edition, for this radar's data.
        var editions: [UInt8: Edition] = [:]
    }

    var sources = ["udp://127.0.0.1:8600"]
    /// Frames held between the sources and the core; a full ring drops and counts.
    var ringCapacity = 65_536
    var filter = "imm"
    var radars: [Radar] = []
    var zones: String? = "recordings/northern-border.zones.geojson"
    var terrain: String?
    var alertsJSONLines: String? = AlertFeedFormat.jsonLines.defaultDestination
    var alertsCursorOnTarget: String? = AlertFeedFormat.cursorOnTarget.defaultDestination
    var tracks: String? = "udp://127.0.0.1:8620"
    var storePath: String? = "centinela.sqlite"
    var store = StoreSettings()
    /// The metrics port on 127.0.0.1 (0: any free port, said on stderr); nil: no metrics server.
    var healthPort: Int?
    var healthLogInterval = 60.0

    init() {}

    /// The most bytes a configuration file may hold: more is not a configuration.
    static let maximumFileSize = 1 << 20

    /// Reads and checks the file at `path`; the error starts with the path.
    static func load(path: String) throws(ConfigError) -> RunConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try RecordingFile.load(path: path, limit: maximumFileSize)
        } catch {
            throw ConfigError(description: "\(error)")  // it names the file
        }
        do {
            return try RunConfiguration(json: bytes)
        } catch {
            throw ConfigError(description: "\(path): \(error)")
        }
    }

    /// The configuration a file holds: strict, so an unknown key, a value of the wrong type or an
    /// impossible value is an error naming its key.
    init(json: [UInt8]) throws(ConfigError) {
        let root = try ConfigObject(ConfigValue.parse(json), path: "")
        try root.onlyKeys(["sources", "ring_capacity", "filter", "radars", "zones", "terrain", "alerts", "tracks", "store", "health"])
        if let s = try root.strings("sources") { sources = s }
        ringCapacity = try root.integer("ring_capacity", in: 1...(1 << 24)) ?? ringCapacity
        if let f = try root.string("filter") {
            guard f == "imm" || f == "cv" else { throw ConfigError(description: "filter: '\(f)' is not imm or cv") }
            filter = f
        }
        for (i, r) in (try root.array("radars") ?? []).enumerated() {
            radars.append(try Self.radar(ConfigObject(r, path: "radars[\(i)]")))
        }
        zones = try root.string("zones", else: zones)
        terrain = try root.string("terrain")
        if let a = try root.object("alerts") {
            try a.onlyKeys(["jsonl", "cot"])
            alertsJSONLines = try a.string("jsonl", else: alertsJSONLines)
            alertsCursorOnTarget = try a.string("cot", else: alertsCursorOnTarget)
        }
        if let t = try root.object("tracks") {
            try t.onlyKeys(["cat062"])
            tracks = try t.string("cat062", else: tracks)
        }
        if let s = try root.object("store") {
            try s.onlyKeys(["path", "sync", "history_interval_s", "spool", "history_queue", "limit_mib"])
            storePath = try s.string("path", else: storePath)
            if let sync = try s.string("sync") {
                guard let v = StoreSettings.Synchronous(rawValue: sync) else { throw ConfigError(description: "store.sync: '\(sync)' is not normal or full") }
                store.synchronous = v
            }
            store.historyInterval = try s.number("history_interval_s", in: 0.001...86_400) ?? store.historyInterval
            store.spoolCapacity = try s.integer("spool", in: 1...10_000_000) ?? store.spoolCapacity
            store.historyQueueCapacity = try s.integer("history_queue", in: 1...10_000_000) ?? store.historyQueueCapacity
            store.sizeLimit = try s.integer("limit_mib", in: 1...(1 << 30)).map { $0 << 20 }
            if let problem = store.problem { throw ConfigError(description: "store: \(problem)") }
        }
        if let h = try root.object("health") {
            try h.onlyKeys(["port", "log_interval_s"])
            healthPort = try h.integer("port", in: 0...65_535)
            healthLogInterval = try h.number("log_interval_s", in: 1...86_400) ?? healthLogInterval
        }
        try check()
    }

    /// What no single key can say: the sources parse, destinations are addresses, alerts have zones.
    func check() throws(ConfigError) {
        guard !sources.isEmpty else { throw ConfigError(description: "sources: at least one source is needed") }
        for (i, s) in sources.enumerated() {
            do { _ = try SourceSpec(s) } catch { throw ConfigError(description: "sources[\(i)]: \(error)") }
        }
        for (key, value) in [("alerts.jsonl", alertsJSONLines), ("alerts.cot", alertsCursorOnTarget), ("tracks.cat062", tracks)] {
            guard let value else { continue }
            do { _ = try UDPAddress(value) } catch { throw ConfigError(description: "\(key): \(error)") }
        }
        if alertsWanted, zones == nil {
            throw ConfigError(description: "zones: the alert feeds need zones (the border and airports the profiles are judged against); set zones, or alerts.jsonl and alerts.cot to null")
        }
        if terrain != nil, zones == nil { throw ConfigError(description: "terrain: the ground serves the suspect profiles, which need zones") }
        var seen: Set<SensorID> = []
        for (i, r) in radars.enumerated() where !seen.insert(r.sensor).inserted {
            throw ConfigError(description: "radars[\(i)].sensor: \(r.sensor.sac)/\(r.sensor.sic) is configured twice")
        }
    }

    var alertsWanted: Bool { alertsJSONLines != nil || alertsCursorOnTarget != nil }

    var specs: [SourceSpec] { sources.compactMap { try? SourceSpec($0) } }

    var trackerSettings: TrackerSettings {
        var s = TrackerSettings()
        s.filter.turnModes = filter == "imm"
        s.sensors = radars.map {
            SensorSettings(sensor: $0.sensor, antenna: $0.position, rangeSigma: $0.rangeSigma, azimuthSigma: $0.azimuthSigma)
        }
        return s
    }

    var editionTable: EditionTable {
        var table = EditionTable.standard
        // Each was checked against the definitions when the file was read.
        for r in radars { for (cat, e) in r.editions { _ = table.use(e, for: cat, source: r.sensor) } }
        return table
    }

    private static func radar(_ o: ConfigObject) throws(ConfigError) -> Radar {
        try o.onlyKeys(["sensor", "latitude", "longitude", "height_m", "range_sigma_m", "azimuth_sigma_deg", "editions"])
        guard let text = try o.string("sensor") else { throw ConfigError(description: "\(o.key("sensor")): missing (SAC/SIC, e.g. 50/1)") }
        let ids = text.split(separator: "/", omittingEmptySubsequences: false)
        guard ids.count == 2, let sac = UInt8(ids[0]), let sic = UInt8(ids[1]) else {
            throw ConfigError(description: "\(o.key("sensor")): '\(text)' is not SAC/SIC with each 0–255, e.g. 50/1")
        }
        var r = Radar(sensor: SensorID(sac: sac, sic: sic))
        let lat = try o.number("latitude", in: -90...90), lon = try o.number("longitude", in: -180...180)
        let height = try o.number("height_m", in: -500...10_000)
        switch (lat, lon) {
        case let (lat?, lon?): r.position = GeodeticPosition(latitude: lat, longitude: lon, height: height ?? 0)
        case (nil, nil): if height != nil { throw ConfigError(description: "\(o.key("height_m")): given without latitude and longitude") }
        default: throw ConfigError(description: "\(o.path): latitude and longitude go together")
        }
        r.rangeSigma = try o.number("range_sigma_m", in: 0.1...10_000) ?? r.rangeSigma
        r.azimuthSigma = try o.number("azimuth_sigma_deg", in: 0.001...10) ?? r.azimuthSigma
        if let e = try o.object("editions") {
            var probe = EditionTable.standard
            for (name, value) in e.entries {
                guard let cat = UInt8(name) else { throw ConfigError(description: "\(e.key(name)): '\(name)' is not a category number") }
                guard case .string(let text) = value, let edition = Edition(text) else {
                    throw ConfigError(description: "\(e.key(name)): expected an edition such as \"1.31\", found \(value.typeName)")
                }
                guard probe.use(edition, for: cat, source: r.sensor) else {
                    let known = SpecLibrary.editions(of: cat).map(\.description).joined(separator: ", ")
                    throw ConfigError(description: "\(e.key(name)): no definition of CAT\(cat) edition \(edition)" + (known.isEmpty ? "" : "; known: \(known)"))
                }
                r.editions[cat] = edition
            }
        }
        return r
    }
}
