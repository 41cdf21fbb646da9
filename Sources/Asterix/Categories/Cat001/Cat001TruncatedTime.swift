extension Cat001Record {
    /// I001/141 Truncated Time of Day: the 16 least significant bits of the UTC time of day in
    /// 1/128 s, so it repeats every 512 s.
    ///
    /// Expanding it needs a full time of day known to lie near the plot's, within ±256 s: the
    /// I002/030 of the last north-marker or sector message from the same radar (CAT002 travels
    /// with CAT001), or the time the block was received (the GPS recorder's postfix).
    /// `timeOfDay(near:)` picks, among the times of day whose low 16 bits are `raw`, the one
    /// nearest to the reference (the nearest valid one when none lies within ±256 s), looking at
    /// the reference's day and the days either side, so a plot just after midnight expands
    /// correctly from a north marker just before it (a day is not a whole number of 512-s
    /// periods: 86,400 s = 168.75 × 512 s).
    public struct TruncatedTime: Sendable, Hashable {
        public var raw: UInt16
        public init(raw: UInt16) { self.raw = raw }

        /// Seconds within the current 512-s period.
        public var seconds: Double { Double(raw) / 128 }

        /// The full time of day nearest to `reference` whose 16 low bits are `raw`.
        public func timeOfDay(near reference: TimeOfDay) -> TimeOfDay {
            let day = Int(TimeOfDay.ticksPerDay)
            let ref = Int(reference.ticks) % day
            let r = Int(raw)
            /// The time ≡ raw (mod 2¹⁶) nearest to x, on the unbounded tick line.
            func nearest(_ x: Int) -> Int {
                var d = (r - x) & 0xFFFF
                if d >= 0x8000 { d -= 0x1_0000 }
                return x + d
            }
            var best = 0
            var bestDistance = Int.max
            // Candidates on the reference's day, the next day and the previous one, each expressed
            // on the reference's day line, one period either side too; only times within their
            // own day count. Some candidate is always valid: the span searched on the reference's
            // own day is wider than a period.
            for shift in [0, day, -day] {
                let centre = nearest(ref - shift)
                for t in [centre, centre - 0x1_0000, centre + 0x1_0000] where t >= 0 && t < day {
                    let distance = abs(t + shift - ref)
                    if distance < bestDistance {
                        bestDistance = distance
                        best = t
                    }
                }
            }
            return TimeOfDay(ticks: UInt32(best))
        }
    }
}
