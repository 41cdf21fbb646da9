import Foundation
import Geodesy
import Pipeline
import Simulation
import Testing
import TestSupport

/// `simulate --tiles` writes the scenario's ground as SRTM tiles; `replay` and `evaluate` read
/// them back with `--terrain`.
@Suite struct TerrainCommandTests {
    static let smoke = Centinela.packageRoot + "/recordings/smoke"
    static let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"

    /// The smoke session's tiles, written once by the binary for the tests that need them.
    static let tiles: String = {
        let dir = Centinela.temporaryPath("smoke-tiles")
        try? FileManager.default.removeItem(atPath: dir)
        _ = try? Centinela.run(["simulate", smoke + ".scenario.json", "--seed", "1", "--tiles", dir])
        return dir
    }()

    @Test func tilesWrittenBySimulateReadBackAsTheSyntheticGround() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.tiles).sorted()
        // The cells the smoke flights fly over, from the shipped truth (an independent record of
        // where they went).
        var cells = Set<String>()
        let truth = try String(contentsOfFile: Self.smoke + ".truth.jsonl", encoding: .utf8)
        for line in truth.split(separator: "\n") {
            let o = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let lat = o["lat"] as? Double, let lon = o["lon"] as? Double else { continue }
            cells.insert(SRTMTile.name(south: Int(lat.rounded(.down)), west: Int(lon.rounded(.down))) + ".gz")
        }
        #expect(names == cells.sorted())

        // The scenario's relief: its terrain_seed, no airports to level.
        let scenario = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Self.smoke + ".scenario.json"))) as? [String: Any])
        #expect(scenario["airports"] == nil)
        let ground = SyntheticTerrain(seed: try #require(scenario["terrain_seed"] as? UInt64))
        let terrain = try TerrainFolder.load(Self.tiles)
        #expect(terrain.tileCount == names.count)
        var checked = 0
        for name in names {
            let corner = try #require(SRTMTile.corner(of: name))
            // Every 100th sample of each row and column, edges included: the tile holds the
            // ground at its grid points, rounded to the metre.
            for r in stride(from: 0, through: 1200, by: 100) {
                for c in stride(from: 0, through: 1200, by: 100) {
                    let lat = Double(corner.south + 1) - Double(r) / 1200, lon = Double(corner.west) + Double(c) / 1200
                    let h = terrain.height(latitude: lat, longitude: lon) ?? .nan
                    #expect(abs(h - ground.groundHeight(latitude: lat, longitude: lon)) <= 0.5 + 1e-6, "\(name) at \(lat), \(lon): \(h)")
                    checked += 1
                }
            }
        }
        #expect(checked == names.count * 169)
    }

    @Test func aScenarioWithoutReliefHasNoTilesToWrite() throws {
        let scenario = try String(contentsOfFile: Self.smoke + ".scenario.json", encoding: .utf8)
            .replacingOccurrences(of: #""terrain_seed": 1,"#, with: "")
        #expect(!scenario.contains("terrain_seed"))
        let path = Centinela.temporaryPath("flat.scenario.json")
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let dir = Centinela.temporaryPath("flat-tiles")
        let r = try Centinela.run(["simulate", path, "--tiles", dir])
        #expect(r.status == 2 && r.stderr.contains("terrain_seed"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func withTerrainTheGroundRulesAreOnAndWithoutItTheReportSaysTheyAreOff() throws {
        func rulesOff(_ extra: [String]) throws -> [String] {
            let r = try Centinela.run(["evaluate", Self.smoke + ".pcap", "--truth", Self.smoke + ".truth.jsonl",
                                       "--zones", Self.zones, "--format", "json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let d = try #require(o["detection"] as? [String: Any])
            return try #require(d["rules_off"] as? [String])
        }
        #expect(try rulesOff([]).contains { $0.hasPrefix("no terrain") })
        #expect(try !rulesOff(["--terrain", Self.tiles]).contains { $0.hasPrefix("no terrain") })
    }

    @Test func aBadTerrainFolderFailsNamingTheFile() throws {
        let dir = Centinela.temporaryPath("bad-terrain")
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: URL(fileURLWithPath: dir + "/N31W111.hgt.gz"))
        // The store is not touched: a refused start leaves no empty session behind.
        let store = Centinela.temporaryPath("bad-terrain.sqlite")
        try? FileManager.default.removeItem(atPath: store)
        for command in [["evaluate", Self.smoke + ".pcap", "--truth", Self.smoke + ".truth.jsonl"],
                        ["replay", Self.smoke + ".pcap", "--alerts", "udp://127.0.0.1:9", "--store", store]] {
            let r = try Centinela.run(command + ["--zones", Self.zones, "--terrain", dir])
            #expect(r.status == 1 && r.stderr.contains(dir + "/N31W111.hgt.gz"), "\(command[0]): \(r.stderr)")
        }
        let config = Centinela.temporaryPath("bad-terrain.json")
        try #"""
            {"sources": ["udp://127.0.0.1:\#(Loopback.freeUDPPort())"], "zones": "\#(Self.zones)", "terrain": "\#(dir)",
             "alerts": {"jsonl": "udp://127.0.0.1:9", "cot": null}, "tracks": {"cat062": null},
             "store": {"path": "\#(store)"}}
            """#.write(toFile: config, atomically: true, encoding: .utf8)
        let run = try Centinela.run(["run", "--config", config])
        #expect(run.status == 1 && run.stderr.contains("terrain: ") && run.stderr.contains(dir + "/N31W111.hgt.gz"), "run: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
        // Terrain serves the profiles: without zones it is a usage error.
        let r = try Centinela.run(["evaluate", Self.smoke + ".pcap", "--truth", Self.smoke + ".truth.jsonl", "--terrain", dir])
        #expect(r.status == 2, "\(r.stderr)")
    }
}
