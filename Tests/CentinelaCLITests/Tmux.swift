import Foundation
import Glibc

/// A real terminal for the display's tests: a tmux server of the test's own (its own socket), one
/// window of a given size running one command; keys sent, the screen captured as text.
final class Tmux {
    private let socket = "centinela-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Starts `command` (run by sh, in the package root) in a `width`×`height` window. The shell
    /// then writes `[exited N]`, and the pane stays, so the exit status and last words can be read.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        let env = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", "-c", Centinela.packageRoot,
                  (env.isEmpty ? "" : "env \(env) ") + command + "; echo \"[exited $?]\""], output: false)
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

    /// The command's exit status once it has exited (128 + N for signal N); nil before.
    var exitStatus: Int32? {
        guard let line = (try? capture())?.last(where: { $0.hasPrefix("[exited ") }) else { return nil }
        return Int32(line.dropFirst(8).prefix { $0.isNumber })
    }

    /// The command's process: the pane's shell's child.
    func commandPID() throws -> pid_t? {
        let shell = try variable("pane_pid")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children.split(separator: " ").first.flatMap { pid_t($0) }
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

    /// Runs tmux and waits for it with posix_spawn and waitpid: Foundation's `Process` never saw
    /// the client of `new-session` exit here (its server is forked from it and lives on).
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
        let args = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TmuxError(arguments: arguments, status: -1) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            // The server this may start outlives the call: it must not hold our pipe open.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's threads block signals, and a blocked mask is inherited down to the
        // command: then the SIGHUP of `kill-server` would not end a command a failed test left.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for s in [SIGHUP, SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw TmuxError(arguments: arguments, status: -1) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while output {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status >> 8) & 0xFF
        guard status & 0x7F == 0, code == 0 else { throw TmuxError(arguments: arguments, status: code) }
        return String(decoding: data, as: UTF8.self)
    }

    struct TmuxError: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var description: String { "tmux \(arguments.joined(separator: " ")) exited \(status)" }
    }
}
