import Alerting
import Profiling
import Surveillance

/// Track updates in, alert state changes out: the classifier's verdict on every update, fed to
/// the alert lifecycle. What `replay` sends and stores, and what `evaluate` scores, come from
/// here, so both judge the same way.
public struct SuspectWatch: Sendable {
    public private(set) var classifier: ProfileClassifier
    public private(set) var lifecycle: AlertLifecycle

    /// nil when the alert settings cannot work (`alerts.problem` says why).
    public init?(context: ProfileContext, profiles: ProfileSettings = ProfileSettings(),
                 alerts: AlertSettings = AlertSettings()) {
        guard let lifecycle = AlertLifecycle(settings: alerts) else { return nil }
        classifier = ProfileClassifier(context: context, settings: profiles)
        self.lifecycle = lifecycle
    }

    /// Judges one frame's updates; appends the alert state changes they cause to `changes`.
    public mutating func judge(_ updates: [SystemTrack], into changes: inout [Alert]) {
        for u in updates {
            let verdict = classifier.assess(u)
            lifecycle.update(u, score: verdict.score, classification: verdict.profile?.rawValue ?? "suspect",
                             reasons: verdict.reasons, into: &changes)
        }
    }

    /// An operator acknowledges an active alert: its new state, or nil when no such alert is active.
    public mutating func acknowledge(id: String, at time: Double) -> Alert? {
        lifecycle.acknowledge(id: id, at: time)
    }
}
