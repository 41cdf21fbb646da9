#if canImport(Glibc)
import Glibc
#endif

/// Gives the terminal back if the program dies of a fatal signal or exits without calling
/// `Terminal.restore()`: the handler does only async-signal-safe things (write(2) of bytes
/// prepared beforehand, tcsetattr(3), sigaction(2)), then lets the program die of the signal.
/// A fault (a bad pointer, Swift's trap on a failed check) is handed to the action that was there
/// before, the Swift runtime's backtracer, so the crash still says where it happened. A signal sent
/// by kill(2) or raise(3) gets the default action instead, as the backtracer would let the program
/// run on after printing. SIGINT and SIGTERM are left to the host.
enum FatalSignalRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Prepared before any handler is installed, read by the handler: plain memory, no Swift
    /// runtime calls on that path.
    private struct Saved {
        var fd: Int32 = -1
        var settings = termios()
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var armed: Int32 = 0
        /// While stderr is held: the real stderr (a duplicate), the file that holds what was
        /// written, its path, and a buffer to copy it with.
        var stderr: Int32 = -1
        var held: Int32 = -1
        var heldPath: UnsafeMutablePointer<CChar>?
        var buffer: UnsafeMutableRawPointer?
    }
    static let bufferSize = 1 << 16
    nonisolated(unsafe) private static let saved: UnsafeMutablePointer<Saved> = {
        let p = UnsafeMutablePointer<Saved>.allocate(capacity: 1)
        p.initialize(to: Saved())
        return p
    }()
    nonisolated(unsafe) private static var atexitRegistered = false
    /// The actions in place before ours (the Swift runtime's backtracer, say), indexed by signal
    /// number, read by the handler and put back by `uninstall`: plain memory, like `saved`.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
        p.initialize(repeating: sigaction(), count: 32)
        return p
    }()
    nonisolated(unsafe) private static var installed = false

    static func install(fd: Int32, saved settings: termios, bytes: [UInt8]) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        copy.initialize(from: bytes, count: bytes.count)
        let s = saved
        s.pointee.fd = fd
        s.pointee.settings = settings
        s.pointee.bytes = copy
        s.pointee.count = bytes.count
        s.pointee.armed = 1
        // Once: a second install would take our own handler for the one before it.
        guard !installed else { return }
        installed = true
        _ = previous  // made now, not first in a handler
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in
            FatalSignalRestore.restoreNow()
            // si_code > 0: the kernel's report of a fault. Returning runs the faulting instruction
            // again, under the action put back. A trap (SIGTRAP) would not fault again.
            if let info, info.pointee.si_code > 0, signal != SIGTRAP {
                sigaction(signal, FatalSignalRestore.previous + Int(signal), nil)
            } else {
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | Int32(bitPattern: UInt32(SA_RESETHAND))
        for sig in signals { sigaction(sig, &action, previous + Int(sig)) }
        if !atexitRegistered {
            atexitRegistered = true
            atexit { FatalSignalRestore.restoreNow() }
        }
    }

    /// While the display owns the terminal, lines written to stderr (state changes, warnings)
    /// would tear the picture: they go to a file instead, and `restoreNow` copies them to the real
    /// stderr, on a crash too, before the backtrace. Nothing is held unless stderr is a terminal
    /// (the display's, then) and the file can be made. Call after `install`.
    static func holdStderr() {
        let s = saved
        guard s.pointee.armed == 1, s.pointee.held < 0, isatty(2) == 1 else { return }
        var template = Array("/tmp/centinela-display-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        let path = UnsafeMutablePointer<CChar>.allocate(capacity: template.count)
        path.initialize(from: template, count: template.count)
        if s.pointee.buffer == nil { s.pointee.buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16) }
        s.pointee.stderr = dup(2)
        s.pointee.held = file
        s.pointee.heldPath = path
        dup2(file, 2)
    }

    /// Writes the restore bytes and the saved settings, then gives stderr back with what it held;
    /// once, later calls do nothing. Async-signal-safe calls only.
    static func restoreNow() {
        let s = saved
        guard s.pointee.armed == 1 else { return }
        s.pointee.armed = 0
        if let bytes = s.pointee.bytes { _ = write(s.pointee.fd, bytes, s.pointee.count) }
        _ = tcsetattr(s.pointee.fd, TCSANOW, &s.pointee.settings)
        guard s.pointee.held >= 0, let buffer = s.pointee.buffer else { return }
        dup2(s.pointee.stderr, 2)
        close(s.pointee.stderr)
        lseek(s.pointee.held, 0, SEEK_SET)
        while case let n = read(s.pointee.held, buffer, bufferSize), n > 0 { _ = write(2, buffer, n) }
        close(s.pointee.held)
        if let path = s.pointee.heldPath { unlink(path) }
        s.pointee.held = -1
        s.pointee.stderr = -1
    }

    /// Back to the actions that were there before, once the terminal is restored.
    static func uninstall() {
        guard installed else { return }
        installed = false
        for sig in signals { sigaction(sig, previous + Int(sig), nil) }
    }
}
