import Glibc  // .rounded(): see SWIFT.md, pitfall 3

/// One state change of a suspect-flight alert: what the alert lifecycle emits and what the feeds,
/// the store and the display consume. It carries the track update that caused it, so a consumer
/// needs nothing else to place and describe it.
public struct Alert: Sendable, Equatable {
    public enum State: UInt8, Sendable, NamedCase {
        /// The score held above the raise threshold long enough: a new alert.
        case raised
        /// A material change of an active alert (class, score, reasons), or a periodic refresh.
        case updated
        /// The score fell below the clear threshold, or the track ended: the alert is over.
        case cleared
        /// An operator has seen it; the alert stays active.
        case acknowledged

        /// The name the feeds and the store use: `raised`, `updated`, `cleared`, `acknowledged`.
        public var name: String {
            switch self {
            case .raised: "raised"
            case .updated: "updated"
            case .cleared: "cleared"
            case .acknowledged: "acknowledged"
            }
        }
    }

    /// Stable across replays of the same data: `"<track number>-<raise time in ms since 1970>"`,
    /// e.g. `"42-1777615950500"`. A track number is reused only after a delay, and one track
    /// cannot raise twice at the same millisecond, so no two alerts share an id.
    public var id: String
    public var state: State
    /// UTC seconds since 1970 of this state change: the track update's time (for `acknowledged`,
    /// the time the operator's action was given with).
    public var time: Double
    /// UTC seconds since 1970 when the alert was raised.
    public var raisedTime: Double
    /// The classifier's class, e.g. `low-level-border-approach`.
    public var classification: String
    /// The classifier's score in [0, 1].
    public var score: Double
    /// Why, in words an operator reads at a glance, e.g. `["PSR-only", "150 m above ground"]`.
    public var reasons: [String]
    /// An operator has acknowledged it (stays true on later updates of the same alert).
    public var acknowledged: Bool
    /// The track's last update: number, position, altitude, speed, heading, source, stage.
    public var track: SystemTrack

    public init(id: String, state: State, time: Double, raisedTime: Double, classification: String,
                score: Double, reasons: [String], acknowledged: Bool, track: SystemTrack) {
        self.id = id
        self.state = state
        self.time = time
        self.raisedTime = raisedTime
        self.classification = classification
        self.score = score
        self.reasons = reasons
        self.acknowledged = acknowledged
        self.track = track
    }

    /// The id of the alert a track raises at `time`.
    public static func id(track: UInt16, raisedTime: Double) -> String {
        "\(track)-\(Int64((raisedTime * 1000).rounded(.toNearestOrAwayFromZero)))"
    }
}
