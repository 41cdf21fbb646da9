/// Why the store cannot be opened, read or written: what went wrong, with the file, in words a
/// person can act on.
public struct StoreError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No file at the path (reading), or it cannot be created (writing).
        case cannotOpen
        /// An SQLite file that is not a Centinela store, or not an SQLite file at all.
        case notAStore
        /// Written by a newer Centinela: its schema version is above the one this build knows.
        case newerSchema
        /// Shorter than its own header says, or pages SQLite finds malformed.
        case corrupt
        /// A write did not commit: disk or size limit full, read-only file, I/O error, locked.
        case writeFailed
        /// A read failed for another reason (I/O error, locked).
        case readFailed
    }

    public var kind: Kind
    public var path: String
    /// What exactly, e.g. "database or disk is full" or "schema version 3; this build reads up to 1".
    public var detail: String

    public init(_ kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .cannotOpen: "\(path): cannot open the store: \(detail)"
        case .notAStore: "\(path): not a Centinela store (\(detail)); give another --store file"
        case .newerSchema: "\(path): written by a newer Centinela (\(detail)); use that version or another --store file"
        case .corrupt: "\(path): the store is damaged (\(detail)); keep it for inspection and give another --store file"
        case .writeFailed: "\(path): cannot write the store: \(detail)"
        case .readFailed: "\(path): cannot read the store: \(detail)"
        }
    }
}
