import Foundation
import Glibc
import Testing
import TestSupport

/// Issue 6: SIGTERM in the middle of a replay is a clean stop, with the store consistent.
@Suite struct ReplaySignalTests {
    /// The replay stops reading, sends its final heartbeats, ends the store's session and exits 0;
    /// every alert change it sent is in the store and nothing else is, and the last heartbeat
    /// names the last one, so a consumer knows it missed nothing.
    @Test func sigtermMidReplayStopsCleanlyWithTheStoreAndFeedInAgreement() throws {
        let receiver = try LoopbackReceiver()
        let store = Centinela.temporaryPath("sigterm.sqlite")
        defer { Centinela.removeStore(store) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Centinela.binary)
        // 30 minutes of data at 200× take about 9 s.
        process.arguments = ["replay", StoreCommandTests.night, "--zones", StoreCommandTests.zones,
                             "--alerts", "udp://127.0.0.1:\(receiver.port)", "--store", store, "--speed", "200"]
        let err = Pipe()
        process.standardError = err
        try process.run()

        var received: [[String: Any]] = []
        for _ in 0..<6_000 where received.filter({ $0["type"] as? String == "alert" }).count < 20 && process.isRunning {
            received += try StoreCommandTests.objects(receiver.drain())
            usleep(20_000)
        }
        #expect(process.isRunning, "the replay ended before it could be stopped in the middle")
        process.terminate()  // SIGTERM
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("replay: stopped by signal 15"), "\(stderr)")
        #expect(stderr.contains("store \(store): session 1,"), "the session was not ended: \(stderr)")
        usleep(100_000)
        received += try StoreCommandTests.objects(receiver.drain())

        #expect(received.map { $0["seq"] as? Int ?? -1 } == Array(1...received.count), "the feed lost a datagram")
        let sent = received.filter { $0["type"] as? String == "alert" }
        let last = try #require(received.last)
        #expect(last["type"] as? String == "heartbeat", "no final heartbeat")
        #expect(last["last_alert_seq"] as? Int == sent.last?["alert_seq"] as? Int)

        let r = try Centinela.run(["alerts", "--store", store, "--since", "0", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let stored = try ReplayCommandTests.jsonLines(r.stdout)
        #expect(stored.map(StoreCommandTests.withoutSeq) == sent.map(StoreCommandTests.withoutSeq))
        // It did stop in the middle: the whole session raises more.
        #expect(stored.count < 200)
    }
}
