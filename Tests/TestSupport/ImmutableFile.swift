import Foundation

/// The immutable attribute (`chattr +i`): the one way found here to make a file read-only to root
/// mid-run. As root, `chmod` stops no write, and a read-only (re)mount leaves files already open
/// writable (a bind mount) or is refused while they are open ("mount point is busy"); the kernel
/// refuses writes to an immutable file through descriptors already open, root's included.
public enum ImmutableFile {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sets (`on`) or clears the attribute of each file. Needs root (CAP_LINUX_IMMUTABLE) and a
    /// file system that has it (ext4 here; not tmpfs).
    public static func set(_ on: Bool, _ paths: [String]) throws {
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = [on ? "+i" : "-i"] + paths
        let errors = Pipe()
        chattr.standardError = errors
        try chattr.run()
        chattr.waitUntilExit()
        guard chattr.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failed(description: "chattr \(chattr.arguments!.joined(separator: " ")): \(said)")
        }
    }

    /// The files of an SQLite store that take its writes: the database and its WAL. Never its
    /// `-shm` index, which SQLite maps in memory: a write to an immutable one kills the process
    /// with SIGBUS (seen here).
    public static func storeFiles(_ path: String) -> [String] { [path, path + "-wal"] }
}
