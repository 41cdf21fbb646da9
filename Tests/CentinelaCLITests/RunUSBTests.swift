import Foundation
import Recording
import TestSupport
import Testing

extension RunCommandTests {
    /// `run --source usb://1209:0001` on the fake plot extractor under umockdev, streaming the
    /// smoke session's data blocks: unplugged in the middle of a block two thirds through, then
    /// back with the rest of the session. Every block before the unplug reaches the tracker (the
    /// CAT062 tracks are those `replay` sends from those blocks), the state goes lost,
    /// reconnecting, connected, tracking goes on with the blocks after the re-plug, and SIGTERM
    /// ends it with exit 0.
    @Test func aUSBPlotExtractorUnpluggedMidStreamAndBackIsTrackedThroughout() throws {
        guard FakeRadarDevice.available else { return }
        let blocks = try SmokeBlocks.load()
        let cut = UsbmonCapture.Unplugged(blocks)
        let whole = cut.whole
        #expect(cut.partial > 0, "the unplug cuts a block")
        // After the re-plug the device starts afresh at the block after the one it was cut in.
        let after = Array(blocks[(whole + 1)...])

        // `run`'s USB source as configured by default: 8 transfers of 16 KiB in flight.
        let pool = 8
        var capture = UsbmonCapture(pool: pool, transferSize: 16_384)
        for t in cut.transfers[..<cut.sent] { capture.complete(t) }
        capture.fail(status: -19, resubmit: false)  // ENODEV: unplugged
        capture.replug(pool: pool)
        for t in UsbmonCapture.transfers(after.flatMap { $0 }) { capture.complete(t) }

        let pcap = Centinela.temporaryPath("usb-stream.pcap"), config = Centinela.temporaryPath("run-usb-stream.json")
        defer { for p in [pcap, config] { unlink(p) } }
        try Data(capture.pcap).write(to: URL(fileURLWithPath: pcap))
        let tracks = try LoopbackReceiver()
        try Self.write("""
            {"sources": ["usb://1209:0001"], "zones": null, "alerts": {"jsonl": null, "cot": null},
             "tracks": {"cat062": "udp://127.0.0.1:\(tracks.port)"}, "store": {"path": null}, "health": {"port": 0}}
            """, to: config)
        let run = try Background(["run", "--config", config], under: FakeRadarDevice.umockdev(capture: pcap))
        let metricsPort = try Self.metricsPort(run)
        var page = ""
        for _ in 0..<300 where Self.sample(page, "centinela_source_frames_total{source=\"usb://1209:0001\"}") != whole + after.count {
            usleep(100_000)
            page = try Self.get("/metrics", port: metricsPort).body
        }
        #expect(Self.sample(page, "centinela_source_frames_total{source=\"usb://1209:0001\"}") == whole + after.count, "\(page)")
        #expect(Self.sample(page, "centinela_source_ring_drops_total{source=\"usb://1209:0001\"}") == 0)
        #expect(Self.sample(page, "centinela_source_up{source=\"usb://1209:0001\"}") == 1, "the device is back")
        // The one transfer that came back NO_DEVICE; those cancelled after it are no errors.
        #expect(Self.sample(page, "centinela_source_errors_total{source=\"usb://1209:0001\"}") == 1)
        #expect(Self.sample(page, "centinela_decode_errors_total") == 0)
        run.terminateCentinela()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")
        #expect(run.stderr.contains("run: stopped by signal 15"), "\(run.stderr)")
        #expect(run.stderr.contains("run: \(whole + after.count) frame(s)"), "every block tracked: \(run.stderr)")

        // The source's states, each logged as it came (umockdev adds lines of its own).
        let states = run.stderr.split(separator: "\n").filter { $0.hasPrefix("USB 1209:0001: ") }.map { $0.dropFirst(15) }
        #expect(states == ["connected", "lost: the device was unplugged (a transfer came back with NO_DEVICE)",
                           "reconnecting (attempt 1, in 0.5 s)", "connected", "stopped"], "\(run.stderr)")
        #expect(run.stderr.contains("run: health: usb://1209:0001 stopped: \(whole + after.count) frame(s)"), "\(run.stderr)")

        // The blocks before the unplug, as a recording, through replay.
        var before = PcapWriter()
        let now = Date().timeIntervalSince1970
        for b in blocks[..<whole] { try before.write(b, timestamp: now) }
        let recording = Centinela.temporaryPath("usb-before-unplug.pcap")
        defer { unlink(recording) }
        try Data(before.bytes).write(to: URL(fileURLWithPath: recording))
        let replayTracks = try LoopbackReceiver()
        let r = try Centinela.run(["replay", recording, "--tracks", "udp://127.0.0.1:\(replayTracks.port)"])
        #expect(r.status == 0, "\(r.stderr)")
        let live = tracks.drain().filter { $0.first == 62 }, replayed = replayTracks.drain().filter { $0.first == 62 }
        #expect(!replayed.isEmpty)
        #expect(Array(live.prefix(replayed.count)) == replayed, "up to the unplug, the tracks of the same blocks")
        // After the re-plug the tracks are updated again, not only coasted or ended.
        #expect(TrackFeedUpdate.decode(Array(live.dropFirst(replayed.count))).contains { !$0.coasting && !$0.ended })
    }
}
