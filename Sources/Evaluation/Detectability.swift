import Geodesy

/// When each flight could have been tracked: a flight is detectable at t when a plot fell
/// near it within the last `detectionWindow` seconds. A flight below every radar's horizon or on
/// the ground draws no plots, so it is neither a missed target in GOSPA nor a track break.
struct Detectability {
    /// Per flight, session seconds of the plots that fell near it, in time order.
    private let seen: [[Double]]
    private var cursors: [Int]
    private let window: Double

    init(paths: [FlightPath], plots: [PlotSighting], start: Double, plane: StereographicPlane,
         settings: EvaluationSettings) {
        struct Located { var t: Double; var x: Double; var y: Double; var radius: Double }
        let located = plots.map { plot in
            let p = plane.point(from: GeodeticPosition(latitude: plot.latitude, longitude: plot.longitude))
            return Located(t: plot.time - start, x: p.x, y: p.y,
                           radius: max(settings.detectionRadius, settings.detectionSigmas * plot.sigma))
        }.filter { $0.x.isFinite && $0.y.isFinite && $0.t.isFinite }.sorted { $0.t < $1.t }

        var seen: [[Double]] = []
        for path in paths {
            var times: [Double] = []
            guard let first = path.times.first, let last = path.times.last else { seen.append(times); continue }
            // The plots inside the flight's life: a binary search for the first, then in order.
            var low = 0, high = located.count
            while low < high {
                let mid = (low + high) / 2
                if located[mid].t < first { low = mid + 1 } else { high = mid }
            }
            var cursor = 0
            for plot in located[low...] {
                guard plot.t <= last else { break }
                guard let at = path.position(at: plot.t, cursor: &cursor) else { continue }
                let dx = at.point.x - plot.x, dy = at.point.y - plot.y
                if dx * dx + dy * dy <= plot.radius * plot.radius { times.append(plot.t) }
            }
            seen.append(times)
        }
        self.seen = seen
        cursors = Array(repeating: 0, count: paths.count)
        window = settings.detectionWindow
    }

    /// Whether `flight` drew a plot in (t − window, t]. Call with growing `t`.
    mutating func isDetectable(_ flight: Int, at t: Double) -> Bool {
        let times = seen[flight]
        var i = cursors[flight]
        // Advance to the first plot after t; the one before it is the latest at or before t.
        while i < times.count, times[i] <= t { i += 1 }
        cursors[flight] = i
        return i > 0 && times[i - 1] > t - window
    }
}
