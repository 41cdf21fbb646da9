import Foundation
import TestSupport
import Testing

/// Analysts replay a session to get the same alerts each time: two replays of the night session
/// send the same datagrams, byte for byte, on every feed (CAT062 tracks with CAT065 heartbeats,
/// JSON-lines alerts, Cursor on Target), and store the same alert changes.
@Suite struct ReplayDeterminismTests {
    static let night = Centinela.packageRoot + "/recordings/northern-border-night.pcap"
    static let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"

    struct Output {
        var tracks: [[UInt8]]
        var alerts: [[UInt8]]
        var cot: [[UInt8]]
        var stored: String
    }

    static func replay(_ name: String) throws -> Output {
        let tracks = try LoopbackReceiver()
        let alerts = try LoopbackReceiver()
        let cot = try LoopbackReceiver()
        let store = Centinela.temporaryPath(name + ".sqlite")
        for suffix in ["", "-wal", "-shm"] { unlink(store + suffix) }
        let r = try Centinela.run(["replay", night, "--zones", zones, "--store", store,
                                   "--tracks", "udp://127.0.0.1:\(tracks.port)",
                                   "--alerts", "udp://127.0.0.1:\(alerts.port)",
                                   "--cot", "udp://127.0.0.1:\(cot.port)"])
        #expect(r.status == 0, "\(r.stderr)")
        let stored = try Centinela.run(["alerts", "--store", store, "--format", "jsonl"])
        #expect(stored.status == 0, "\(stored.stderr)")
        return Output(tracks: tracks.drain(), alerts: alerts.drain(), cot: cot.drain(), stored: stored.stdout)
    }

    @Test func twoReplaysSendTheSameBytesOnEveryFeedAndStoreTheSameAlerts() throws {
        let first = try Self.replay("determinism-1")
        let second = try Self.replay("determinism-2")

        // Every datagram arrived: the JSON feed numbers its datagrams 1, 2, 3, …
        let seqs = try first.alerts.map { d in
            try #require((JSONSerialization.jsonObject(with: Data(d)) as? [String: Any])?["seq"] as? Int)
        }
        #expect(seqs == Array(1...max(1, seqs.count)))
        #expect(first.tracks.count > 6_000 && first.alerts.count > 300 && first.cot.count == first.alerts.count)
        #expect(first.stored.split(separator: "\n").count > 200)

        #expect(first.tracks == second.tracks)
        #expect(first.alerts == second.alerts)
        #expect(first.cot == second.cot)
        #expect(first.stored == second.stored)
    }
}
