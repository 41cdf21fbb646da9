import Foundation
import GRDB
@testable import Store
import Testing

@Suite("Store durability")
struct DurabilityTests {
    /// What the writer's connection runs with: WAL, the synchronous level asked for (SQLite's
    /// numbers: NORMAL 1, FULL 2), and no checkpoint inside its own commits.
    @Test("the writer's connection: WAL, synchronous as set, checkpoints left to the Checkpointer",
          arguments: [(StoreSettings.Synchronous.normal, 1), (.full, 2)])
    func pragmas(synchronous: StoreSettings.Synchronous, level: Int) throws {
        let path = temporaryStore("sync-\(synchronous)")
        defer { remove(path) }
        let file = try StoreFile(path: path, writing: StoreSettings(synchronous: synchronous))
        let (journal, sync, autocheckpoint) = try file.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint"))
        }
        #expect(journal == "wal" && sync == level && autocheckpoint == 0)
    }
}
