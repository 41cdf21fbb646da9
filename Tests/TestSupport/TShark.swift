import Foundation

/// tshark, the independent decoder the tests read our bytes with. `tools/setup.sh` installs it,
/// so a missing tshark is an error, not a skipped check.
public enum TShark {
    public static let path = "/usr/bin/tshark"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "\(TShark.path) is missing: run bash tools/setup.sh" }
    }

    /// tshark's standard output for `arguments`; throws when tshark is not installed or fails.
    public static func run(_ arguments: [String]) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
        return data
    }

    public struct Failed: Error, CustomStringConvertible {
        public var status: Int32
        public var description: String { "tshark exited \(status)" }
    }
}
