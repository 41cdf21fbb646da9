import Glibc
import Recording
import Testing

/// The public recordings in `../shared/recordings/real` (see its README). Tests that need them
/// print why and return when the folder is absent, so the package still tests without it.
enum RealRecordings {
    static let directory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/AsterixTests/RealRecordings.swift
        return parts.joined(separator: "/") + "/../shared/recordings/real"
    }()

    /// The frames of a real recording, or nil (with the reason printed) when the folder is absent.
    static func frames(_ name: String, framing: PayloadFraming = .plain) -> [Frame]? {
        guard access(directory, F_OK) == 0 else {
            print("skipping: \(directory) is absent; the real recordings live in ../shared")
            return nil
        }
        do {
            var reader = try RecordingFile.open(path: directory + "/" + name, framing: framing)
            return try reader.readAll()
        } catch {
            Issue.record("\(name): \(error)")
            return nil
        }
    }
}
