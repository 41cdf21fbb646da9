/// Latencies in bounded memory, for medians and p99s over a run of any length: log-linear
/// buckets, 16 to each power of two of nanoseconds, so a percentile is within 1/16 (6 %) of the
/// truth, and it is given as its bucket's upper edge (never understated).
public struct LatencyHistogram: Sendable {
    private static let subBuckets = 16
    /// Up to 2⁴⁰ ns; a record is clamped at 10¹² ns (about 17 minutes).
    private var counts = [Int](repeating: 0, count: 38 * 16)
    public private(set) var count = 0
    public private(set) var maximum = 0.0

    public init() {}

    /// Adds one latency, in seconds (negative or NaN counts as 0).
    public mutating func record(_ seconds: Double) {
        let ns = seconds > 0 ? UInt64(min(seconds * 1e9, 1e12)) : 0
        counts[Self.bucket(ns)] += 1
        count += 1
        if seconds > maximum { maximum = seconds }
    }

    /// The latency at or under which a fraction `q` (0…1) of the records fall, in seconds; nil
    /// before the first.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for (i, c) in counts.enumerated() {
            seen += c
            if seen >= rank { return min(Self.upperEdge(i), maximum) }
        }
        return maximum
    }

    static func bucket(_ ns: UInt64) -> Int {
        guard ns >= UInt64(subBuckets) else { return Int(ns) }
        let exponent = 63 - ns.leadingZeroBitCount          // ≥ 4
        let sub = Int(ns >> UInt64(exponent - 4)) & (subBuckets - 1)
        return (exponent - 3) * subBuckets + sub
    }

    /// The largest latency (seconds) of bucket `i`.
    static func upperEdge(_ i: Int) -> Double {
        guard i >= subBuckets else { return Double(i) / 1e9 }
        let exponent = i / subBuckets + 3, sub = i % subBuckets
        let low = UInt64(subBuckets + sub) << UInt64(exponent - 4)
        return Double(low + (UInt64(1) << UInt64(exponent - 4)) - 1) / 1e9
    }
}
