import Foundation
import FoundationXML
import TestSupport
import Testing

/// `replay --store`, `alerts` and `history` through the built binary, on the shipped sessions.
@Suite struct StoreCommandTests {
    static let smoke = Centinela.packageRoot + "/recordings/smoke.pcap"
    static let night = Centinela.packageRoot + "/recordings/northern-border-night.pcap"
    static let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"

    static func objects(_ datagrams: [[UInt8]]) throws -> [[String: Any]] {
        try datagrams.map { try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
    }

    /// The smoke session replayed with alerts to a local socket and a store: what was sent (alerts
    /// and heartbeats), the track updates as JSON lines, and the store's path.
    static func replaySmoke(_ name: String) throws -> (sent: [[String: Any]], tracks: [[String: Any]], store: String) {
        let receiver = try LoopbackReceiver()
        let store = Centinela.temporaryPath(name)
        let r = try Centinela.run(["replay", smoke, "--zones", zones, "--alerts", "udp://127.0.0.1:\(receiver.port)",
                                   "--store", store, "--jsonl", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("store \(store): session 1,"), "\(r.stderr)")
        return (try objects(receiver.drain()), try ReplayCommandTests.jsonLines(r.stdout), store)
    }

    /// An object without its `seq`, the one key that differs between the feed and `alerts`.
    static func withoutSeq(_ o: [String: Any]) -> NSDictionary {
        var o = o
        o["seq"] = nil
        return o as NSDictionary
    }

    @Test func alertsGivesBackWhatTheFeedSentNumberedTheSame() throws {
        let (sent, _, store) = try Self.replaySmoke("alerts.sqlite")
        defer { Centinela.removeStore(store) }
        let alerts = sent.filter { $0["type"] as? String == "alert" }
        #expect(alerts.count >= 5)
        // The store numbers the changes 1, 2, 3, … in the order they were sent.
        #expect(alerts.map { $0["alert_seq"] as? Int ?? -1 } == Array(1...alerts.count))
        // Each heartbeat names the last alert change sent before it.
        var last = 0
        for o in sent {
            if let n = o["alert_seq"] as? Int { last = n }
            if o["type"] as? String == "heartbeat" { #expect(o["last_alert_seq"] as? Int == last) }
        }

        let all = try Centinela.run(["alerts", "--store", store, "--since", "0", "--format", "jsonl"])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = try ReplayCommandTests.jsonLines(all.stdout)
        // The feed's schema, field for field; `seq` numbers the output's own lines.
        #expect(lines.map(Self.withoutSeq) == alerts.map(Self.withoutSeq))
        #expect(lines.map { $0["seq"] as? Int ?? -1 } == Array(1...lines.count))

        let since = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store, "--since", "3"]).stdout)
        #expect(since.map(Self.withoutSeq) == alerts.dropFirst(3).map(Self.withoutSeq))

        let track = try #require(alerts.last?["track"] as? Int)
        let one = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store, "--track", "\(track)"]).stdout)
        #expect(!one.isEmpty && one.map(Self.withoutSeq) == alerts.filter { $0["track"] as? Int == track }.map(Self.withoutSeq))

        let table = try Centinela.run(["alerts", "--store", store, "--format", "table"])
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("ALERT_SEQ") == true && rows.count == alerts.count + 1)
        for (row, a) in zip(rows.dropFirst(), alerts) {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count > 6 && columns[0] == "\(a["alert_seq"]!)" && columns[1] == "\(a["time"]!)")
            #expect(columns[2] == "\(a["id"]!)" && columns[3] == "\(a["state"]!)" && columns[4] == "\(a["track"]!)")
        }
    }

    @Test func historyExportsOneFlightInThreeFormats() throws {
        let (sent, tracks, store) = try Self.replaySmoke("history.sqlite")
        defer { Centinela.removeStore(store) }
        // The track of the first alert, and its updates as replay wrote them (the independent record).
        let number = try #require(sent.first { $0["type"] as? String == "alert" }?["track"] as? Int)
        let updates = tracks.filter { $0["track"] as? Int == number && $0["stage"] as? String != "tentative" }
        let byTime = Dictionary(updates.map { ($0["t"] as! Double, $0) }, uniquingKeysWith: { a, _ in a })

        let geo = try Centinela.run(["history", "\(number)", "--store", store, "--format", "geojson"])
        #expect(geo.status == 0, "\(geo.stderr)")
        let feature = try #require(JSONSerialization.jsonObject(with: Data(geo.stdout.utf8)) as? [String: Any])
        let geometry = try #require(feature["geometry"] as? [String: Any])
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect(feature["type"] as? String == "Feature" && geometry["type"] as? String == "LineString")
        let coordinates = try #require(geometry["coordinates"] as? [[Double]])
        let times = try #require(properties["t"] as? [Double])
        #expect(properties["track"] as? Int == number && properties["session"] as? Int == 1)
        #expect(coordinates.count == times.count && properties["samples"] as? Int == times.count && times.count >= 3)
        // First and last update kept; in between at most one every 10 s; each sample one of the
        // track's updates, at its position.
        #expect(times.first == updates.first?["t"] as? Double && times.last == updates.last?["t"] as? Double)
        for (a, b) in zip(times.dropLast(), times.dropFirst(1).dropLast()) { #expect(b - a >= 10) }
        for (t, c) in zip(times, coordinates) {
            let u = try #require(byTime[t], "sample at \(t) is no update of track \(number)")
            #expect(c[0] == u["lon"] as? Double && c[1] == u["lat"] as? Double)
        }

        let csv = try Centinela.run(["history", "\(number)", "--store", store, "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        #expect(header.first == "t" && header.contains("alt_m") && header.contains("callsign"))
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        #expect(rows.dropFirst().compactMap { Double($0[0]) } == times)
        let lat = try #require(header.firstIndex(of: "lat")), lon = try #require(header.firstIndex(of: "lon"))
        // Compared within 1e-9° (0.1 mm): JSONSerialization on Linux can read the last bit of a
        // double differently from Swift's own parser, which reads the CSV and the KML.
        func same(_ a: [[Double]], _ b: [[Double]]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { p, q in p.count == q.count && zip(p, q).allSatisfy { abs($0 - $1) < 1e-9 } }
        }
        #expect(same(rows.dropFirst().map { [Double($0[lon])!, Double($0[lat])!] }, coordinates))

        let kml = try Centinela.run(["history", "\(number)", "--store", store, "--format", "kml"])
        let doc = try #require(KMLReader.parse(kml.stdout), "KML that XMLParser cannot read")
        #expect(doc.text["name"]?.hasPrefix("TRK\(number)") == true)
        let tuples = (doc.text["coordinates"] ?? "").split(whereSeparator: \.isWhitespace)
            .map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(same(tuples.map { Array($0.prefix(2)) }, coordinates.map { Array($0.prefix(2)) }))
        #expect(["absolute", "clampToGround"].contains(doc.text["altitudeMode"] ?? ""))
        #expect(doc.text["begin"] == properties["start"] as? String && doc.text["end"] == properties["end"] as? String)
    }

    @Test func storeProblemsAreSaidWithTheFile() throws {
        let missing = Centinela.temporaryPath("missing.sqlite")
        let r1 = try Centinela.run(["alerts", "--store", missing])
        #expect(r1.status == 1 && r1.stderr.contains("\(missing): cannot open the store: no such file"), "\(r1.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))

        let text = Centinela.temporaryPath("notes.sqlite")
        defer { Centinela.removeStore(text) }
        #expect(FileManager.default.createFile(atPath: text, contents: Data("alert 1\n".utf8)))
        let r2 = try Centinela.run(["history", "7", "--store", text, "--format", "csv"])
        #expect(r2.status == 1 && r2.stderr.contains("\(text): not a Centinela store"), "\(r2.stderr)")
        // Replay refuses it before tracking anything, and says how to run without a store.
        let r3 = try Centinela.run(["replay", Self.smoke, "--zones", Self.zones, "--alerts", "udp://127.0.0.1:9", "--store", text])
        #expect(r3.status == 1 && r3.stderr.contains("not a Centinela store") && r3.stderr.contains("--no-store"), "\(r3.stderr)")
        #expect(!r3.stderr.contains("replay:"), "nothing tracked")
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == Data("alert 1\n".utf8))

        for arguments in [["alerts", "--format", "csv"], ["alerts", "--since", "-1"], ["history", "7", "--format", "shp"],
                          ["history", "0", "--format", "csv"], ["history", "7", "--format", "csv", "--at", "yesterday"],
                          ["replay", Self.smoke, "--store", text, "--no-store"], ["replay", Self.smoke, "--store-sync", "off"],
                          ["replay", Self.smoke, "--history-interval", "0"], ["replay", Self.smoke, "--store-spool", "0"]] {
            let r = try Centinela.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
        }

        let (_, _, store) = try Self.replaySmoke("unknown-track.sqlite")
        defer { Centinela.removeStore(store) }
        let r4 = try Centinela.run(["history", "999", "--store", store, "--format", "kml"])
        #expect(r4.status == 1 && r4.stderr.contains("\(store): no history of track 999"), "\(r4.stderr)")
    }

    @Test func theDefaultStoreIsInTheCurrentDirectoryAndNoStoreIsSaid() throws {
        let directory = Centinela.temporaryPath("cwd")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let receiver = try LoopbackReceiver()
        let off = try Centinela.run(["replay", Self.smoke, "--zones", Self.zones, "--alerts", "udp://127.0.0.1:\(receiver.port)",
                                     "--no-store"], in: directory)
        #expect(off.status == 0 && off.stderr.contains("--no-store: alerts are sent but not stored"), "\(off.stderr)")
        let unnumbered = try Self.objects(receiver.drain())
        #expect(unnumbered.contains { $0["type"] as? String == "alert" })
        #expect(unnumbered.allSatisfy { ($0["alert_seq"] ?? $0["last_alert_seq"]) is NSNull })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)

        let on = try Centinela.run(["replay", Self.smoke, "--zones", Self.zones, "--alerts", "udp://127.0.0.1:\(receiver.port)"],
                                   in: directory)
        #expect(on.status == 0, "\(on.stderr)")
        let numbered = try Self.objects(receiver.drain()).filter { $0["type"] as? String == "alert" }
        #expect(FileManager.default.fileExists(atPath: directory + "/centinela.sqlite"))
        let read = try Centinela.run(["alerts"], in: directory)
        #expect(try ReplayCommandTests.jsonLines(read.stdout).map(Self.withoutSeq) == numbered.map(Self.withoutSeq))
    }

    /// A store made read-only in the middle of a replay (the immutable attribute on its database
    /// and WAL, which stops root too), then writable again: the feed goes on without a gap; the
    /// failure is said once by the alert commits and once by the history, and so is the
    /// recovery; the alert changes of that time wait in the spool and are all stored; the history
    /// samples of that time are lost, counted, and the run exits 1 for them.
    @Test func aStoreMadeReadOnlyMidRunKeepsEveryAlert() throws {
        let receiver = try LoopbackReceiver()
        let store = Centinela.temporaryPath("readonly.sqlite")
        defer { Centinela.removeStore(store) }
        let errors = Pipe()
        // 30 minutes of data at 100× take about 18 s; 236 alert changes.
        let process = try Self.startNightReplay(store: store, alertsTo: receiver, speed: 100, stderr: errors)
        var received: [[String: Any]] = []
        try Self.receive(receiver, into: &received, untilAlerts: 20, while: process)
        try ImmutableFile.set(true, ImmutableFile.storeFiles(store))
        defer { try? ImmutableFile.set(false, ImmutableFile.storeFiles(store)) }
        try Self.receive(receiver, into: &received, untilAlerts: 60, while: process)
        #expect(process.isRunning, "the replay ended while the store was read-only")
        try ImmutableFile.set(false, ImmutableFile.storeFiles(store))
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        received += try Self.objects(receiver.drain())

        #expect(process.terminationStatus == 1, "history was lost: \(stderr)")
        let said = stderr.split(separator: "\n").filter { $0.hasPrefix("replay: store:") }
        #expect(said.count == 4, "\(stderr)")
        #expect(said.filter { $0.contains("store: \(store): cannot write the store: disk I/O error; alerts still go out") }.count == 1)
        #expect(said.filter { $0.hasPrefix("replay: store: writing again; ") }.count == 1)
        #expect(said.filter { $0.contains("history: \(store): cannot write the store: disk I/O error") }.count == 1)
        #expect(said.filter { $0.hasPrefix("replay: store: history: writing again; ") }.count == 1)
        #expect(stderr.contains("history sample(s) lost") && !stderr.contains("not stored at the end"), "\(stderr)")

        let alerts = received.filter { $0["type"] as? String == "alert" }
        #expect(alerts.count > 60 && received.map { $0["seq"] as? Int ?? -1 } == Array(1...received.count))
        #expect(alerts.map { $0["alert_seq"] as? Int ?? -1 } == Array(1...alerts.count))
        let stored = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store]).stdout)
        #expect(stored.map(Self.withoutSeq) == alerts.map(Self.withoutSeq), "every alert change sent is stored, in order")
    }

    /// The issue's test: a replay killed with SIGKILL in the middle loses no alert change it sent.
    @Test func killedMidReplayTheStoreHasEveryAlertThatWasSent() throws {
        let receiver = try LoopbackReceiver()
        let store = Centinela.temporaryPath("killed.sqlite")
        defer { Centinela.removeStore(store) }
        // 30 minutes of data at 200× take about 9 s.
        let process = try Self.startNightReplay(store: store, alertsTo: receiver, speed: 200, stderr: FileHandle.nullDevice)
        var received: [[String: Any]] = []
        try Self.receive(receiver, into: &received, untilAlerts: 40, while: process)
        #expect(process.isRunning, "the replay ended before it could be killed in the middle")
        // A consumer may ask while the replay writes: it gets a consistent prefix.
        let during = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store]).stdout)
        #expect(!during.isEmpty && during.map { $0["alert_seq"] as? Int ?? -1 } == Array(1...during.count))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        received += try Self.objects(receiver.drain())

        let alerts = received.filter { $0["type"] as? String == "alert" }
        #expect(alerts.count >= 40)
        // The feed lost nothing on the way.
        #expect(received.map { $0["seq"] as? Int ?? -1 } == Array(1...received.count))

        let r = try Centinela.run(["alerts", "--store", store, "--since", "0", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let stored = Dictionary(try ReplayCommandTests.jsonLines(r.stdout).map { ($0["alert_seq"] as! Int, $0) },
                                uniquingKeysWith: { a, _ in a })
        for a in alerts {
            let n = try #require(a["alert_seq"] as? Int)
            let s = try #require(stored[n], "alert_seq \(n) was sent but is not in the store")
            #expect(s["id"] as? String == a["id"] as? String && s["state"] as? String == a["state"] as? String)
            #expect(Self.withoutSeq(s) == Self.withoutSeq(a))
        }
    }
}

