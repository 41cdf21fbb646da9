import Foundation
import Glibc

/// A real terminal for the display's tests: a tmux server of the test's own (its own socket), one
/// window of a given size running one command; keys sent, the screen captured as text.
final class Tmux {
    private let socket = "centinela-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Starts `command` (run by sh, in the package root) in a `width`×`height` window. The pane
    /// stays after the command exits, so its exit status and last words can be read.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        let env = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", "-c", Centinela.packageRoot,
                  (env.isEmpty ? "" : "env \(env) ") + command])
        try tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// The screen as text, one string per row (`escapes`: with the SGR sequences of each cell's style).
    func capture(escapes: Bool = false) throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : [])).components(separatedBy: "\n")
    }

    /// Sends keys as tmux names them (`a`, `Space`, `Tab`, `Up`, `q`).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "t"] + keys)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// A pane variable, e.g. `alternate_on`, `pane_dead`, `pane_dead_status`.
    func variable(_ name: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "t", "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Captures every 100 ms until `condition` holds on the screen, or `seconds` pass; the last capture.
    @discardableResult
    func waitFor(_ seconds: Double, escapes: Bool = false, _ condition: ([String]) -> Bool) throws -> [String]? {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            usleep(100_000)
        }
        return nil
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TmuxError(arguments: arguments, status: p.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    struct TmuxError: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var description: String { "tmux \(arguments.joined(separator: " ")) exited \(status)" }
    }
}
