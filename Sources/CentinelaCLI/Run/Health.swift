import LiveSources
import Surveillance

/// What a live run reports about itself: each source's state and counts, the ring, and the core.
/// `line` is the one-line summary written to stderr on every state change and at each log
/// interval; `metrics` the same as Prometheus text exposition (see the README's metric names).
struct Health {
    /// The core's side: what the pipeline has done.
    struct Core {
        var frames = 0
        var duplicates = 0
        var decodeErrors = 0
        /// The same, by source (in the order of the run's sources).
        var sourceDecodeErrors: [Int] = []
        var plots = 0
        /// The same, by source.
        var sourcePlots: [Int] = []
        var liveTracks = 0
        var alertsRaised = 0
    }

    private var lastFrames: [Int]
    private var lastTime: Double

    init(sources: [LiveSource], now: Double) {
        lastFrames = sources.map { _ in 0 }
        lastTime = now
    }

    /// The one-line summary; frames/s over the time since the previous line.
    mutating func line(_ sources: [LiveSource], ring: FrameRing, core: Core, now: Double) -> String {
        let elapsed = max(now - lastTime, 1e-9)
        var parts: [String] = []
        for (i, s) in sources.enumerated() {
            let c = s.counts
            let rate = Double(c.frames - lastFrames[i]) / elapsed
            lastFrames[i] = c.frames
            var p = "\(s.name) \(s.state): \(c.frames) frame(s), \(fixed(rate, 1))/s"
            if c.ringDrops + c.kernelDrops > 0 { p += ", DROPPED \(c.ringDrops) in the ring, \(c.kernelDrops) in the kernel" }
            if c.refused > 0 { p += ", \(c.refused) refused" }
            if c.errors > 0 { p += ", \(c.errors) receive error(s)" }
            if core.sourceDecodeErrors[i] > 0 { p += ", \(core.sourceDecodeErrors[i]) decode error(s)" }
            parts.append(p)
        }
        lastTime = now
        var core = "core: \(core.frames) frame(s), \(core.plots) plot(s), \(core.decodeErrors) decode error(s), "
            + "\(core.liveTracks) live track(s), \(core.alertsRaised) alert(s) raised; ring \(ring.depth)/\(ring.capacity)"
        if ring.dropped > 0 { core += ", \(ring.dropped) dropped" }
        return "run: health: " + (parts + [core]).joined(separator: "; ")
    }

    /// Prometheus text exposition (format 0.0.4) of the same.
    static func metrics(_ sources: [LiveSource], ring: FrameRing, core: Core) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: Int)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for s in samples { out += "\(name)\(s.labels) \(s.value)\n" }
        }
        func perSource(_ value: (LiveSource.Counts) -> Int) -> [(labels: String, value: Int)] {
            sources.map { (label($0), value($0.counts)) }
        }
        family("centinela_source_up", "gauge", "1 while the source is connected (data arriving), else 0.",
               sources.map { (label($0), stateName($0.state) == "connected" ? 1 : 0) })
        family("centinela_source_state", "gauge", "The source's state: 1 on the line of the current one.",
               sources.flatMap { s in allStates.map { ("{source=\"\(s.name)\",state=\"\($0)\"}", stateName(s.state) == $0 ? 1 : 0) } })
        family("centinela_source_frames_total", "counter", "Datagrams (UDP) or data blocks (USB) passed to the core's ring.", perSource(\.frames))
        family("centinela_source_bytes_total", "counter", "Bytes of those frames.", perSource(\.bytes))
        family("centinela_source_ring_drops_total", "counter", "Frames lost because the ring was full.", perSource(\.ringDrops))
        family("centinela_source_kernel_drops_total", "counter", "Datagrams the kernel dropped (socket buffer full).", perSource(\.kernelDrops))
        family("centinela_source_refused_total", "counter", "Datagrams from senders not on the allow-list.", perSource(\.refused))
        family("centinela_source_errors_total", "counter", "Receive errors (UDP) or failed transfers (USB).", perSource(\.errors))
        family("centinela_source_decode_errors_total", "counter", "ASTERIX decode errors in the source's frames.",
               sources.indices.map { (label(sources[$0]), core.sourceDecodeErrors[$0]) })
        family("centinela_ring_depth", "gauge", "Frames waiting for the core.", [("", ring.depth)])
        family("centinela_ring_capacity", "gauge", "Frames the ring holds.", [("", ring.capacity)])
        family("centinela_ring_high_water", "gauge", "The most frames ever waiting at once.", [("", ring.highWater)])
        family("centinela_frames_total", "counter", "Frames the core has processed.", [("", core.frames)])
        family("centinela_duplicates_total", "counter", "Frames dropped as second-LAN duplicates.", [("", core.duplicates)])
        family("centinela_decode_errors_total", "counter", "ASTERIX decode errors, every source's.", [("", core.decodeErrors)])
        family("centinela_plots_total", "counter", "Plots decoded and offered to the tracker.", [("", core.plots)])
        family("centinela_tracks_live", "gauge", "Live system tracks.", [("", core.liveTracks)])
        family("centinela_alerts_raised_total", "counter", "Suspect-profile alerts raised.", [("", core.alertsRaised)])
        return out
    }

    static let allStates = ["starting", "connected", "silent", "lost", "reconnecting", "stopped"]

    /// The state's one-word name, as the metrics label it.
    static func stateName(_ state: SourceState) -> String {
        switch state {
        case .starting: "starting"
        case .connected: "connected"
        case .silent: "silent"
        case .lost: "lost"
        case .reconnecting: "reconnecting"
        case .stopped: "stopped"
        }
    }

    private static func label(_ s: LiveSource) -> String { "{source=\"\(s.name)\"}" }
}