extension StoreCommandTests {
    /// The night session replayed with alerts into `store` at `speed`, started, not waited for.
    static func startNightReplay(store: String, alertsTo receiver: LoopbackReceiver, speed: Int, stderr: Any) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Centinela.binary)
        process.arguments = ["replay", night, "--zones", zones, "--alerts", "udp://127.0.0.1:\(receiver.port)",
                             "--store", store, "--speed", "\(speed)"]
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Adds what `receiver` gets to `received` until it holds `count` alerts or `process` ends
    /// (bounded: two minutes at most).
    static func receive(_ receiver: LoopbackReceiver, into received: inout [[String: Any]], untilAlerts count: Int,
                        while process: Process) throws {
        for _ in 0..<6_000 where received.filter({ $0["type"] as? String == "alert" }).count < count && process.isRunning {
            received += try objects(receiver.drain())
            usleep(20_000)
        }
    }

    /// A recording that cannot be opened fails the run (exit 1) after the others are tracked; the
    /// store is finished all the same: every track's last update is in its history.
    @Test func aMissingRecordingStillFinishesTheStore() throws {
        let store = Centinela.temporaryPath("missing-input.sqlite")
        defer { Centinela.removeStore(store) }
        let r = try Centinela.run(["replay", Self.smoke, Centinela.temporaryPath("no-such.pcap"), "--store", store, "--jsonl", "-"])
        #expect(r.status == 1 && r.stderr.contains("no-such.pcap"), "\(r.stderr)")
        #expect(r.stderr.contains("store \(store): session 1,"), "\(r.stderr)")
        let tracks = try ReplayCommandTests.jsonLines(r.stdout).filter { $0["stage"] as? String != "tentative" }
        let number = try #require(tracks.last?["track"] as? Int)
        let csv = try Centinela.run(["history", "\(number)", "--store", store, "--format", "csv"])
        let last = try #require(csv.stdout.split(separator: "\n").last?.split(separator: ",").first)
        #expect(Double(last) == tracks.last { $0["track"] as? Int == number }?["t"] as? Double)
    }

    /// A store that fills up during the run (its size limit is below what the night session
    /// writes): the feed still sends every alert change, numbered without a gap; each change of
    /// state is said once, by the alert commits and by the history's writes each for its own
    /// (near the limit a small commit can fit where another does not, so each goes failed,
    /// writing again, failed, …), the loss at the end; the run exits 1; what was stored is every
    /// change before the last failure, intact.
    @Test func aFullStoreIsLoudAndTheFeedGoesOn() throws {
        let receiver = try LoopbackReceiver()
        let store = Centinela.temporaryPath("full.sqlite")
        defer { Centinela.removeStore(store) }
        let r = try Centinela.run(["replay", Self.night, "--zones", Self.zones, "--alerts", "udp://127.0.0.1:\(receiver.port)",
                                   "--store", store, "--store-limit-mib", "1"])
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("replay: store:") }
        func states(_ lines: [Substring]) -> [String] {
            lines.map { line in
                line.contains("cannot write the store: database or disk is full") ? "failed"
                    : line.contains("writing again") ? "recovered" : line.contains("not stored at the end") ? "end" : String(line)
            }
        }
        let said = states(lines.filter { !$0.hasPrefix("replay: store: history") })
        #expect(said.count >= 2 && said.last == "end", "\(r.stderr)")
        for (i, s) in said.dropLast().enumerated() { #expect(s == (i % 2 == 0 ? "failed" : "recovered"), "\(said)") }
        #expect(said.dropLast().last == "failed")
        let history = states(lines.filter { $0.hasPrefix("replay: store: history: ") })
        #expect(history.first == "failed", "\(r.stderr)")
        for (i, s) in history.enumerated() { #expect(s == (i % 2 == 0 ? "failed" : "recovered"), "\(history)") }
        #expect(r.stderr.contains("history sample(s) lost"), "the summary counts the lost samples: \(r.stderr)")

        let alerts = try Self.objects(receiver.drain()).filter { $0["type"] as? String == "alert" }
        #expect(alerts.count > 100 && alerts.map { $0["alert_seq"] as? Int ?? -1 } == Array(1...alerts.count))
        let stored = try ReplayCommandTests.jsonLines(Centinela.run(["alerts", "--store", store]).stdout)
        #expect(!stored.isEmpty && stored.count < alerts.count)
        #expect(stored.map(Self.withoutSeq) == alerts.prefix(stored.count).map(Self.withoutSeq))
    }
}

/// The text of the elements of a KML document, by element name (the last of each), as Foundation's
/// XML parser reads them; nil when it is not well-formed.
final class KMLReader: NSObject, XMLParserDelegate {
    var text: [String: String] = [:]
    private var current = ""

    static func parse(_ document: String) -> KMLReader? {
        let parser = XMLParser(data: Data(document.utf8))
        let reader = KMLReader()
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !current.isEmpty { text[name] = current }
        current = ""
    }
}
