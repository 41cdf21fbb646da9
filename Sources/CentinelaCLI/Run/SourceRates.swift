import Display
import LiveSources
import Surveillance

/// A live run's sources as the display's status line shows them: state, rate, drops, errors.
struct SourceRates {
    private var last: (time: Double, frames: [Int])
    private var rates: [Double]

    init(sources: [LiveSource]) {
        last = (HostClock.monotonic(), sources.map { _ in 0 })
        rates = sources.map { _ in 0 }
    }

    /// Rates over the time since the previous call (at least half a second apart; sooner returns
    /// the previous rates).
    mutating func statuses(_ sources: [LiveSource], now: Double) -> [SourceStatus] {
        let counts = sources.map(\.counts)
        if now - last.time >= 0.5 {
            rates = zip(counts, last.frames).map { Double($0.frames - $1) / (now - last.time) }
            last = (now, counts.map(\.frames))
        }
        return zip(sources, zip(counts, rates)).map { s, cr in
            SourceStatus(name: s.name, state: Health.stateName(s.state), plotsPerSecond: cr.1,
                         drops: cr.0.ringDrops + cr.0.kernelDrops, decodeErrors: 0)
        }
    }
}
