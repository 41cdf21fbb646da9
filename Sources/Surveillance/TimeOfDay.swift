/// UTC time of day as ASTERIX carries it: a count of 1/128 s since midnight, wrapping at 24 h.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let ticksPerSecond: UInt32 = 128
    public static let ticksPerDay: UInt32 = 86_400 * 128

    /// 1/128 s since midnight; a raw 24-bit ASTERIX value may exceed one day on a faulty feed,
    /// so this is not reduced here.
    public var ticks: UInt32

    public init(ticks: UInt32) { self.ticks = ticks }

    public init(seconds: Double) {
        self.ticks = UInt32((seconds * 128).rounded())
    }

    public var seconds: Double { Double(ticks) / 128 }

    /// The signed difference `self - earlier` in seconds, taking the shorter way round midnight,
    /// so a plot at 00:00:01 follows one at 23:59:59 by 2 s.
    public func seconds(since earlier: TimeOfDay) -> Double {
        let day = Int64(Self.ticksPerDay)
        var d = (Int64(ticks) - Int64(earlier.ticks)) % day
        if d > day / 2 { d -= day }
        if d < -day / 2 { d += day }
        return Double(d) / 128
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.ticks < b.ticks }

    /// UTC seconds since 1970 of this time of day on the day that puts it nearest `reference`
    /// (a receive or capture time, UTC seconds since 1970): a plot stamped 23:59:59 and received
    /// at 00:00:01 belongs to the day before. A time of day more than 12 h from the reference
    /// lands on the other side of it; callers that care compare the result with the reference.
    public func utc(near reference: Double) -> Double {
        let day = 86_400.0
        let midnight = (reference / day).rounded(.down) * day
        let candidate = midnight + seconds
        let d = candidate - reference
        if d > day / 2 { return candidate - day }
        if d < -day / 2 { return candidate + day }
        return candidate
    }

    /// `hh:mm:ss.sss`
    public var description: String {
        let ms = Int((Double(ticks) * 1000 / 128).rounded())
        let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000
        func pad(_ v: Int, _ n: Int) -> String {
            let t = String(v)
            return String(repeating: "0", count: max(0, n - t.count)) + t
        }
        return "\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(f, 3))"
    }
}
