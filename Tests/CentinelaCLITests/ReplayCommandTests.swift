import Asterix
import Recording
import Foundation
import TestSupport
import Testing

/// `centinela replay` and `evaluate` on the shipped smoke session, through the built binary.
@Suite struct ReplayCommandTests {
    static let smoke = Centinela.packageRoot + "/recordings/smoke.pcap"

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func replaySendsTheSameTracksAsCAT062AndAsJSONLines() throws {
        let receiver = try LoopbackReceiver()
        let r = try Centinela.run(["replay", Self.smoke, "--jsonl", "-", "--tracks", "udp://127.0.0.1:\(receiver.port)"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try Self.jsonLines(r.stdout)
        #expect(!lines.isEmpty)

        var decoder = AsterixDecoder()
        var records: [Cat062Record] = []
        struct Collect: RecordVisitor {
            var records: [Cat062Record] = []
            mutating func record(_ record: RecordView) { if let r = try? Cat062Record(record) { records.append(r) } }
            mutating func failure(_ error: DecodeError) {}
        }
        var collect = Collect()
        for d in receiver.drain() {
            d.withUnsafeBytes { _ = decoder.decode($0, into: &collect) }
        }
        records = collect.records
        // Loopback with an 8 MB buffer loses nothing: one CAT062 record per JSON line, in order.
        #expect(records.count == lines.count)
        #expect(records.map { Int($0.trackNumber ?? 0) } == lines.map { $0["track"] as? Int ?? -1 })

        // The airliner of the smoke session (Mode S 0D0001, AMX401) is one confirmed track.
        let airliner = lines.filter { $0["address"] as? String == "0D0001" }
        #expect(Set(airliner.compactMap { $0["track"] as? Int }).count == 1)
        #expect(airliner.contains { $0["stage"] as? String == "confirmed" && $0["callsign"] as? String == "AMX401" })
    }

    /// Time comes from the data: a paced replay gives the same tracks as one at full speed.
    @Test func replayAtAnySpeedGivesTheSameTracks() throws {
        let fast = try Centinela.run(["replay", Self.smoke, "--jsonl", "-"])
        let paced = try Centinela.run(["replay", Self.smoke, "--jsonl", "-", "--speed", "60"])
        #expect(fast.status == 0 && paced.status == 0)
        #expect(!fast.stdout.isEmpty && fast.stdout == paced.stdout)
    }

    /// `--start` tracks from a point of the recording, given as an offset or as a UTC time; the
    /// frames before it only tell where the radars are, so no plot after it waits for a radar.
    @Test func replayFromAStartPoint() throws {
        // The frames' receive times, read independently of `replay`.
        var reader = try RecordingFile.open(path: Self.smoke)
        var received: [Double] = []
        while let f = try reader.next() { if case .unix(let t)? = f.timestamp { received.append(t) } }
        let first = try #require(received.first)
        let minute = 1_779_942_660.0  // 2026-05-28T04:31:00Z
        for (start, from) in [("60", first + 60), ("2026-05-28T04:31:00Z", minute)] {
            let r = try Centinela.run(["replay", Self.smoke, "--jsonl", "-", "--start", start])
            #expect(r.status == 0, "\(r.stderr)")
            let before = received.filter { $0 < from }.count
            #expect(r.stderr.contains("replay: \(before) frame(s) before --start \(start) read for their radars only"), "\(r.stderr)")
            #expect(r.stderr.contains("replay: \(received.count - before) frame(s),"))
            let times = try Self.jsonLines(r.stdout).compactMap { $0["t"] as? Double }
            // Plot times lag their frame by up to a sector: none is from before the start's minute.
            #expect(!times.isEmpty && times.allSatisfy { $0 >= minute - 1 })
            // The radars are known from the frames skipped: no plot after the start waits for one.
            #expect(!r.stderr.contains("radars of unknown position"), "\(r.stderr)")
        }
        #expect(try Centinela.run(["replay", Self.smoke, "--start", "soon"]).status == 2)
    }

    /// The night session's suspects raise alerts; the feed numbers every datagram, alerts and
    /// heartbeats alike, one more than the last, so a consumer can tell a loss from silence.
    @Test func replayRaisesNumberedAlertsWithHeartbeats() throws {
        let receiver = try LoopbackReceiver()
        let night = Centinela.packageRoot + "/recordings/northern-border-night.pcap"
        let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"
        let store = Centinela.temporaryPath("numbered.sqlite")
        defer { Centinela.removeStore(store) }
        let r = try Centinela.run(["replay", night, "--zones", zones, "--alerts", "udp://127.0.0.1:\(receiver.port)", "--store", store])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try receiver.drain().map {
            try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        #expect(lines.compactMap { $0["seq"] as? Int } == Array(1...lines.count))
        let raised = lines.filter { $0["type"] as? String == "alert" && $0["state"] as? String == "raised" }
        #expect(!raised.isEmpty)
        #expect(raised.allSatisfy { !($0["class"] as? String ?? "").isEmpty && !($0["reasons"] as? [String] ?? []).isEmpty })
        // Heartbeats every 5 s of a 30-minute session.
        #expect(lines.filter { $0["type"] as? String == "heartbeat" }.count >= 300)
    }

    @Test func badReplayOptionsAreUsageErrors() throws {
        for arguments in [["--speed", "0"], ["--speed", "fast"], ["--tracks", "udp://127.0.0.1"], ["--filter", "ukf"],
                          ["--noise", "50/1=116"], ["--date", "28/05/2026"], ["--alerts", "udp://127.0.0.1:9"]] {
            let r = try Centinela.run(["replay", Self.smoke] + arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
        }
    }

    @Test func evaluatePrintsATablePerFlightAndJSONForTools() throws {
        let truth = Centinela.packageRoot + "/recordings/smoke.truth.jsonl"
        let table = try Centinela.run(["evaluate", Self.smoke, "--truth", truth])
        #expect(table.status == 0, "\(table.stderr)")
        for flight in ["AMX401", "N425TX", "strip-1", "ultralight-1", "unknown-2"] {
            #expect(table.stdout.contains(flight))
        }
        let json = try Centinela.run(["evaluate", Self.smoke, "--truth", truth, "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let flights = try #require(object["flights"] as? [[String: Any]])
        #expect(flights.count == 5)
        // Every flight of the smoke session is seen by a radar and tracked at some point.
        #expect(object["never_tracked"] as? Int == 0)
    }
}
