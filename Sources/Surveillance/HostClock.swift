#if canImport(Glibc)
import Glibc
#endif

/// The two clocks the shell reads (the core reads none: its time comes from the data).
public enum HostClock {
    /// Seconds on a clock that only moves forward: for durations and pacing.
    public static func monotonic() -> Double { read(CLOCK_MONOTONIC) }

    /// UTC seconds since 1970 now: for receive times when the kernel gives none.
    public static func utcNow() -> Double { read(CLOCK_REALTIME) }

    private static func read(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
