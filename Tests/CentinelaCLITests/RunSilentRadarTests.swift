import Foundation
import TestSupport
import Testing

extension RunCommandTests {
    /// A radar (4 s scans) that stops sending while `run` listens: its source reads `silent` after
    /// the default 8 s, two of its scans, in the state line and the health line; the wall clock
    /// moving its track on through the quiet, the track is sent coasting (I062/080 CST) after 1.5
    /// scans without a plot, then a last time, ended (TSE), after 5, as the tracker's settings say.
    @Test func aRadarThatGoesSilentShowsSilentAndItsTrackCoastsThenEnds() throws {
        typealias R = CraftedRecording
        let port = Loopback.freeUDPPort()
        let tracks = try LoopbackReceiver()
        let config = Centinela.temporaryPath("run-silent.json")
        defer { unlink(config) }
        try Self.write("""
            {"sources": ["udp://127.0.0.1:\(port)"], "zones": null, "alerts": {"jsonl": null, "cot": null},
             "tracks": {"cat062": "udp://127.0.0.1:\(tracks.port)"}, "store": {"path": null}, "health": {"port": 0}}
            """, to: config)
        let run = try Background(["run", "--config", config])
        _ = try Self.metricsPort(run)

        // Eight scans of one airliner, a north marker and its plot a datagram, dated the last
        // half minute (sent at once: the tracker goes by the radar's times, not the sending).
        let start = (Date().timeIntervalSince1970 - 32).rounded()
        let payloads = try (0..<8).map { k in
            let t = start + Double(k) * R.scanPeriod
            return try R.northMarker(at: t) + R.block([R.aircraft(at: t, seconds: Double(k) * R.scanPeriod)])
        }
        try RecordCommandTests.send(payloads, to: port)

        #expect(run.waitFor("run: udp://127.0.0.1:\(port): silent for 8 s"), "\(run.stderr)")
        #expect(run.waitFor("run: health: udp://127.0.0.1:\(port) silent for 8 s: 8 frame(s)"), "\(run.stderr)")
        // 5 scans of quiet (20 s) end the track.
        var received: [[UInt8]] = []
        for _ in 0..<600 where !TrackFeedUpdate.decode(received).contains(where: \.ended) {
            usleep(100_000)
            received += tracks.drain()
        }
        run.process.terminate()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")

        let updates = TrackFeedUpdate.decode(received + tracks.drain())
        #expect(Set(updates.map(\.number)).count == 1, "one aircraft, one track: \(updates)")
        // A plot a scan, then the quiet: coasting, then ended, and nothing after.
        let sent = updates.filter { !$0.coasting && !$0.ended }
        #expect(sent.count == payloads.count, "an update a plot: \(updates)")
        #expect(updates.dropFirst(sent.count).map(\.coasting) == [true, true], "\(updates)")
        #expect(updates.dropFirst(sent.count).map(\.ended) == [false, true], "\(updates)")
        let last = run.stderr.split(separator: "\n").last { $0.hasPrefix("run: health: ") } ?? ""
        #expect(last.contains("8 frame(s)") && last.contains("0 live track(s)"), "\(run.stderr)")
    }
}
