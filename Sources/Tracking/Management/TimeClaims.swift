/// Batches of plots dated far from the tracker's data clock, or sent before it has one, held
/// until the time they claim is confirmed.
///
/// One corrupt plot, or one radar whose clock is hours out, must not move the picture's time: if
/// it did, every track would end and every correct plot after it would be refused as late. A
/// genuine change must still be followed: a recording resumed hours later, a recorder restarted
/// with every radar's time hours earlier. So such batches are held as a claim of their time; the
/// time is believed once plots from two radars claim it, or one radar keeps claiming it over a
/// span of its own time, and the claim's batches are then tracked in order (nothing is lost). The
/// tracker refuses every claim when a plot of the present comes. Before its first time there is
/// no present: the first plots are a claim like any other, so a first plot hours off the others
/// cannot set the clock.
///
/// Two claims are kept, so that two times that disagree (a wild plot, then the true time) do not
/// refuse each other before either can be confirmed; a third evicts the one claimed least
/// recently.
struct TimeClaims {
    /// One claimed time: batches whose plots agree within the window.
    struct Claim {
        private(set) var batches: [[PlacedPlot]] = []
        /// Plots held, in all batches.
        private(set) var count = 0
        private var firstSensor = -1
        private var severalSensors = false
        /// The earliest and latest plot times the claim was given, held or not.
        private(set) var earliest = Double.infinity
        private(set) var latest = -Double.infinity

        /// Whether every plot of `batch` is within `window` seconds of the latest held.
        func agrees(with batch: [PlacedPlot], window: Double) -> Bool {
            batch.allSatisfy { abs($0.time - latest) <= window }
        }

        /// Adds a batch; past `limit` plots the oldest batches go. Returns the plots that went.
        /// What the claim has shown (its radars, the span of its times) counts every plot it
        /// was given: a single radar dense enough to pass the limit within `span` seconds would
        /// otherwise never show the span, and never be believed.
        mutating func add(_ batch: [PlacedPlot], limit: Int) -> Int {
            for p in batch {
                if firstSensor < 0 { firstSensor = p.sensor } else if p.sensor != firstSensor { severalSensors = true }
                earliest = min(earliest, p.time)
                latest = max(latest, p.time)
            }
            batches.append(batch)
            count += batch.count
            var refused = 0
            while count > limit, batches.count > 1 {
                let oldest = batches.removeFirst().count
                count -= oldest
                refused += oldest
            }
            return refused
        }

        /// Claimed by two radars, or by one over `span` seconds.
        func isConfirmed(span: Double) -> Bool {
            count > 0 && (severalSensors || latest - earliest >= span)
        }
    }

    /// Plots refused from a claim: how many, and the latest time they claimed (which tells a
    /// late claim from a future one).
    struct Refused {
        var time: Double
        var plots: Int
    }

    private(set) var claims: [Claim] = []

    /// Plots held, in all claims.
    var count: Int { claims.reduce(0) { $0 + $1.count } }

    /// Holds a batch whose plots all lie within `window` seconds of each other, off the clock:
    /// with the claim it agrees with, else as a new claim (evicting the claim whose latest plot
    /// is oldest when two are held). At most `limit` plots a claim (past it the claim's oldest
    /// batch goes). Returns what was refused to make room.
    mutating func hold(_ batch: [PlacedPlot], window: Double, limit: Int) -> [Refused] {
        var refused: [Refused] = []
        if let i = claims.firstIndex(where: { $0.agrees(with: batch, window: window) }) {
            let latest = claims[i].latest
            let n = claims[i].add(batch, limit: limit)
            if n > 0 { refused.append(Refused(time: latest, plots: n)) }
            return refused
        }
        if claims.count == 2, let stalest = claims.indices.min(by: { claims[$0].latest < claims[$1].latest }) {
            refused.append(Refused(time: claims[stalest].latest, plots: claims[stalest].count))
            claims.remove(at: stalest)
        }
        var claim = Claim()
        let n = claim.add(batch, limit: limit)
        if n > 0 { refused.append(Refused(time: claim.latest, plots: n)) }
        claims.append(claim)
        return refused
    }

    /// The first confirmed claim, taken out with every other claim refused; nil when none is.
    mutating func releaseConfirmed(span: Double) -> (claim: Claim, refused: [Refused])? {
        guard let i = claims.firstIndex(where: { $0.isConfirmed(span: span) }) else { return nil }
        let claim = claims.remove(at: i)
        return (claim, refuseAll())
    }

    /// Empties the claims, returning what they held.
    mutating func refuseAll() -> [Refused] {
        defer { claims.removeAll() }
        return claims.map { Refused(time: $0.latest, plots: $0.count) }
    }
}
