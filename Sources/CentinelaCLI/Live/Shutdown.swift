import Glibc
import Synchronization

/// SIGINT and SIGTERM ask a live command to stop: the handler only sets a flag, which the
/// command's loop reads, so it stops its sources, drains, flushes and exits 0 on its own terms.
enum Shutdown {
    private static let flag = Atomic<Int32>(0)

    /// The signal that asked to stop, or nil.
    static var requested: Int32? {
        let s = flag.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for s in [SIGINT, SIGTERM] {
            signal(s) { Shutdown.flag.store($0, ordering: .relaxed) }
            sigaddset(&unblock, s)
        }
        // A parent may have started us with them blocked (a test runner's worker thread does):
        // then a stop request would never arrive.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
