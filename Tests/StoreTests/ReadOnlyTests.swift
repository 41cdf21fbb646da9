import Foundation
import Store
import Surveillance
import TestSupport
import Testing

/// A store whose files become read-only during the run, for real: the immutable attribute on
/// its database and WAL (`ImmutableFile`), which stops root's writes too.
@Suite("Store on a read-only file", .serialized)
struct ReadOnlyTests {
    static func immutable(_ on: Bool, _ path: String) throws {
        try ImmutableFile.set(on, ImmutableFile.storeFiles(path))
    }

    @Test("read-only mid-run: alerts keep their numbers, wait in the spool, are written once writable; said once each way")
    func readOnlyThenWritable() throws {
        let path = temporaryStore("readonly")
        defer { remove(path) }
        let messages = Messages()
        let writer = try StoreWriter(file: StoreFile(path: path, writing: StoreSettings()), settings: StoreSettings(),
                                     sources: ["night.pcap"], wallTime: 0, report: messages.add)
        #expect(writer.record([makeAlert(.raised)]) == [1])

        try Self.immutable(true, path)
        defer { try? Self.immutable(false, path) }
        var numbers: [Int] = []
        for k in 1...10 { numbers += writer.record([makeAlert(.updated, time: may1 + Double(k))]) }
        // The feeds send them with these numbers, without a gap, although none is stored.
        #expect(numbers == Array(2...11))
        let failure = try #require(writer.failure, "a write to an immutable WAL succeeded")
        #expect(failure.kind == .writeFailed && failure.path == path, "\(failure)")
        #expect(writer.spool.map(\.alertSeq) == Array(2...11))
        #expect(messages.lines.count == 1, "said once, not once per alert: \(messages.lines)")
        #expect(messages.lines.first?.contains("\(path): cannot write the store") == true
                && messages.lines.first?.contains("alerts still go out and wait in memory") == true, "\(messages.lines)")

        try Self.immutable(false, path)
        #expect(writer.record([makeAlert(.cleared, time: may1 + 20)]) == [12])
        #expect(writer.failure == nil && writer.spool.isEmpty)
        #expect(messages.lines.count == 2 && messages.lines[1] == "store: writing again; 11 spooled alert change(s) stored",
                "\(messages.lines)")
        #expect(writer.finish(plots: 0, tracks: 0, wallTime: 1))

        let stored = try storedAlerts(StoreFile(path: path))
        #expect(stored.map(\.alertSeq) == Array(1...12))
        #expect(stored.map(\.alert.state) == [.raised] + Array(repeating: .updated, count: 10) + [.cleared])
    }

    @Test("read-only to the end: the history's samples are counted as lost, said once, and the run does not end clean")
    func historyOnAReadOnlyFile() throws {
        let path = temporaryStore("readonly-history")
        defer { remove(path) }
        let messages = Messages()
        let settings = StoreSettings(historyInterval: 10)
        let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                     sources: ["night.pcap"], wallTime: 0, report: messages.add)
        try Self.immutable(true, path)
        defer { try? Self.immutable(false, path) }
        // Two flights over 40 s: samples handed to the history's thread in several seconds, so
        // several of its transactions fail.
        for u in HistoryTests.flight(number: 3, start: may1, count: 11, ended: true)
            + HistoryTests.flight(number: 4, start: may1 + 2, count: 11, ended: false) {
            writer.sample([u], at: u.time)
        }
        #expect(!writer.finish(plots: 0, tracks: 2, wallTime: 1))
        // Track 3: 0, 12, 24, 36, 40 s; track 4: 2, 14, 26, 38, and its latest, 42 s.
        #expect(writer.droppedSamples == 10 && writer.samplesWritten == 0)
        let history = messages.lines.filter { $0.hasPrefix("store: history: ") }
        #expect(history.count == 1 && history[0].contains("\(path): cannot write the store"), "\(messages.lines)")

        try Self.immutable(false, path)
        #expect(try StoreFile(path: path).history(track: 3) == nil)
    }
}
