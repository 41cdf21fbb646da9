import Foundation
import Glibc
import Testing
import TestSupport

/// Issue 7's scripted sessions: the real binary in a real terminal (tmux), keys sent, the screen
/// read back as text (and with its colours where a mark is a colour).
@Suite(.serialized) struct DisplayTmuxTests {
    static let night = StoreCommandTests.night
    static let zones = StoreCommandTests.zones
    /// The night session's radars as its scenario gives them (the display tests take their noise
    /// from there, as the README's evaluate command does).
    static let noise = ["--noise", "50/1=116,0.18", "--noise", "50/2=60,0.1", "--noise", "50/3=100,0.15"]

    /// The longest rotation period of the night session's radars, from its scenario: "one scan".
    static func longestScan() throws -> Double {
        let data = try Data(contentsOf: URL(fileURLWithPath: Centinela.packageRoot + "/recordings/northern-border-night.scenario.json"))
        let radars = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["radars"] as? [[String: Any]])
        return try #require(radars.compactMap { $0["scan_s"] as? Double }.max())
    }

    /// The picture's UTC time from the status line (`2026-05-28 06:00:34Z`).
    static func pictureTime(_ screen: [String]) -> Double? {
        guard let line = screen.first, let r = line.range(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"#, options: .regularExpression) else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss'Z'"
        return f.date(from: String(line[r]))?.timeIntervalSince1970
    }

    /// The track table's row of track `number` (`TRK` right-aligned after an optional `!`).
    static func row(of number: Int, in screen: [String]) -> String? {
        screen.first { $0.range(of: #"(│|^)[ !]+\#(number) (PSR|SSR|MDS) "#, options: .regularExpression) != nil }
    }

    static func command(_ arguments: [String]) -> String {
        ([Centinela.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    }

    /// The first suspect alert of the night session reaches the queue, and its track's row is
    /// marked, within one scan of the alert; pausing holds the picture, acknowledging changes the
    /// queue and goes out on the feed and into the store, a step replays one scan, and quitting
    /// gives the terminal back.
    @Test func theFirstAlertIsShownWithinAScanAndAcknowledgingIt() throws {
        let feed = try LoopbackReceiver()
        let store = Centinela.temporaryPath("display.sqlite")
        defer { Centinela.removeStore(store) }
        let tmux = try Tmux(width: 160, height: 48, command: Self.command(
            ["replay", Self.night] + Self.noise + ["--zones", Self.zones, "--alerts", "udp://127.0.0.1:\(feed.port)",
                                                  "--store", store, "--display", "--speed", "4"]))
        let shown = try #require(try tmux.waitFor(90) { $0.contains { $0.hasPrefix("NEW") || $0.contains("│NEW ") } },
                                 "no alert reached the queue")
        // The alert as the feed sent it: the queue and the table must show that one.
        let first = try #require(try StoreCommandTests.objects(feed.drain()).first { $0["type"] as? String == "alert" })
        let track = try #require(first["track"] as? Int), raised = try #require(first["raised_t"] as? Double)
        let queueLine = try #require(shown.first { $0.contains("NEW") })
        #expect(queueLine.contains("NEW \(String(repeating: " ", count: 5 - String(track).count))\(track) "), "\(queueLine)")
        #expect(queueLine.contains(try #require(first["class"] as? String)), "\(queueLine)")
        let time = try #require(Self.pictureTime(shown))
        #expect(time - raised <= (try Self.longestScan()), "alert raised at \(raised), first shown in the picture of \(time)")
        let row = try #require(Self.row(of: track, in: shown), "track \(track) has no row")
        #expect(row.contains("! "), "the suspect's row is not marked: \(row)")
        // Marked in inverse video as well (SGR 7), which survives NO_COLOR.
        let coloured = try tmux.capture(escapes: true)
        #expect(coloured.contains { $0.contains("\u{1B}[") && $0.contains(";7m") || $0.contains("[7m") }, "no inverse anywhere")

        try tmux.send("Space")
        let paused = try #require(try tmux.waitFor(10) { $0.first?.contains("PAUSED") == true }, "space did not pause")
        let pausedAt = try #require(Self.pictureTime(paused))
        try tmux.send("a")
        let acked = try #require(try tmux.waitFor(10) { s in s.contains { $0.contains("ACK") && $0.contains(" \(track) ") } },
                                 "acknowledging did not change the queue")
        #expect(acked.contains { $0.contains("0 not acknowledged") })
        usleep(1_500_000)
        #expect(Self.pictureTime(try tmux.capture()) == pausedAt, "the picture moved while paused")
        // The acknowledgement went out on the feed and into the store like any alert change.
        usleep(300_000)
        let later = try StoreCommandTests.objects(feed.drain()).filter { $0["type"] as? String == "alert" }
        #expect(later.contains { $0["state"] as? String == "acknowledged" && $0["id"] as? String == first["id"] as? String })

        try tmux.send("n")
        let stepped = try #require(try tmux.waitFor(10) { s in
            Self.pictureTime(s).map { $0 > pausedAt } ?? false && s.first?.contains("PAUSED") == true
        }, "n did not step one scan and pause again")
        let stepTime = try #require(Self.pictureTime(stepped))
        #expect(stepTime - pausedAt <= (try Self.longestScan()) + 1)
        usleep(1_000_000)
        #expect(Self.pictureTime(try tmux.capture()) == stepTime, "the picture moved after the step")
        // Keys typed faster than the picture shows them act as typed: two spaces resume and
        // pause again, two `>` go two speed steps (×4 → ×5 → ×10).
        try tmux.send("Space", "Space", ">", ">")
        #expect(try tmux.waitFor(10) { $0.first?.contains("×10") == true } != nil, "two > did not make two steps")
        usleep(1_500_000)
        let burst = try tmux.capture()
        #expect(burst.first?.contains("PAUSED") == true, "two spaces did not leave it paused: \(burst.first ?? "")")
        #expect(Self.pictureTime(burst).map { $0 - stepTime <= 1 } ?? false, "the picture ran on after two spaces")

        try tmux.send("q")
        #expect(try tmux.waitFor(20) { _ in tmux.exitStatus != nil } != nil, "q did not end the replay")
        #expect(try tmux.variable("alternate_on") == "0", "the terminal was not given back")
        #expect(tmux.exitStatus == 0)
        // What was held back from stderr while the display was up is written out at the end.
        let end = try tmux.capture().joined(separator: "\n")
        #expect(end.contains("replay: ") && end.contains("frame(s)"), "\(end)")

        let stored = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store, "--format", "jsonl"]).stdout)
        #expect(stored.contains { $0["state"] as? String == "acknowledged" && $0["id"] as? String == first["id"] as? String })
    }

    /// Following a track keeps it at the plan view's centre; at 80×24 the table keeps its columns
    /// readable; with NO_COLOR no colour is sent but the suspect is still in inverse; SIGTERM
    /// gives the terminal back.
    @Test func followResizeNoColourAndSignal() throws {
        let tmux = try Tmux(width: 160, height: 48, command: Self.command(
            ["replay", Self.night] + Self.noise + ["--zones", Self.zones, "--no-store", "--display", "--speed", "4"]),
            environment: ["NO_COLOR": "1"])
        let shown = try #require(try tmux.waitFor(90) { $0.contains { $0.contains("NEW ") } }, "no alert reached the queue")
        let coloured = try tmux.capture(escapes: true).joined()
        #expect(coloured.range(of: #"\x1B\[[0-9;]*(3[0-7]|9[0-7]|38;5;\d+)m"#, options: .regularExpression) == nil,
                "a colour was sent under NO_COLOR")
        #expect(coloured.contains("\u{1B}[7m") || coloured.range(of: #"\x1B\[[0-9;]*;7m"#, options: .regularExpression) != nil)
        let queueLine = try #require(shown.first { $0.contains("NEW ") })
        let track = try #require(Int(queueLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first { Int($0) != nil } ?? ""))

        // Suspects first, select the first (the suspect), follow it.
        try tmux.send("s")
        try tmux.send("Tab")
        try tmux.send("f")
        let following = try #require(try tmux.waitFor(10) { $0.contains { $0.contains("following \(track)") } }, "f did not follow")
        // Let the track move on: it stays in the middle of the plan view (columns 0…divider, rows 2…46).
        usleep(2_000_000)
        let screen = try tmux.capture()
        _ = following
        let divider = try #require(screen[2].firstIndex(of: "│").map { screen[2].distance(from: screen[2].startIndex, to: $0) })
        let centre = (x: divider / 2, y: 2 + 45 / 2)
        // The selected track is boxed, its number beside it: `[+] 6`.
        var found: (x: Int, y: Int)?
        for (y, line) in screen.enumerated() where (2...46).contains(y) {
            let chars = Array(line.prefix(divider))
            let label = Array("] \(track)")
            for x in 1..<max(1, chars.count - label.count) where Array(chars[x..<(x + label.count)]) == label
                && chars[x - 2] == "[" && (x + label.count == chars.count || chars[x + label.count] == " ") {
                found = (x - 1, y)
            }
        }
        let at = try #require(found, "the followed track's symbol is not on the plan view")
        #expect(abs(at.x - centre.x) <= 1 && abs(at.y - centre.y) <= 1, "followed track at \(at), centre \(centre)")

        try tmux.resize(width: 80, height: 24)
        let small = try #require(try tmux.waitFor(10) { s in s.contains { $0.contains("TRK") } && s.allSatisfy { $0.count <= 80 } },
                                 "no table header at 80×24")
        let header = try #require(small.first { $0.contains("TRK") })
        for column in ["TRK", "SRC", "SQWK", "CALLSIGN", "FL/ALT", "GS", "HDG", "SCORE"] {
            #expect(header.contains(column), "\(column) missing at 80×24: \(header)")
        }
        #expect(small.last { !$0.isEmpty }?.hasPrefix("? all keys") == true, "no key help at 80×24")

        kill(try #require(try tmux.commandPID()), SIGTERM)
        #expect(try tmux.waitFor(20) { _ in tmux.exitStatus != nil } != nil, "SIGTERM did not end the replay")
        #expect(try tmux.variable("alternate_on") == "0", "the terminal was not given back")
        #expect(tmux.exitStatus == 0)
        #expect(try tmux.capture().joined(separator: "\n").contains("replay: stopped by signal 15"))
    }
}
