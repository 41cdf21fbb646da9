import Glibc
import GRDB

/// One store file: SQLite in WAL mode through GRDB, checked on opening to be a Centinela store
/// this build can read, and created with its tables when new.
///
/// Not `Sendable`: use it from one task.
public final class StoreFile {
    public let path: String
    let queue: DatabaseQueue

    /// Opens the store at `path` to read, or with `writing` settings to write (creating it when
    /// there is no file). Throws when the file is missing (reading), cannot be created, is not a
    /// Centinela store, is from a newer schema or is damaged.
    public init(path: String, writing settings: StoreSettings? = nil) throws(StoreError) {
        self.path = path
        let exists = access(path, F_OK) == 0
        if settings == nil, !exists { throw StoreError(.cannotOpen, path: path, detail: "no such file") }
        if exists { try Self.checkLength(path) }

        var config = Configuration()
        config.readonly = settings == nil
        if let settings {
            // A lock held by another writer fails the transaction at once rather than stalling
            // the pipeline; the alert changes then wait in the spool.
            config.busyMode = .immediateError
            config.prepareDatabase { db in
                // WAL set here, not with GRDB's `journalMode = .wal`, which sets synchronous to
                // NORMAL after this closure has run and so would overrule `full`.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw DatabaseError(message: "this file system cannot hold a WAL journal")
                }
                try db.execute(sql: "PRAGMA synchronous = \(settings.synchronous.rawValue)")
                // StoreWriter's Checkpointer does it, off the pipeline's thread.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                if let limit = settings.sizeLimit {
                    let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                    try db.execute(sql: "PRAGMA max_page_count = \(max(1, limit / pageSize))")
                }
            }
        } else {
            config.busyMode = .timeout(5)
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            if settings == nil {
                try queue.read { (db: Database) throws -> Void in try Self.checkIdentity(db, path: path, creating: false) }
            } else {
                try queue.write { (db: Database) throws -> Void in try Self.checkIdentity(db, path: path, creating: true) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, writing: settings != nil)
        }
    }

    /// A Centinela store of this schema, or (writing) an empty file that becomes one.
    private static func checkIdentity(_ db: Database, path: String, creating: Bool) throws(StoreError) {
        do {
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if id == 0, tables.isEmpty {
                guard creating else { throw StoreError(.notAStore, path: path, detail: "an empty SQLite file") }
                try StoreSchema.create(db)
                return
            }
            guard id == StoreSchema.applicationID else {
                let what = tables.isEmpty ? "no tables" : "tables " + tables.prefix(5).joined(separator: ", ")
                throw StoreError(.notAStore, path: path, detail: "an SQLite file with application_id \(id) and \(what)")
            }
            guard version <= StoreSchema.version else {
                throw StoreError(.newerSchema, path: path,
                                 detail: "schema version \(version); this build reads up to \(StoreSchema.version)")
            }
            guard version == StoreSchema.version else {
                throw StoreError(.corrupt, path: path, detail: "schema version \(version), which no Centinela wrote")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, writing: creating)
        }
    }

    /// A file shorter than its SQLite header says was cut (a copy that stopped, a full disk):
    /// said at once, rather than as "malformed" on whichever read reaches the missing pages. Only
    /// without a WAL file: during a checkpoint the header may run ahead of the file's length.
    private static func checkLength(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.cannotOpen, path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError(.cannotOpen, path: path, detail: String(cString: strerror(errno))) }
        let length = Int(info.st_size)
        guard length > 0 else { return }  // empty: SQLite makes it a database
        var header = [UInt8](repeating: 0, count: 100)
        let n = pread(fd, &header, header.count, 0)
        guard n == header.count, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError(.notAStore, path: path, detail: "not an SQLite database")
        }
        func be32(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        // The page count in the header is valid only when its change counter matches.
        guard be32(24) == be32(92), access(path + "-wal", F_OK) != 0 else { return }
        let expected = be32(28) * pageSize
        if length < expected {
            throw StoreError(.corrupt, path: path, detail: "truncated: \(length) bytes where the header says \(expected)")
        }
    }
}

extension StoreError {
    /// An SQLite or decoding error, said with the file and in the kind a person acts on.
    init(_ error: any Error, path: String, writing: Bool) {
        if let e = error as? DatabaseError {
            let detail = e.message ?? "\(e.resultCode)"
            switch e.resultCode {
            case .SQLITE_NOTADB: self.init(.notAStore, path: path, detail: "not an SQLite database")
            case .SQLITE_CORRUPT: self.init(.corrupt, path: path, detail: detail)
            case .SQLITE_CANTOPEN: self.init(.cannotOpen, path: path, detail: detail)
            default: self.init(writing ? .writeFailed : .readFailed, path: path, detail: detail)
            }
        } else if error is RowDecodingError || error is BadValue {
            self.init(.corrupt, path: path, detail: "\(error)")
        } else {
            self.init(writing ? .writeFailed : .readFailed, path: path, detail: "\(error)")
        }
    }
}
