import Pipeline
import Testing

@Suite struct LatencyHistogramTests {
    @Test func percentilesOfAKnownSpreadAreWithinABucketAndNeverUnderstated() {
        var h = LatencyHistogram()
        #expect(h.quantile(0.5) == nil)
        // 1 µs … 10 ms in 1 µs steps: the median is 5,000 µs, the p99 9,900 µs.
        for us in 1...10_000 { h.record(Double(us) * 1e-6) }
        #expect(h.count == 10_000 && h.maximum == 0.01)
        for (q, exact) in [(0.5, 5e-3), (0.99, 9.9e-3), (1.0, 1e-2)] {
            let v = try! #require(h.quantile(q))
            #expect(v >= exact && v <= exact * 1.0625, "q \(q): \(v)")
        }
        #expect(h.quantile(0)! >= 1e-6 && h.quantile(0)! <= 1.0625e-6)
    }

    @Test func outOfRangeValuesAreCountedNotLost() {
        var h = LatencyHistogram()
        h.record(-1)
        h.record(.nan)
        h.record(3_600)   // an hour: clamped into the last bucket, still counted, still the maximum
        h.record(2e-9)
        #expect(h.count == 4 && h.maximum == 3_600)
        #expect(h.quantile(0.5)! <= 2e-9)
        #expect(h.quantile(1)! >= 999)
    }
}
