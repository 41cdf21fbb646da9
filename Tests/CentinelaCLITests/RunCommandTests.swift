import Foundation
import Glibc
import TestSupport
import Testing

/// `centinela run` as an operator runs it: the built binary, a configuration file, live UDP on
/// 127.0.0.1, its feeds caught on loopback sockets, its metrics fetched over HTTP, SIGTERM.
@Suite(.serialized) struct RunCommandTests {
    typealias Background = RecordCommandTests.Background
    static let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"

    /// A plain HTTP GET on 127.0.0.1: the status code and the body.
    static func get(_ path: String, port: UInt16) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var to = Loopback.address(port)
        let connected = withUnsafePointer(to: &to) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        } }
        guard connected else { throw POSIXError(.ECONNREFUSED) }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { break }
            response += chunk[..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let status = Int(parts[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// The metrics port `run` says it listens on, once it says so.
    static func metricsPort(_ run: Background) throws -> UInt16 {
        #expect(run.waitFor("metrics on http://127.0.0.1:"), "\(run.stderr)")
        return try #require(run.stderr.components(separatedBy: "metrics on http://127.0.0.1:").last
            .flatMap { UInt16($0.prefix { $0.isNumber }) })
    }

    /// The value of one sample line of a metrics page.
    static func sample(_ page: String, _ name: String) -> Int? {
        page.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The smoke session sent live to `run` and, the same datagrams, to `record`: the tracks and
    /// alerts `run` sent are those `replay` sends from the recording; the store's session is
    /// ended; SIGTERM exits 0; the source reads silent once the sender stops; the metrics count
    /// every datagram; a sender not on a source's allow-list is ignored and named once.
    @Test func aLiveRunSendsWhatReplayOfItsRecordingSends() throws {
        let runPort = Loopback.freeUDPPort(), recordPort = Loopback.freeUDPPort()
        let guardedPort = Loopback.freeUDPPort()
        let alerts = try LoopbackReceiver(), tracks = try LoopbackReceiver()
        let store = Centinela.temporaryPath("run.sqlite"), capture = Centinela.temporaryPath("run-input.pcap")
        let config = Centinela.temporaryPath("run.json")
        defer {
            Centinela.removeStore(store)
            for p in [capture, config] { unlink(p) }
        }
        try Self.write("""
            {
              "sources": ["udp://127.0.0.1:\(runPort)?silence=1", "udp://127.0.0.1:\(guardedPort)?allow=127.0.0.2"],
              "zones": "\(Self.zones)",
              "alerts": {"jsonl": "udp://127.0.0.1:\(alerts.port)", "cot": null},
              "tracks": {"cat062": "udp://127.0.0.1:\(tracks.port)"},
              "store": {"path": "\(store)"},
              "health": {"port": 0}
            }
            """, to: config)
        let run = try Background(["run", "--config", config])
        let record = try Background(["record", "--source", "udp://127.0.0.1:\(recordPort)", "--out", capture])
        #expect(record.waitFor("listening on"), "\(record.stderr)")
        let metricsPort = try Self.metricsPort(run)

        let payloads = try RecordCommandTests.smokePayloads()
        try RecordCommandTests.send(payloads, to: runPort, recordPort)
        try RecordCommandTests.send([[48, 0, 3], [48, 0, 3]], to: guardedPort)
        let sendingEnded = Date().timeIntervalSince1970

        #expect(run.waitFor("udp://127.0.0.1:\(runPort): silent for 1 s"), "\(run.stderr)")
        // The sky is quiet now, but heartbeats go on: one comes stamped later than any frame.
        var liveAlerts: [[String: Any]] = []
        for _ in 0..<200 where !liveAlerts.contains(where: { $0["type"] as? String == "heartbeat" && ($0["t"] as? Double ?? 0) > sendingEnded }) {
            usleep(100_000)
            liveAlerts += try StoreCommandTests.objects(alerts.drain())
        }
        #expect(liveAlerts.contains { $0["type"] as? String == "heartbeat" && ($0["t"] as? Double ?? 0) > sendingEnded })
        let source = "{source=\"udp://127.0.0.1:\(runPort)\"}", guarded = "{source=\"udp://127.0.0.1:\(guardedPort)\"}"
        var page = ""
        for _ in 0..<200 where Self.sample(page, "centinela_frames_total") != payloads.count {
            usleep(100_000)
            page = try Self.get("/metrics", port: metricsPort).body
        }
        #expect(Self.sample(page, "centinela_source_frames_total" + source) == payloads.count, "\(page)")
        #expect(Self.sample(page, "centinela_frames_total") == payloads.count)
        #expect(Self.sample(page, "centinela_source_ring_drops_total" + source) == 0)
        #expect(Self.sample(page, "centinela_source_refused_total" + guarded) == 2)
        #expect(Self.sample(page, "centinela_source_frames_total" + guarded) == 0)
        #expect(Self.sample(page, "centinela_source_state{source=\"udp://127.0.0.1:\(runPort)\",state=\"silent\"}") == 1)
        #expect(try Self.get("/", port: metricsPort).status == 404)
        #expect(try Self.get("/metrics", port: metricsPort).status == 200)

        for p in [run, record] { p.process.terminate() }
        run.process.waitUntilExit()
        record.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")
        #expect(record.process.terminationStatus == 0, "\(record.stderr)")
        #expect(run.stderr.components(separatedBy: "ignoring datagrams from 127.0.0.1").count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("store \(store): session 1,"), "\(run.stderr)")
        let session = Process()
        session.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        session.arguments = [store, "SELECT ended_at IS NOT NULL, plots FROM session"]
        let out = Pipe()
        session.standardOutput = out
        try session.run()
        session.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).hasPrefix("1|"))

        let liveTracks = tracks.drain()
        liveAlerts += try StoreCommandTests.objects(alerts.drain())
        // The same input, recorded, through replay.
        let replayAlerts = try LoopbackReceiver(), replayTracks = try LoopbackReceiver()
        let replayStore = Centinela.temporaryPath("run-replay.sqlite")
        defer { Centinela.removeStore(replayStore) }
        let r = try Centinela.run(["replay", capture, "--zones", Self.zones, "--alerts", "udp://127.0.0.1:\(replayAlerts.port)",
                                   "--tracks", "udp://127.0.0.1:\(replayTracks.port)", "--store", replayStore])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("replay: \(payloads.count) frame(s)"), "\(r.stderr)")
        // CAT062 track datagrams alike byte for byte; CAT065 heartbeats follow each run's clock.
        TrackFeedUpdate.expectReplayThenQuiet(live: liveTracks, replay: replayTracks.drain())
        // Alert changes alike but for the feed's datagram number (heartbeats interleave differently).
        func changes(_ objects: [[String: Any]]) -> [NSDictionary] {
            objects.filter { $0["type"] as? String == "alert" }.map(StoreCommandTests.withoutSeq)
        }
        // Those of the input first; any after come from the quiet (tracks coasting or ending).
        let replayChanges = changes(try StoreCommandTests.objects(replayAlerts.drain()))
        #expect(!replayChanges.isEmpty)
        #expect(Array(changes(liveAlerts).prefix(replayChanges.count)) == replayChanges)
        // The end: a last heartbeat on each feed after the last alert change.
        #expect(liveAlerts.last?["type"] as? String == "heartbeat")
        #expect(liveTracks.last?.first == 65)
    }

    /// Resident memory of a process, kB (VmRSS).
    static func residentKB(_ pid: Int32) -> Int? {
        (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("VmRSS:") }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    /// A sender flooding garbage through the radar's own port at ten times its rate: every bad
    /// datagram is taken in and counted as a decode error, nothing is dropped, memory stays flat,
    /// and the radar's tracks are those `replay` gives from a recording of the radar alone.
    @Test func aGarbageFloodIsCountedAndTheRadarIsStillTracked() throws {
        let runPort = Loopback.freeUDPPort(), recordPort = Loopback.freeUDPPort()
        let tracks = try LoopbackReceiver()
        let capture = Centinela.temporaryPath("flood-input.pcap"), config = Centinela.temporaryPath("flood.json")
        defer { for p in [capture, config] { unlink(p) } }
        try Self.write("""
            {"sources": ["udp://127.0.0.1:\(runPort)"], "zones": null, "alerts": {"jsonl": null, "cot": null},
             "tracks": {"cat062": "udp://127.0.0.1:\(tracks.port)"}, "store": {"path": null}, "health": {"port": 0}}
            """, to: config)
        let run = try Background(["run", "--config", config])
        let record = try Background(["record", "--source", "udp://127.0.0.1:\(recordPort)", "--out", capture])
        #expect(record.waitFor("listening on"), "\(record.stderr)")
        let metricsPort = try Self.metricsPort(run)
        let before = try #require(Self.residentKB(run.process.processIdentifier))

        // Each garbage datagram a CAT048 block claiming 65,520 bytes in 64, numbered so that no
        // two are alike (alike ones would be dropped as second-LAN duplicates, not decoded).
        let payloads = try RecordCommandTests.smokePayloads()
        let sender = try LoopbackSender()
        var garbage = 0
        for p in payloads {
            sender.send(p, to: runPort)
            sender.send(p, to: recordPort)
            for _ in 0..<10 {
                garbage += 1
                sender.send([48, 0xFF, 0xF0, UInt8(garbage >> 8), UInt8(garbage & 0xFF)] + [UInt8](repeating: 0xA5, count: 59), to: runPort)
            }
            usleep(200)
        }
        var page = ""
        for _ in 0..<200 where Self.sample(page, "centinela_frames_total") != payloads.count + garbage {
            usleep(100_000)
            page = try Self.get("/metrics", port: metricsPort).body
        }
        let source = "{source=\"udp://127.0.0.1:\(runPort)\"}"
        #expect(Self.sample(page, "centinela_frames_total") == payloads.count + garbage, "\(page)")
        #expect(Self.sample(page, "centinela_decode_errors_total") == garbage)
        #expect(Self.sample(page, "centinela_source_ring_drops_total" + source) == 0)
        #expect(Self.sample(page, "centinela_source_kernel_drops_total" + source) == 0)
        let after = try #require(Self.residentKB(run.process.processIdentifier))
        #expect(after - before < 16_384, "resident \(before) kB before the flood, \(after) kB after")

        for p in [run, record] { p.process.terminate() }
        run.process.waitUntilExit()
        record.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")
        let replayTracks = try LoopbackReceiver()
        let r = try Centinela.run(["replay", capture, "--tracks", "udp://127.0.0.1:\(replayTracks.port)"])
        #expect(r.status == 0, "\(r.stderr)")
        TrackFeedUpdate.expectReplayThenQuiet(live: tracks.drain(), replay: replayTracks.drain())
    }

    /// A USB plot extractor that is not plugged in: `run` says so and keeps trying (state
    /// `reconnecting`, in the log and the metrics) until SIGTERM, then exits 0.
    @Test func anAbsentUSBDeviceIsRetriedAndShownUntilStopped() throws {
        let config = Centinela.temporaryPath("run-usb.json")
        defer { unlink(config) }
        try Self.write("""
            {"sources": ["usb://1209:00fe"], "zones": null, "alerts": {"jsonl": null, "cot": null},
             "tracks": {"cat062": null}, "store": {"path": null}, "health": {"port": 0}}
            """, to: config)
        let run = try Background(["run", "--config", config])
        let metricsPort = try Self.metricsPort(run)
        #expect(run.waitFor("USB 1209:00fe: reconnecting (attempt 2"), "\(run.stderr)")
        #expect(run.waitFor("run: health: usb://1209:00fe "), "\(run.stderr)")
        let page = try Self.get("/metrics", port: metricsPort).body
        #expect(Self.sample(page, "centinela_source_up{source=\"usb://1209:00fe\"}") == 0, "\(page)")
        #expect(Self.sample(page, "centinela_source_state{source=\"usb://1209:00fe\",state=\"connected\"}") == 0)
        run.process.terminate()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")
        #expect(run.stderr.contains("USB 1209:00fe: stopped"), "\(run.stderr)")
    }

    /// `config --print-default` prints a file `config --check` accepts; a file that is not one is
    /// refused with exit 2, its name and the key at fault.
    @Test func configPrintsADefaultThatChecksAndRefusesBadFiles() throws {
        let printed = try Centinela.run(["config", "--print-default"])
        #expect(printed.status == 0)
        let path = Centinela.temporaryPath("default.json")
        defer { unlink(path) }
        try Self.write(printed.stdout, to: path)
        let checked = try Centinela.run(["config", "--check", path])
        #expect(checked.status == 0 && checked.stdout.contains("valid: 1 source(s)"), "\(checked.stderr)")

        // Cut in the middle of a key.
        try Self.write(String(printed.stdout.prefix(200)), to: path)
        let truncated = try Centinela.run(["config", "--check", path])
        #expect(truncated.status == 2 && truncated.stderr.contains(path) && truncated.stderr.contains("not valid JSON"), "\(truncated.stderr)")

        try Self.write(#"{"store": {"sync": "sometimes"}}"#, to: path)
        let bad = try Centinela.run(["config", "--check", path])
        #expect(bad.status == 2 && bad.stderr.contains("store.sync: 'sometimes' is not normal or full"), "\(bad.stderr)")
        let run = try Centinela.run(["run", "--config", path])
        #expect(run.status == 2 && run.stderr.contains("store.sync"), "\(run.stderr)")
        let missing = try Centinela.run(["run", "--config", Centinela.temporaryPath("no-such.json")])
        #expect(missing.status == 2 && missing.stderr.contains("no-such.json"), "\(missing.stderr)")
    }
}
