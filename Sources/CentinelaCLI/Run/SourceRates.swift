import Display
import LiveSources
import Surveillance

/// A live run's sources as the display's status line shows them: state, plots/s, drops, errors.
struct SourceRates {
    private var last: (time: Double, plots: [Int])
    private var rates: [Double]

    init(sources: Int) {
        last = (HostClock.monotonic(), Array(repeating: 0, count: sources))
        rates = Array(repeating: 0, count: sources)
    }

    /// Plots/s over the time since the rates were last worked out (at least half a second before;
    /// sooner, the previous rates).
    mutating func statuses(_ sources: [LiveSource], core: Health.Core, now: Double) -> [SourceStatus] {
        if now - last.time >= 0.5 {
            rates = zip(core.sourcePlots, last.plots).map { Double($0 - $1) / (now - last.time) }
            last = (now, core.sourcePlots)
        }
        return sources.indices.map { i in
            let c = sources[i].counts
            return SourceStatus(name: sources[i].name, state: Health.stateName(sources[i].state), plotsPerSecond: rates[i],
                                drops: c.ringDrops + c.kernelDrops, decodeErrors: core.sourceDecodeErrors[i])
        }
    }
}
