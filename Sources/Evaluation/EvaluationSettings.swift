import Geodesy

/// How tracks are measured against truth. The defaults suit the shipped sessions and match the
/// Stone Soup comparison of issue 4 (GOSPA p = 1, c = 1000 m, α = 2).
public struct EvaluationSettings: Sendable, Equatable {
    /// Seconds between evaluation instants, over the truth's span.
    public var step: Double = 1
    /// GOSPA/OSPA order p (≥ 1).
    public var p: Double = 1
    /// GOSPA/OSPA cut-off c, metres. Also the association distance of the continuity measures:
    /// a track farther than c from a flight never follows it.
    public var cutoff: Double = 1000
    /// A track whose latest update is older than this, seconds, is out of the picture.
    public var staleness: Double = 30
    /// A flight is detectable while a located plot fell near it within this many seconds: about
    /// two scans of the slowest radar (12 s in the demo session).
    public var detectionWindow: Double = 25
    /// A plot is "near" a flight within max(this, `detectionSigmas` × the plot's σ), metres.
    public var detectionRadius: Double = 1000
    public var detectionSigmas: Double = 5
    /// For continuity (breaks, switches, completeness, latency, error), a flight keeps its track
    /// unless another is nearer by more than this, metres; 0 takes GOSPA's assignment as it is.
    /// Two aircraft crossing within the radars' noise would otherwise swap tracks on paper at
    /// every instant. GOSPA and OSPA always use the optimal assignment.
    public var hysteresis: Double = 500
    /// A confirmed track assigned to a flight for less than this fraction of its instants in the
    /// picture is a false track.
    public var falseTrackFraction: Double = 0.5
    /// Centre of the plane distances are measured in; nil: the mean position of the truth. Give
    /// the tracker's system centre so track velocities (in its plane) extrapolate without the
    /// small rotation between two planes' norths.
    public var centre: GeodeticPosition?

    public init() {}

    /// The first setting that cannot work, with its value.
    func validated() throws(EvaluationError) {
        func check(_ ok: Bool, _ name: String, _ value: Double) throws(EvaluationError) {
            guard ok else { throw .badSetting(name: name, value: value) }
        }
        try check(step > 0 && step.isFinite, "step", step)
        try check(p >= 1 && p.isFinite, "p", p)
        try check(cutoff > 0 && cutoff.isFinite, "cutoff", cutoff)
        try check(staleness >= 0 && staleness.isFinite, "staleness", staleness)
        try check(detectionWindow > 0 && detectionWindow.isFinite, "detection_window", detectionWindow)
        try check(detectionRadius >= 0 && detectionRadius.isFinite, "detection_radius", detectionRadius)
        try check(detectionSigmas >= 0 && detectionSigmas.isFinite, "detection_sigmas", detectionSigmas)
        try check(falseTrackFraction >= 0 && falseTrackFraction <= 1, "false_track_fraction", falseTrackFraction)
        try check(hysteresis >= 0 && hysteresis.isFinite, "hysteresis", hysteresis)
    }
}

/// Why an evaluation could not run.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
    case badSetting(name: String, value: Double)
    /// The plane centre (given, or the truth's mean position) is unusable.
    case badCentre(latitude: Double, longitude: Double)
    /// So many instants that the report would not fit in memory (a tiny step over a long truth).
    case tooManyInstants(Int)

    public var description: String {
        switch self {
        case .badSetting(let name, let value): "evaluation setting \(name) = \(value) is out of range"
        case .badCentre(let lat, let lon): "evaluation plane centre \(lat), \(lon) is not a usable position"
        case .tooManyInstants(let n): "evaluation would have \(n) instants; use a larger step"
        }
    }
}
