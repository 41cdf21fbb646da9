import Foundation
import TestSupport
import Testing

extension RunCommandTests {
    /// Two sources, the radar on one and garbage on the other: the decode errors are counted on
    /// the garbage's source only, in its part of the health line and in
    /// `centinela_source_decode_errors_total`; the core's total counts them once.
    @Test func decodeErrorsAreCountedOnTheSourceTheyCameFrom() throws {
        let radarPort = Loopback.freeUDPPort(), garbagePort = Loopback.freeUDPPort()
        let config = Centinela.temporaryPath("run-errors.json")
        defer { unlink(config) }
        try Self.write("""
            {"sources": ["udp://127.0.0.1:\(radarPort)", "udp://127.0.0.1:\(garbagePort)"], "zones": null,
             "alerts": {"jsonl": null, "cot": null}, "tracks": {"cat062": null}, "store": {"path": null}, "health": {"port": 0}}
            """, to: config)
        let run = try Background(["run", "--config", config])
        let metricsPort = try Self.metricsPort(run)

        let payloads = try RecordCommandTests.smokePayloads()
        try RecordCommandTests.send(payloads, to: radarPort)
        // Each a CAT048 block claiming 65,520 bytes in 64, numbered so no two are alike.
        let garbage = (0..<50).map { [48, 0xFF, 0xF0, UInt8($0)] + [UInt8](repeating: 0xA5, count: 60) }
        try RecordCommandTests.send(garbage, to: garbagePort)

        var page = ""
        for _ in 0..<200 where Self.sample(page, "centinela_frames_total") != payloads.count + garbage.count {
            usleep(100_000)
            page = try Self.get("/metrics", port: metricsPort).body
        }
        let radar = "{source=\"udp://127.0.0.1:\(radarPort)\"}", bad = "{source=\"udp://127.0.0.1:\(garbagePort)\"}"
        #expect(Self.sample(page, "centinela_frames_total") == payloads.count + garbage.count, "\(page)")
        #expect(Self.sample(page, "centinela_source_decode_errors_total" + bad) == garbage.count, "\(page)")
        #expect(Self.sample(page, "centinela_source_decode_errors_total" + radar) == 0, "\(page)")
        #expect(Self.sample(page, "centinela_decode_errors_total") == garbage.count, "\(page)")

        run.process.terminate()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0, "\(run.stderr)")
        // The last health line: a part for each source, then the core's.
        let line = run.stderr.split(separator: "\n").last { $0.hasPrefix("run: health: ") } ?? ""
        let parts = line.dropFirst("run: health: ".count).components(separatedBy: "; ")
        func part(_ prefix: String) -> String? { parts.first { $0.hasPrefix(prefix) } }
        #expect(part("udp://127.0.0.1:\(radarPort) ")?.contains("decode error") == false, "\(line)")
        #expect(part("udp://127.0.0.1:\(garbagePort) ")?.hasSuffix(", \(garbage.count) decode error(s)") == true, "\(line)")
        #expect(part("core: ")?.contains(", \(garbage.count) decode error(s)") == true, "\(line)")
    }
}
