import Alerting
import Geodesy
import Profiling
import Surveillance

/// Track updates in, alert state changes out: the classifier's verdict on every update, fed to
/// the alert lifecycle. What `replay` sends and stores, and what `evaluate` scores, come from
/// here, so both judge the same way.
public struct SuspectWatch: Sendable {
    public private(set) var classifier: ProfileClassifier
    public private(set) var lifecycle: AlertLifecycle
    /// Updates judged, and of those, over ground no terrain tile covers: the rules that need
    /// height above ground could not fire there.
    public private(set) var updatesJudged = 0
    public private(set) var updatesOffTerrain = 0
    /// Track lives with an update off the terrain: per track number, the first time of the last
    /// such life (a fixed table, so a long session cannot grow it).
    private var offTerrainLife: [Double]
    public private(set) var tracksOffTerrain = 0

    /// nil when the alert settings cannot work (`alerts.problem` says why).
    public init?(context: ProfileContext, profiles: ProfileSettings = ProfileSettings(),
                 alerts: AlertSettings = AlertSettings()) {
        guard let lifecycle = AlertLifecycle(settings: alerts) else { return nil }
        classifier = ProfileClassifier(context: context, settings: profiles)
        self.lifecycle = lifecycle
        offTerrainLife = context.ground == nil ? [] : Array(repeating: .nan, count: Int(UInt16.max) + 1)
    }

    /// Judges one frame's updates; appends the alert state changes they cause to `changes`, and
    /// hands each update's verdict, with its index in `updates`, to `seen` (for a consumer that
    /// shows what the classifier saw, rather than working it out again).
    public mutating func judge(_ updates: [SystemTrack], into changes: inout [Alert],
                               seen: (Int, Assessment) -> Void = { _, _ in }) {
        let ground = classifier.context.ground
        for (i, u) in updates.enumerated() {
            updatesJudged += 1
            if let ground, ground.height(latitude: u.latitude, longitude: u.longitude) == nil {
                updatesOffTerrain += 1
                if offTerrainLife[Int(u.number)] != u.firstTime {
                    offTerrainLife[Int(u.number)] = u.firstTime
                    tracksOffTerrain += 1
                }
            }
            let verdict = classifier.assess(u)
            seen(i, verdict)
            lifecycle.update(u, score: verdict.score, classification: verdict.profile?.rawValue ?? "suspect",
                             reasons: verdict.reasons, into: &changes)
        }
    }

    /// The rules that could not work, each with why: the context's (no terrain, no border), and
    /// where terrain was given but some tracks flew outside every tile, how many.
    public var rulesOff: [String] {
        var out = classifier.context.disabledRules
        if updatesOffTerrain > 0 {
            out.append("\(updatesOffTerrain) of \(updatesJudged) track updates (\(tracksOffTerrain) tracks) were outside every terrain tile: low level, drop-out and pop-up by height were off there")
        }
        return out
    }

    /// An operator acknowledges an active alert: its new state, or nil when no such alert is active.
    public mutating func acknowledge(id: String, at time: Double) -> Alert? {
        lifecycle.acknowledge(id: id, at: time)
    }
}
