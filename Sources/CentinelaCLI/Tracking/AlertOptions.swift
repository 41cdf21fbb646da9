import ArgumentParser
import Feeds
import Pipeline
import Profiling
import Recording
import Sockets
import Store
import Surveillance

/// The suspect-profile alerts of `replay`: the zones the classifier judges tracks against, and the
/// feeds the alerts go to.
struct AlertOptions: ParsableArguments {
    @Option(help: "Zones (GeoJSON: the border, airports with hours, strips, restricted areas) the suspect profiles are judged against, e.g. recordings/northern-border.zones.geojson. Needed for --alerts and --cot.")
    var zones: String?

    @Option(help: "Folder of SRTM tiles (N31W111.hgt or .hgt.gz, as `simulate --tiles` writes them): the ground for the height-above-ground rules, which are off without it.")
    var terrain: String?

    @Option(help: "Send alerts as JSON lines to udp://HOST:PORT (one alert or heartbeat a datagram).")
    var alerts: String?

    @Option(help: "Send alerts as Cursor on Target events to udp://HOST:PORT.")
    var cot: String?

    var wanted: Bool { alerts != nil || cot != nil }

    func validate() throws {
        for (name, value) in [("--alerts", alerts), ("--cot", cot)] {
            guard let value else { continue }
            do { _ = try UDPAddress(value) } catch { throw ValidationError("\(name): \(error)") }
        }
        if terrain != nil, zones == nil {
            throw ValidationError("--terrain needs --zones FILE: the ground serves the suspect profiles, which are judged against the zones")
        }
        if wanted, zones == nil {
            throw ValidationError("--alerts and --cot need --zones FILE (the border and airports the profiles are judged against)")
        }
    }
}

extension AlertOptions {
    /// What the classifier judges against: the zones, and the ground when `--terrain` is given.
    func context() throws(RuntimeFailure) -> ProfileContext {
        guard let path = zones else { throw RuntimeFailure(message: "--zones is needed for alerts") }
        return try Self.context(zones: path, terrain: terrain, terrainName: "--terrain")
    }

    /// The zones file (GeoJSON) and the terrain folder, loaded; errors name the file (the
    /// folder's errors start with `terrainName`, the option or key that gave it).
    static func context(zones path: String, terrain: String?, terrainName: String) throws(RuntimeFailure) -> ProfileContext {
        let zones: Zones
        do {
            zones = try Zones(geoJSON: RecordingFile.load(path: path))
        } catch {
            throw RuntimeFailure(message: "\(path): \(error)")
        }
        do {
            return ProfileContext(zones: zones, ground: try terrain.map(TerrainFolder.load))
        } catch {
            throw RuntimeFailure(message: "\(terrainName): \(error)")
        }
    }
}
