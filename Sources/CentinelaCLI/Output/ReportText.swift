import Simulation
import Surveillance

/// The session report as text for people.
enum ReportText {
    static func render(_ report: SessionReport) -> String {
        var out = ""
        for r in report.radars {
            out += "radar \(r.sensor): \(r.scans) scans\n"
            let psrRate = r.visible > 0 ? Double(r.psrHits) / Double(r.visible) : .nan
            let expected = r.visible > 0 ? r.psrExpected / Double(r.visible) : .nan
            out += "  in sight: \(r.visible) crossings; PSR plots \(r.psrHits) (\(percent(psrRate)), model \(percent(expected)))"
            let ssrRate = r.ssrChances > 0 ? Double(r.ssrHits) / Double(r.ssrChances) : .nan
            out += "; SSR replies \(r.ssrHits) of \(r.ssrChances) (\(percent(ssrRate)), set \(percent(r.ssrProbability)))\n"
            out += "  range error: mean \(fixed(r.rangeErrors.mean, 1)) m, σ \(fixed(r.rangeErrors.standardDeviation, 1)) m (set \(fixed(r.rangeSigma, 1)))"
            out += "; azimuth error: mean \(fixed(r.azimuthErrors.mean, 3))°, σ \(fixed(r.azimuthErrors.standardDeviation, 3))° (set \(fixed(r.azimuthSigma, 3)))\n"
            let perScan = r.scans > 0 ? Double(r.falsePlots) / Double(r.scans) : .nan
            out += "  false plots: \(fixed(perScan, 2)) a scan (set \(fixed(r.falsePlotsPerScan, 2)))\n"
        }
        for f in report.flights {
            out += "flight \(f.id) (\(f.label)): \(f.plots) plots"
            if let t = f.firstSeen, let range = f.firstSeenRange {
                out += ", first seen at \(fixed(t, 1)) s, \(fixed(range / 1000, 1)) km out"
                if let h = f.horizonAtFirstSeen { out += " (4/3-earth horizon for its height \(fixed(h / 1000, 1)) km)" }
            } else {
                out += ", never seen"
            }
            out += "; longest gap \(fixed(f.longestGap, 1)) s"
            if let low = f.lowestAboveGround, let at = f.lowestAt {
                out += low < 0 ? "; BELOW THE GROUND by \(fixed(-low, 0)) m at \(fixed(at, 0)) s: the route flies into the terrain"
                    : "; lowest \(fixed(low, 0)) m above the ground"
            }
            out += "\n"
        }
        return out
    }

    static func percent(_ x: Double) -> String { x.isFinite ? fixed(x * 100, 1) + " %" : "-" }
}
