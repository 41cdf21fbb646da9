import Foundation
import Testing
@testable import CentinelaCLI

/// The `run` configuration reader, fed good, truncated, corrupt and hostile files.
struct RunConfigurationTests {
    static func error(_ text: String) -> String? {
        do {
            _ = try RunConfiguration(json: Array(text.utf8))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func thePrintedDefaultReadsBackAsTheDefaults() throws {
        #expect(try RunConfiguration(json: Array(RunConfiguration.defaultText.utf8)) == RunConfiguration())
        #expect(try RunConfiguration(json: Array("{}".utf8)) == RunConfiguration())
    }

    @Test func valuesGivenAreTheValuesUsed() throws {
        let c = try RunConfiguration(json: Array("""
            {"sources": ["udp://127.0.0.1:9000", "usb://1209:0001:A17"], "ring_capacity": 1024, "filter": "cv",
             "radars": [{"sensor": "50/1", "latitude": 31.3, "longitude": -110.9, "height_m": 1200, "range_sigma_m": 116,
                         "azimuth_sigma_deg": 0.18, "editions": {"48": "1.31"}}],
             "zones": "z.geojson", "terrain": "tiles", "alerts": {"jsonl": null, "cot": "udp://127.0.0.1:7000"},
             "tracks": {"cat062": null}, "store": {"path": null, "sync": "full", "history_interval_s": 5, "spool": 10, "history_queue": 300, "limit_mib": 2},
             "health": {"port": 9100, "log_interval_s": 10}}
            """.utf8))
        #expect(c.sources == ["udp://127.0.0.1:9000", "usb://1209:0001:A17"])
        #expect(c.specs.count == 2)
        #expect(c.ringCapacity == 1024 && c.filter == "cv" && !c.trackerSettings.filter.turnModes)
        #expect(c.radars.count == 1 && c.radars[0].position?.latitude == 31.3 && c.radars[0].position?.height == 1200)
        #expect(c.trackerSettings.sensors.first?.rangeSigma == 116)
        #expect(c.zones == "z.geojson" && c.terrain == "tiles")
        #expect(c.alertsJSONLines == nil && c.alertsCursorOnTarget == "udp://127.0.0.1:7000")
        #expect(c.tracks == nil && c.storePath == nil)
        #expect(c.store.synchronous == .full && c.store.historyInterval == 5 && c.store.spoolCapacity == 10
                && c.store.historyQueueCapacity == 300 && c.store.sizeLimit == 2 << 20)
        #expect(c.healthPort == 9100 && c.healthLogInterval == 10)
    }

    @Test func eachMistakeIsNamedByItsKey() {
        let cases: [(String, String)] = [
            (#"{"sourcs": []}"#, "sourcs: unknown key"),
            (#"{"store": {"pth": "x"}}"#, "store.pth: unknown key"),
            (#"{"ring_capacity": "big"}"#, "ring_capacity: expected a whole number, found a string"),
            (#"{"ring_capacity": 1.5}"#, "ring_capacity: expected a whole number"),
            (#"{"ring_capacity": 0}"#, "ring_capacity: 0 is outside"),
            (#"{"health": {"port": 70000}}"#, "health.port: 70000 is outside 0…65535"),
            (#"{"health": {"port": true}}"#, "health.port: expected a whole number, found a boolean"),
            (#"{"sources": "udp://127.0.0.1:1"}"#, "sources: expected a list, found a string"),
            (#"{"sources": []}"#, "sources: at least one source"),
            (#"{"sources": ["udp://127.0.0.1:1", 7]}"#, "sources[1]: expected a string, found a number"),
            (#"{"sources": ["udp://127.0.0.1:1", "udp://127.0.0.1:2?allow=10.0.0.x"]}"#, "allow[0]: '10.0.0.x' is not an IP address"),
            (#"{"sources": ["tcp://127.0.0.1:1"]}"#, "sources[0]: tcp://127.0.0.1:1: not a source"),
            (#"{"sources": ["usb://12:34"]}"#, "sources[0]: USB device"),
            (#"{"radars": [{"sensor": "50-1"}]}"#, "radars[0].sensor: '50-1' is not SAC/SIC"),
            (#"{"radars": [{"latitude": 31}]}"#, "radars[0].sensor: missing"),
            (#"{"radars": [{"sensor": "50/1", "latitude": 91, "longitude": 0}]}"#, "radars[0].latitude: 91.0 is outside"),
            (#"{"radars": [{"sensor": "50/1", "latitude": 31}]}"#, "radars[0]: latitude and longitude go together"),
            (#"{"radars": [{"sensor": "50/1", "editions": {"48": "9.99"}}]}"#, "radars[0].editions.48: no definition of CAT48 edition 9.99"),
            (#"{"radars": [{"sensor": "50/1"}, {"sensor": "50/1"}]}"#, "radars[1].sensor: 50/1 is configured twice"),
            (#"{"radars": [{"sensor": "50/1", "range_sigma_m": -3}]}"#, "radars[0].range_sigma_m: -3.0 is outside"),
            (#"{"zones": null}"#, "zones: the alert feeds need zones"),
            (#"{"alerts": {"jsonl": "udp://nowhere"}}"#, "alerts.jsonl:"),
            (#"{"store": {"sync": 1}}"#, "store.sync: expected a string, found a number"),
            (#"{"store": {"limit_mib": 0}}"#, "store.limit_mib: 0 is outside"),
            (#"{"store": "x.sqlite"}"#, "store: expected an object, found a string"),
            (#"["udp://127.0.0.1:1"]"#, "the file: expected an object, found a list"),
        ]
        for (text, expected) in cases {
            let message = Self.error(text)
            #expect(message?.contains(expected) == true, "\(text) → \(message ?? "accepted")")
        }
    }

    @Test func truncatedCorruptAndHostileFilesAreRefusedNotTrappedOn() {
        let full = RunConfiguration.defaultText
        // Every cut of the default file but the whole is refused as JSON or as a configuration.
        for cut in stride(from: 0, to: full.utf8.count - 2, by: 7) {
            #expect(Self.error(String(decoding: Array(full.utf8.prefix(cut)), as: UTF8.self)) != nil, "cut at \(cut)")
        }
        #expect(Self.error("")?.contains("not valid JSON") == true)
        #expect(Self.error("\u{0}\u{FF}\u{FE}garbage")?.contains("not valid JSON") == true)
        // A number no Double holds is named by its key (or the list it is in), not as a type puzzle.
        #expect(Self.error(#"{"ring_capacity": 1e999}"#) == "a number out of range (beyond ±1.8e308) at or inside ring_capacity")
        #expect(Self.error(#"{"radars": [{"sensor": "50/1", "latitude": -1e400}]}"#)?.hasSuffix("inside radars") == true)
        #expect(Self.error(String(repeating: "[", count: 100_000)) != nil)
        // A key given twice: which one counts would be the reader's whim.
        #expect(Self.error(#"{"sources": ["udp://127.0.0.1:1"], "sources": ["udp://127.0.0.1:2"]}"#)?
            .contains(#""sources": given twice in one object"#) == true)
        #expect(Self.error(#"{"store": {"path": "a", "sync": "full", "path": "b"}}"#)?.contains(#""path": given twice"#) == true)
        // The same name in two objects, or a value equal to a key, is no duplicate.
        #expect(Self.error(#"{"alerts": {"jsonl": null}, "tracks": {"cat062": null}, "zones": "alerts", "store": {"path": "x\"y"}}"#) == nil)
    }

    @Test func anOversizedFileIsRefusedBeforeItIsRead() throws {
        let path = Centinela.temporaryPath("huge.json")
        defer { unlink(path) }
        try String(repeating: " ", count: RunConfiguration.maximumFileSize + 1).write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigError.self) { try RunConfiguration.load(path: path) }
        // The file named once, with its size and the limit.
        #expect(error?.description == "\(path): \(RunConfiguration.maximumFileSize + 1) bytes, more than the \(RunConfiguration.maximumFileSize) read at most from such a file")
    }
}
