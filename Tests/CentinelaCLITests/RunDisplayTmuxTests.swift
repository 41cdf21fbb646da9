import Foundation
import Glibc
import Testing
import TestSupport

/// `run --display` in a real terminal: live UDP sources on the status line, what they carry in
/// the table, `q` a clean stop.
@Suite struct RunDisplayTmuxTests {
    @Test func theLiveSourcesAreOnTheStatusLineAndQuitStopsTheRun() throws {
        let radarPort = Loopback.freeUDPPort(), noisyPort = Loopback.freeUDPPort()
        let config = Centinela.temporaryPath("run-display.json")
        defer { unlink(config) }
        try RunCommandTests.write("""
            {
              "sources": ["udp://127.0.0.1:\(radarPort)", "udp://127.0.0.1:\(noisyPort)"],
              "zones": "\(RunCommandTests.zones)",
              "alerts": {"jsonl": null, "cot": null},
              "tracks": {"cat062": null},
              "store": {"path": null}
            }
            """, to: config)
        let tmux = try Tmux(width: 160, height: 48, command: DisplayTmuxTests.command(["run", "--config", config, "--display"]))
        try #require(try tmux.waitFor(20) { $0.first?.contains("udp://127.0.0.1:\(radarPort)") == true } != nil,
                     "the run's sources are not on the status line")
        _ = try RecordCommandTests.send(try RecordCommandTests.smokePayloads(), to: radarPort)
        // Five CAT048 blocks that say 9 bytes and carry 5 (each different: a repeat is a duplicate).
        _ = try RecordCommandTests.send((1...5).map { [48, 0, 9, 1, UInt8($0)] }, to: noisyPort)

        // The airliner of the smoke session, from the radar's plots; the noise counted on its own source.
        let screen = try #require(try tmux.waitFor(20) { s in
            s.contains { $0.contains("AMX401") } && s.first?.contains("udp://127.0.0.1:\(noisyPort) ") == true
                && s.first?.contains("drops 0 errors 5") == true
        }, "\((try? tmux.capture().joined(separator: "\n")) ?? "")")
        #expect(screen.first?.contains("udp://127.0.0.1:\(radarPort) connected") == true
                || screen.first?.contains("udp://127.0.0.1:\(radarPort) silent") == true, "\(screen[0])")

        try tmux.send("q")
        #expect(try tmux.waitFor(20) { _ in tmux.exitStatus != nil } != nil, "q did not stop the run")
        #expect(tmux.exitStatus == 0)
        #expect(try tmux.variable("alternate_on") == "0")
        // The health lines held while the display was up come out at the end.
        let end = try tmux.capture().joined(separator: "\n")
        #expect(end.contains("run: health: udp://127.0.0.1:\(radarPort)"), "\(end)")
        #expect(end.contains("run: ") && end.contains("frame(s)"), "\(end)")
    }
}
