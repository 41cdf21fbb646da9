import Foundation
import Glibc
import GRDB
import Store
import Surveillance
import Testing

@Suite("Store file")
struct StoreFileTests {
    @Test("alert changes written, the file closed and opened again: the same alerts, numbered 1, 2, 3 across runs")
    func writeReopenRead() throws {
        let path = temporaryStore("reopen")
        defer { remove(path) }
        let first = [makeAlert(.raised), makeAlert(.updated, time: may1 + 12)]
        let second = [makeAlert(.acknowledged, time: may1 + 20), makeAlert(.raised, number: 7, time: may1 + 20)]
        do {
            let file = try StoreFile(path: path, writing: StoreSettings())
            let writer = try StoreWriter(file: file, settings: StoreSettings(), sources: ["a.pcap", "b.pcap"],
                                         wallTime: 1_800_000_000, report: { Issue.record("unexpected: \($0)") })
            #expect(writer.record(first) == [1, 2])
            #expect(writer.record([]) == [])
            #expect(writer.record(second) == [3, 4])
            #expect(writer.finish(plots: 100, tracks: 2, wallTime: 1_800_000_060))
        }
        // A second run on the same file goes on from the last number.
        do {
            let file = try StoreFile(path: path, writing: StoreSettings())
            let writer = try StoreWriter(file: file, settings: StoreSettings(), sources: ["c.pcap"],
                                         wallTime: 1_800_000_100, report: { Issue.record("unexpected: \($0)") })
            #expect(writer.sessionID == 2)
            #expect(writer.record([makeAlert(.cleared, time: may1 + 30)]) == [5])
            #expect(writer.finish(plots: 5, tracks: 1, wallTime: 1_800_000_160))
        }

        let file = try StoreFile(path: path)
        let stored = try storedAlerts(file)
        #expect(stored.map(\.alertSeq) == [1, 2, 3, 4, 5])
        #expect(stored.map(\.sessionID) == [1, 1, 1, 1, 2])
        // Every field of every alert and of its track update comes back as it went in.
        #expect(stored.map(\.alert) == first + second + [makeAlert(.cleared, time: may1 + 30)])
        #expect(try file.lastAlertSeq() == 5)

        // The sessions, read with plain SQL as an analyst would.
        let sessions = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT sources, started_at, ended_at, plots, tracks, alerts, alert_changes FROM session ORDER BY id")
        }
        #expect(sessions.count == 2)
        #expect(sessions[0]["sources"] as String == "a.pcap\nb.pcap")
        #expect(sessions[0]["started_at"] as Double == 1_800_000_000 && sessions[0]["ended_at"] as Double == 1_800_000_060)
        #expect(sessions[0]["plots"] as Int == 100 && sessions[0]["tracks"] as Int == 2)
        #expect(sessions[0]["alerts"] as Int == 2 && sessions[0]["alert_changes"] as Int == 4, "two raised of four changes")
        #expect(sessions[1]["alerts"] as Int == 0 && sessions[1]["alert_changes"] as Int == 1)
    }

    @Test("--since and --track: only the changes numbered above, only that track's, in order")
    func filters() throws {
        let path = temporaryStore("filters")
        defer { remove(path) }
        let file = try StoreFile(path: path, writing: StoreSettings())
        let writer = try StoreWriter(file: file, settings: StoreSettings(), sources: [], wallTime: 0, report: { _ in })
        for k in 0..<10 {
            _ = writer.record([makeAlert(.updated, number: k % 3 == 0 ? 7 : 42, time: may1 + Double(k))])
        }
        #expect(try storedAlerts(file, since: 6).map(\.alertSeq) == [7, 8, 9, 10])
        #expect(try storedAlerts(file, since: 10).isEmpty)
        #expect(try storedAlerts(file, track: 7).map(\.alertSeq) == [1, 4, 7, 10])
        #expect(try storedAlerts(file, since: 4, track: 7).map(\.alertSeq) == [7, 10])
        #expect(try storedAlerts(file, track: 8).isEmpty)
    }

    @Test("a missing file is not created when reading")
    func missing() throws {
        let path = temporaryStore("missing")
        #expect(throws: StoreError(.cannotOpen, path: path, detail: "no such file")) { try StoreFile(path: path) }
        #expect(access(path, F_OK) != 0)
    }

    @Test("a file of a newer schema is refused, saying which version")
    func newerSchema() throws {
        let path = temporaryStore("newer")
        defer { remove(path) }
        _ = try StoreFile(path: path, writing: StoreSettings())
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 2") }
        for writing in [nil, StoreSettings()] {
            let error = try #require(throws: StoreError.self) { try StoreFile(path: path, writing: writing) }
            #expect(error.kind == .newerSchema && error.path == path)
            #expect(error.description.contains("schema version 2; this build reads up to 1"), "\(error)")
        }
    }

    @Test("files that are not a Centinela store: another SQLite database, text, an empty file")
    func notAStore() throws {
        let other = temporaryStore("other")
        defer { remove(other) }
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE places (name TEXT)") }
        let e1 = try #require(throws: StoreError.self) { try StoreFile(path: other, writing: StoreSettings()) }
        #expect(e1.kind == .notAStore && e1.detail.contains("tables places"), "\(e1)")
        // Not written into: still only its own table.
        #expect(try DatabaseQueue(path: other).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["places"])

        let text = temporaryStore("text")
        defer { remove(text) }
        let bytes = Array("alert_seq,id\n1,42-1777615940500\n".utf8)
        #expect(FileManager.default.createFile(atPath: text, contents: Data(bytes)))
        for writing in [nil, StoreSettings()] {
            let e = try #require(throws: StoreError.self) { try StoreFile(path: text, writing: writing) }
            #expect(e.kind == .notAStore && e.detail == "not an SQLite database" && e.path == text)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == Data(bytes), "left as it was")

        let empty = temporaryStore("empty")
        defer { remove(empty) }
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let e3 = try #require(throws: StoreError.self) { try StoreFile(path: empty) }
        #expect(e3.kind == .notAStore && e3.detail == "an empty SQLite file")
    }

    /// A store with a few hundred alert changes (many pages), closed cleanly (no WAL file left).
    static func filledStore(_ name: String) throws -> String {
        let path = temporaryStore(name)
        let file = try StoreFile(path: path, writing: StoreSettings())
        let writer = try StoreWriter(file: file, settings: StoreSettings(), sources: [], wallTime: 0, report: { _ in })
        for k in 0..<300 { _ = writer.record([makeAlert(.updated, time: may1 + Double(k))]) }
        _ = writer.finish(plots: 0, tracks: 0, wallTime: 1)
        return path
    }

    @Test("a truncated file is said to be cut, with its length and the header's")
    func truncated() throws {
        let path = try Self.filledStore("truncated")
        defer { remove(path) }
        #expect(access(path + "-wal", F_OK) != 0, "closed cleanly")
        var info = stat()
        stat(path, &info)
        let half = Int(info.st_size) / 2
        #expect(truncate(path, off_t(half)) == 0)
        for writing in [nil, StoreSettings()] {
            let e = try #require(throws: StoreError.self) { try StoreFile(path: path, writing: writing) }
            #expect(e.kind == .corrupt && e.detail == "truncated: \(half) bytes where the header says \(info.st_size)", "\(e)")
        }
        // Cut inside the header itself.
        #expect(truncate(path, 40) == 0)
        let e = try #require(throws: StoreError.self) { try StoreFile(path: path) }
        #expect(e.kind == .notAStore)
    }

    @Test("pages overwritten with garbage: reading says the store is damaged, and where")
    func corruptPages() throws {
        let path = try Self.filledStore("corrupt")
        defer { remove(path) }
        // Pages 3 onwards (past the schema on page 1) overwritten; the length stays.
        let fd = open(path, O_WRONLY)
        let garbage = [UInt8](repeating: 0xA5, count: 4096 * 8)
        #expect(pwrite(fd, garbage, garbage.count, 4096 * 2) == garbage.count)
        close(fd)
        let file = try StoreFile(path: path)
        let e = try #require(throws: StoreError.self) { try storedAlerts(file) }
        #expect(e.kind == .corrupt && e.path == path, "\(e)")
        #expect(e.description.contains("damaged"))
    }

    @Test("values no Centinela writes (a stage named banana, reasons that are not a JSON array) are refused by name")
    func hostileValues() throws {
        let path = try Self.filledStore("hostile")
        defer { remove(path) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE alert_change SET stage = 'banana' WHERE alert_seq = 2")
            try db.execute(sql: "UPDATE alert_change SET reasons = 'PSR-only' WHERE alert_seq = 4")
        }
        let file = try StoreFile(path: path)
        let e1 = try #require(throws: StoreError.self) { try storedAlerts(file, since: 1) }
        #expect(e1.kind == .corrupt && e1.detail.contains("column stage: unknown value 'banana'"), "\(e1)")
        let e2 = try #require(throws: StoreError.self) { try storedAlerts(file, since: 3) }
        #expect(e2.kind == .corrupt && e2.detail.contains("column reasons"), "\(e2)")
        #expect(try storedAlerts(file, since: 4).count == 296, "the rows after them read as before")
    }
}
