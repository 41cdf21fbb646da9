@testable import Display
import Foundation
import Glibc
import Testing

/// The terminal code run on a real pseudo-terminal: the test holds the master side, as a
/// terminal emulator would, and the display takes the slave side.
@Suite(.serialized) struct TerminalTests {
    final class PseudoTerminal {
        let master: Int32
        let slavePath: String

        init(width: UInt16 = 80, height: UInt16 = 24) throws {
            // posix_openpt, unlockpt and ptsname as their Linux ioctls (Glibc's module lacks them).
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int): <asm-generic/ioctls.h>.
            let lockRequest: UInt = 0x4004_5431, numberRequest: UInt = 0x8004_5430
            var unlock: Int32 = 0, number: UInt32 = 0
            guard master >= 0, ioctl(master, lockRequest, &unlock) == 0, ioctl(master, numberRequest, &number) == 0 else {
                throw TerminalError.cannotOpen(device: "/dev/ptmx", errno: errno)
            }
            slavePath = "/dev/pts/\(number)"
            resize(width: width, height: height)
        }

        deinit { close(master) }

        func resize(width: UInt16, height: UInt16) {
            var ws = winsize(ws_row: height, ws_col: width, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &ws)
        }

        /// Everything the display has written so far.
        func drain() -> [UInt8] {
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, 0) > 0, p.revents & Int16(POLLIN) != 0 else { return out }
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                guard n > 0 else { return out }
                out += buffer[0..<n]
            }
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        /// The slave's line settings now, read through a descriptor of our own.
        func settings() -> termios {
            let fd = open(slavePath, O_RDWR | O_NOCTTY)
            defer { close(fd) }
            var t = termios()
            tcgetattr(fd, &t)
            return t
        }
    }

    @Test func takingTheTerminalAndGivingItBack() throws {
        let pty = try PseudoTerminal(width: 100, height: 30)
        let before = pty.settings()
        let terminal = try Terminal(device: pty.slavePath)
        let raw = pty.settings()
        #expect(raw.c_lflag & tcflag_t(ECHO) == 0)
        #expect(raw.c_lflag & tcflag_t(ICANON) == 0)
        #expect(raw.c_lflag & tcflag_t(ISIG) != 0) // Ctrl-C stays SIGINT, for the host
        let entered = String(decoding: pty.drain(), as: UTF8.self)
        #expect(entered.contains("\u{1B}[?1049h") && entered.contains("\u{1B}[?25l"))
        #expect(terminal.size()! == (100, 30))
        pty.resize(width: 132, height: 43)
        #expect(terminal.size()! == (132, 43)) // read afresh each time

        terminal.restore()
        let after = pty.settings()
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        let left = String(decoding: pty.drain(), as: UTF8.self)
        #expect(left.contains("\u{1B}[?1049l") && left.contains("\u{1B}[?25h"))
        terminal.restore() // a second time: nothing more
        #expect(pty.drain().isEmpty)
    }

    /// Runs `body` in a forked child that runs `before`, then takes the terminal; returns its wait
    /// status, nil if it did not end within 10 s (a child stuck after fork must not hang the suite).
    /// With `holdingStderr`, the child's stderr is the pseudo-terminal too, and held.
    private func child(on pty: PseudoTerminal, holdingStderr: Bool = false, before: () -> Void = {},
                       _ body: @escaping (Terminal?) -> Void) -> Int32? {
        let path = pty.slavePath
        let pid = fork()
        if pid == 0 {
            before()
            if holdingStderr { dup2(open(path, O_RDWR | O_NOCTTY), 2) }
            let terminal = try? Terminal(device: path, holdingStderr: holdingStderr)
            withExtendedLifetime(terminal) { body(terminal) }
            _exit(3)
        }
        var status: Int32 = 0
        for _ in 0..<1000 {
            if waitpid(pid, &status, WNOHANG) == pid { return status }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        return nil
    }

    /// Stands for the Swift runtime's backtracer: the action in place before the terminal was taken.
    private static func exit42OnSIGSEGV() { _ = signal(SIGSEGV) { _ in _exit(42) } }

    @Test func aCrashGivesTheTerminalBackAndStillKillsTheProgram() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let before = pty.settings()
        // A signal sent, not a fault: it kills at once, whatever action was there before.
        let status = child(on: pty, before: Self.exit42OnSIGSEGV) { _ in _ = raise(SIGSEGV) }
        #expect(status.map { $0 & 0x7F } == SIGSEGV) // killed by the signal itself, not an exit
        let written = String(decoding: pty.drain(), as: UTF8.self)
        #expect(written.contains("\u{1B}[?1049h"))     // it had taken the terminal
        #expect(written.hasSuffix("\u{1B}[?1049l"))    // and gave it back on the way down
        #expect(pty.settings().c_lflag == before.c_lflag)
    }

    /// A real fault goes on, once the terminal is back, to the action that was there before (the
    /// backtracer, which tells where the program crashed).
    @Test func aFaultGivesTheTerminalBackThenReachesTheActionBefore() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let before = pty.settings()
        let status = child(on: pty, before: Self.exit42OnSIGSEGV) { _ in
            UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = 1
        }
        #expect(status.map { $0 & 0x7F } == 0 && status.map { ($0 >> 8) & 0xFF } == 42, "wait status \(String(describing: status))")
        let written = String(decoding: pty.drain(), as: UTF8.self)
        #expect(written.hasSuffix("\u{1B}[?1049l"))    // given back before the action before ran
        #expect(pty.settings().c_lflag == before.c_lflag)
    }

    /// The text after the terminal was given back, nil if it never was.
    private func afterLeaving(_ written: String) -> String? {
        written.range(of: "\u{1B}[?1049l", options: .backwards).map { String(written[$0.upperBound...]) }
    }

    /// Lines written to stderr while the terminal is taken do not tear the picture: they come out
    /// once it is given back.
    @Test func stderrWhileTheTerminalIsTakenComesOutAfterIt() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let status = child(on: pty, holdingStderr: true) { terminal in
            _ = write(2, "radar 50/1 silent\n", 18)
            terminal?.restore()
            _ = write(2, "after\n", 6)
            _exit(0)
        }
        #expect(status == 0)
        let written = String(decoding: pty.drain(), as: UTF8.self)
        #expect(written.components(separatedBy: "radar 50/1 silent").count == 2)  // once
        #expect(afterLeaving(written)?.hasPrefix("radar 50/1 silent\r\nafter") == true, "\(written.debugDescription)")
    }

    /// On a crash too, and before the action that was there before (the backtracer) writes its own.
    @Test func stderrHeldAtACrashComesOutBeforeTheBacktrace() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let status = child(on: pty, holdingStderr: true, before: Self.exit42OnSIGSEGV) { _ in
            _ = write(2, "Fatal error: the cause\n", 23)
            UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = 1
        }
        #expect(status.map { ($0 >> 8) & 0xFF } == 42)
        let written = String(decoding: pty.drain(), as: UTF8.self)
        #expect(afterLeaving(written)?.hasPrefix("Fatal error: the cause") == true, "\(written.debugDescription)")
    }

    @Test func anExitWithoutRestoreGivesTheTerminalBack() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let before = pty.settings()
        let status = child(on: pty) { _ in exit(0) } // exit, not _exit: atexit handlers run
        #expect(status == 0)
        #expect(String(decoding: pty.drain(), as: UTF8.self).hasSuffix("\u{1B}[?1049l"))
        #expect(pty.settings().c_lflag == before.c_lflag)
    }

    @Test func aMissingDeviceIsATypedErrorNamingIt() {
        #expect(throws: TerminalError.cannotOpen(device: "/nonexistent/tty", errno: ENOENT)) {
            _ = try Terminal(device: "/nonexistent/tty")
        }
        #expect(throws: TerminalError.settings(device: "/dev/null", call: "tcgetattr", errno: ENOTTY)) {
            _ = try Terminal(device: "/dev/null")
        }
    }

    @Test func theLoopDrawsTakesKeysAndQuits() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let before = pty.settings()
        let terminal = try Terminal(device: pty.slavePath)
        var picture = Fixtures.picture([Fixtures.track(1), Fixtures.track(2), Fixtures.track(3)],
                                       alerts: [Fixtures.alert(track: 2, id: "two")])
        picture.replay = ReplayStatus(speed: 10)
        let display = TerminalDisplay(terminal: terminal, colour: false)
        // Keys typed before the loop starts wait in the terminal: select 1 then 2, acknowledge,
        // faster, an arrow (pan), quit.
        pty.type("jja>\u{1B}[Aq")
        // Read the output as a terminal would, so the display never blocks writing.
        let output = OutputCollector(pty)
        output.start()
        var requests: [DisplayRequest] = []
        display.run(snapshot: { picture }, request: { requests.append($0) }, until: { false })
        output.stop()
        #expect(requests == [.acknowledge(alertID: "two"), .faster, .quit])
        #expect(display.view.selected == 2)
        #expect(display.view.centre != nil) // the up arrow panned
        // What it drew, played on a model terminal: the panes, nothing past the edge, no colour.
        var model = AnsiTerminalModel(width: 80, height: 24)
        model.apply(output.bytes)
        #expect(model.problems.isEmpty)
        #expect((0..<24).contains { model.line($0).contains("CALLSIGN") })
        #expect(!model.sgrs.contains { $0.split(separator: ";").contains { ("30"..."37").contains($0) } })
        // Then it gave the terminal back.
        #expect(String(decoding: output.bytes, as: UTF8.self).hasSuffix("\u{1B}[?1049l"))
        #expect(pty.settings().c_lflag == before.c_lflag)
    }

    @Test func theLoopReturnsWhenTheHostSaysSo() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try Terminal(device: pty.slavePath)
        let display = TerminalDisplay(terminal: terminal, colour: true)
        let output = OutputCollector(pty)
        output.start()
        var draws = 0
        var requests: [DisplayRequest] = []
        display.run(snapshot: { draws += 1; return Fixtures.picture() }, request: { requests.append($0) }, until: { draws >= 2 })
        output.stop()
        #expect(draws == 2)
        #expect(requests.isEmpty)
        #expect(String(decoding: output.bytes, as: UTF8.self).hasSuffix("\u{1B}[?1049l"))
    }
}

/// Reads the master side on a thread of its own until stopped.
final class OutputCollector: @unchecked Sendable {
    private let pty: TerminalTests.PseudoTerminal
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private var running = true
    private var thread: Thread?

    init(_ pty: TerminalTests.PseudoTerminal) { self.pty = pty }

    func start() {
        let t = Thread { [self] in
            while lock.withLock({ running }) {
                let b = pty.drain()
                if b.isEmpty { usleep(5_000) } else { lock.withLock { collected += b } }
            }
        }
        thread = t
        t.start()
    }

    func stop() {
        usleep(20_000)
        lock.withLock { running = false }
        usleep(20_000)
        let rest = pty.drain()
        lock.withLock { collected += rest }
    }

    var bytes: [UInt8] { lock.withLock { collected } }
}
