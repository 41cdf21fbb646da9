#if canImport(Glibc)
import Glibc
#endif

/// Why the display could not take the terminal.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// The terminal device could not be opened: for `/dev/tty`, the program has no controlling
    /// terminal (run it in one, or without `--display`).
    case cannotOpen(device: String, errno: Int32)
    /// The terminal's settings could not be read or changed.
    case settings(device: String, call: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotOpen(let device, let e):
            "display: cannot open \(device) (\(String(cString: strerror(e)))): run in a terminal, or without --display"
        case .settings(let device, let call, let e):
            "display: \(call) on \(device) failed (\(String(cString: strerror(e))))"
        }
    }
}

/// The controlling terminal, taken over for the display: no echo, no line editing (but ISIG kept,
/// so Ctrl-C still sends SIGINT to the host), the alternate screen, the cursor hidden, line
/// wrapping off. `restore()` gives it back as it was, and runs too at exit and on a fatal signal.
/// SIGINT and SIGTERM are the host's: it calls `restore()` on its way out.
public final class Terminal {
    let fd: Int32
    private var restored = false

    /// Switch to the alternate screen, hide the cursor, stop line wrapping, clear.
    static let enterBytes = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[0m\u{1B}[2J".utf8)
    /// Reset the style, wrap lines again, show the cursor, leave the alternate screen.
    static let leaveBytes = Array("\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// Takes the terminal at `device`: the controlling terminal unless a test hands it a pseudo-terminal.
    /// With `holdingStderr`, what is written to stderr while the terminal is taken, when stderr is
    /// a terminal, goes to a file and out to stderr when the terminal is given back (at exit and
    /// on a crash too).
    public init(device: String = "/dev/tty", holdingStderr: Bool = false) throws(TerminalError) {
        let fd = open(device, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(device: device, errno: errno) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else {
            let e = errno
            close(fd)
            throw .settings(device: device, call: "tcgetattr", errno: e)
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else {
            let e = errno
            close(fd)
            throw .settings(device: device, call: "tcsetattr", errno: e)
        }
        self.fd = fd
        FatalSignalRestore.install(fd: fd, saved: saved, bytes: Self.leaveBytes)
        if holdingStderr { FatalSignalRestore.holdStderr() }
        write(Self.enterBytes)
    }

    deinit { restore() }

    /// Columns and rows now, from TIOCGWINSZ; nil if the terminal does not say.
    public func size() -> (width: Int, height: Int)? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// Writes all of `bytes`, retrying after interruptions and short writes; gives up quietly if the
    /// terminal is gone (a hung-up SSH session must not kill the tracker).
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { _ = poll(nil, 0, 10); continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Waits up to `milliseconds` for input and returns what is there (empty on timeout).
    public func read(waiting milliseconds: Int32) -> [UInt8] {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, max(0, milliseconds)) > 0 else { return [] }
        guard p.revents & Int16(POLLIN) != 0 else {
            _ = poll(nil, 0, max(0, milliseconds)) // hung up: wait out the time rather than spin
            return []
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(buffer[0..<n]) : []
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        FatalSignalRestore.restoreNow()
        FatalSignalRestore.uninstall()
        close(fd)
    }
}
