/// Batches of plots dated too far ahead of the tracker's data clock, held until the time they
/// claim is confirmed.
///
/// One corrupt plot, or one radar whose clock is hours out, must not move the picture's time: if
/// it did, every track would end and every correct plot after it would be refused as late. A
/// genuine jump (a recording resumed hours later, a clock put right) must still be followed. So
/// such a batch is held; the new time is believed once plots from two radars claim it, or one
/// radar keeps claiming it over a span of its own time, and then the held batches are tracked in
/// order (nothing is lost). A plot of the present, or a claim that disagrees with the held ones,
/// refuses what is held.
struct FuturePlotHold {
    private(set) var batches: [[PlacedPlot]] = []
    /// Plots held, in all batches.
    private(set) var count = 0
    private var firstSensor = -1
    private var severalSensors = false
    private var earliest = Double.infinity
    private var latest = -Double.infinity

    /// Holds a batch whose plots are all ahead of the data clock. A batch that disagrees with
    /// the held ones by more than `window` seconds refuses them first (two claims hours apart
    /// confirm nothing); past `limit` plots the oldest batches are refused. Returns the number of
    /// plots refused.
    mutating func hold(_ batch: [PlacedPlot], window: Double, limit: Int) -> Int {
        var refused = 0
        if count > 0, batch.contains(where: { abs($0.time - latest) > window }) {
            refused += count
            self = FuturePlotHold()
        }
        batches.append(batch)
        count += batch.count
        while count > limit, batches.count > 1 {
            let oldest = batches.removeFirst().count
            count -= oldest
            refused += oldest
        }
        firstSensor = -1
        severalSensors = false
        earliest = .infinity
        latest = -.infinity
        for p in batches.joined() {
            if firstSensor < 0 { firstSensor = p.sensor } else if p.sensor != firstSensor { severalSensors = true }
            earliest = min(earliest, p.time)
            latest = max(latest, p.time)
        }
        return refused
    }

    /// Whether the held time is confirmed: claimed by two radars, or by one over `span` seconds.
    func isConfirmed(span: Double) -> Bool {
        count > 0 && (severalSensors || latest - earliest >= span)
    }

    /// Empties the hold, returning its batches oldest first.
    mutating func release() -> [[PlacedPlot]] {
        defer { self = FuturePlotHold() }
        return batches
    }
}
