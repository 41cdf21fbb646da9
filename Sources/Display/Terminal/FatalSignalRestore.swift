#if canImport(Glibc)
import Glibc
#endif

/// Gives the terminal back if the program dies of a fatal signal or exits without calling
/// `Terminal.restore()`: the handler does only async-signal-safe things (write(2) of bytes
/// prepared beforehand, tcsetattr(3)), then re-raises the signal with its default action so the
/// program still dies of it (and dumps core where it would have). SIGINT and SIGTERM are left to
/// the host.
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
    }
    nonisolated(unsafe) private static let saved: UnsafeMutablePointer<Saved> = {
        let p = UnsafeMutablePointer<Saved>.allocate(capacity: 1)
        p.initialize(to: Saved())
        return p
    }()
    nonisolated(unsafe) private static var atexitRegistered = false
    /// The actions in place before ours (the Swift runtime's backtracer, say), put back by `uninstall`.
    nonisolated(unsafe) private static var previous: [sigaction] = []

    static func install(fd: Int32, saved settings: termios, bytes: [UInt8]) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        copy.initialize(from: bytes, count: bytes.count)
        let s = saved
        s.pointee.fd = fd
        s.pointee.settings = settings
        s.pointee.bytes = copy
        s.pointee.count = bytes.count
        s.pointee.armed = 1
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            FatalSignalRestore.restoreNow()
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
        previous = signals.map { sig in
            var old = sigaction()
            sigaction(sig, &action, &old)
            return old
        }
        if !atexitRegistered {
            atexitRegistered = true
            atexit { FatalSignalRestore.restoreNow() }
        }
    }

    /// Writes the restore bytes and the saved settings once; later calls do nothing.
    static func restoreNow() {
        let s = saved
        guard s.pointee.armed == 1 else { return }
        s.pointee.armed = 0
        if let bytes = s.pointee.bytes { _ = write(s.pointee.fd, bytes, s.pointee.count) }
        _ = tcsetattr(s.pointee.fd, TCSANOW, &s.pointee.settings)
    }

    /// Back to the actions that were there before, once the terminal is restored.
    static func uninstall() {
        for (sig, old) in zip(signals, previous) {
            var old = old
            sigaction(sig, &old, nil)
        }
        previous = []
    }
}
