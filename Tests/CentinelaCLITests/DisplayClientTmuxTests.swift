import Foundation
import Glibc
import Testing
import TestSupport

/// `centinela display` as a second operator's screen: a real replay sends its CAT062 and JSON
/// alert feeds over loopback to the display client running in tmux.
@Suite struct DisplayClientTmuxTests {
    @Test func theClientShowsWhatTheTrackerSendsAndCountsEveryAlert() throws {
        let tracksPort = Loopback.freeUDPPort(), alertsPort = Loopback.freeUDPPort()
        let tmux = try Tmux(width: 160, height: 48, command: DisplayTmuxTests.command(
            ["display", "--tracks", "udp://127.0.0.1:\(tracksPort)", "--alerts", "udp://127.0.0.1:\(alertsPort)",
             "--zones", StoreCommandTests.zones]))
        // Listening before the tracker starts: the status line names both feeds.
        try #require(try tmux.waitFor(20) { $0.first?.contains("alerts udp://127.0.0.1:\(alertsPort)") == true } != nil,
                     "the display client did not start")
        // The smoke session (2 minutes) at 20×.
        let replay = try Centinela.run(["replay", StoreCommandTests.smoke, "--speed", "20", "--zones", StoreCommandTests.zones,
                                        "--tracks", "udp://127.0.0.1:\(tracksPort)", "--alerts", "udp://127.0.0.1:\(alertsPort)",
                                        "--no-store"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let sent = try #require(replay.stderr.firstMatch(of: /(\d+) alert state change\(s\) sent/).flatMap { Int($0.1) })
        #expect(sent > 0)

        let screen = try #require(try tmux.waitFor(10) { $0.contains { $0.contains("Tracks") && !$0.contains("of 0 ") } })
        // Tracks came in from the CAT062 feed and the airliner (Mode S) is drawn as such.
        #expect(screen.contains { $0.contains(" MDS ") && $0.contains("AMX401") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("CAT062 udp://127.0.0.1:\(tracksPort) connected") || $0.contains("CAT062 udp://127.0.0.1:\(tracksPort) silent") })

        try tmux.send("q")
        #expect(try tmux.waitFor(20) { _ in tmux.exitStatus != nil } != nil, "q did not end the display")
        #expect(tmux.exitStatus == 0)
        #expect(try tmux.variable("alternate_on") == "0")
        let end = try tmux.capture().joined(separator: "\n")
        // Every alert change the tracker sent, received and none lost.
        #expect(end.contains("display: \(sent) alert change(s)"), "\(end)")
        #expect(!end.contains("lost"), "\(end)")
        #expect(end.contains(" 0 unreadable"), "\(end)")
    }
}
