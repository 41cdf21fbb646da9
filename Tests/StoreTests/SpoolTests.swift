import GRDB
import Store
import Surveillance
import Testing

/// A store that fills up for real: the writer's connection may not grow the file past a size
/// limit (SQLite's max_page_count, what a full disk looks like to SQLite), and another connection
/// takes the room with a filler table, then frees it, as an operator clearing the disk would.
@Suite("Store spool", .serialized)
struct SpoolTests {
    static let limit = 256 * 1024

    /// Fills the file past the writer's limit from another connection.
    static func fill(_ path: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE filler (b BLOB)")
            try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(?))", arguments: [limit])
        }
    }

    static func free(_ path: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DROP TABLE filler") }
    }

    /// A writer on a new store at `path`, the file then filled from another connection, and one
    /// change a frame recorded until a commit fails (the filler took the last free page). Returns
    /// the writer and the number of changes recorded, the last of which is the one that failed.
    static func fullWriter(_ path: String, _ settings: StoreSettings, _ messages: Messages) throws -> (StoreWriter, Int) {
        let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                     sources: ["night.pcap"], wallTime: 0, report: messages.add)
        try fill(path)
        var k = 0
        while writer.failure == nil, k < 2_000 {
            _ = writer.record([makeAlert(.updated, time: may1 + Double(k))])
            k += 1
        }
        return (writer, k)
    }

    @Test("a full store: alerts keep their numbers, wait in the spool, are written on recovery; said once each way")
    func fullThenRecovered() throws {
        let path = temporaryStore("full")
        defer { remove(path) }
        let settings = StoreSettings(spoolCapacity: 1_000, sizeLimit: Self.limit)
        let messages = Messages()
        let (writer, k) = try Self.fullWriter(path, settings, messages)
        let failure = try #require(writer.failure, "the store never filled up")
        #expect(failure.kind == .writeFailed && failure.detail.contains("full"), "\(failure)")
        #expect(messages.lines.count == 1 && messages.lines[0].contains("alerts still go out"), "\(messages.lines)")

        // While full: numbers go on without a gap (the feeds send them), the changes wait.
        let spooledBefore = writer.spool.count
        var numbers: [Int] = []
        for j in 0..<20 {
            numbers += writer.record([makeAlert(.updated, time: may1 + Double(k + j)), makeAlert(.updated, number: 7, time: may1 + Double(k + j))])
        }
        #expect(numbers == Array(k + 1...k + 40))
        #expect(writer.spool.count == spooledBefore + 40 && writer.failure != nil)
        #expect(messages.lines.count == 1, "said once, not once per alert: \(messages.lines)")

        // Room again: the next commit writes the spool first, and says so once.
        try Self.free(path)
        #expect(writer.record([makeAlert(.cleared, time: may1 + 5_000)]) == [k + 41])
        #expect(writer.failure == nil && writer.spool.isEmpty)
        #expect(messages.lines.count == 2 && messages.lines[1].contains("writing again; \(spooledBefore + 41) spooled"),
                "\(messages.lines)")
        #expect(writer.finish(plots: 0, tracks: 0, wallTime: 1))

        // Nothing lost, nothing twice, in order.
        let stored = try storedAlerts(StoreFile(path: path))
        #expect(stored.map(\.alertSeq) == Array(1...k + 41))
        #expect(stored.last?.alert.state == .cleared && stored.filter { $0.alert.track.number == 7 }.count == 20)
    }

    @Test("the spool is bounded: past its size the oldest are dropped, counted and said once")
    func overflow() throws {
        let path = temporaryStore("overflow")
        defer { remove(path) }
        let settings = StoreSettings(spoolCapacity: 5, sizeLimit: Self.limit)
        let messages = Messages()
        let (writer, k) = try Self.fullWriter(path, settings, messages)
        let firstUnstored = k  // the change whose commit failed
        for j in 0..<12 { _ = writer.record([makeAlert(.updated, time: may1 + Double(k + j))]) }
        #expect(writer.spool.map(\.alertSeq) == Array(k + 8...k + 12), "the newest five")
        #expect(writer.droppedAlerts == 8)
        #expect(messages.lines.count == 2 && messages.lines[1].contains("spool full (5 alert changes)"), "\(messages.lines)")

        try Self.free(path)
        _ = writer.record([makeAlert(.cleared, time: may1 + 9_000)])
        #expect(messages.lines.count == 3 && messages.lines[2].contains("8 dropped from the full spool"), "\(messages.lines)")
        #expect(!writer.finish(plots: 0, tracks: 0, wallTime: 1), "a run that lost alert changes does not end clean")
        let stored = try storedAlerts(StoreFile(path: path)).map(\.alertSeq)
        #expect(stored == Array(1..<firstUnstored) + Array(k + 8...k + 13))
    }

    @Test("still full at the end: finish says which alert changes were not stored")
    func fullAtTheEnd() throws {
        let path = temporaryStore("end")
        defer { remove(path) }
        let settings = StoreSettings(sizeLimit: Self.limit)
        let messages = Messages()
        let (writer, k) = try Self.fullWriter(path, settings, messages)
        #expect(!writer.finish(plots: 0, tracks: 0, wallTime: 1))
        #expect(messages.lines.last == "store: 1 alert change(s) not stored at the end (alert_seq \(k)–\(k)); they were sent")
    }
}
