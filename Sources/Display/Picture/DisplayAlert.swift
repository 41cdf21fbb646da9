import Surveillance

/// One alert in the display's queue: its latest state.
public struct DisplayAlert: Sendable, Equatable {
    public var id: String
    public var state: Alert.State
    /// UTC seconds since 1970 of this state change.
    public var time: Double
    /// UTC seconds since 1970 when the alert was raised.
    public var raisedTime: Double
    public var classification: String
    public var score: Double
    /// Plain words, e.g. `["PSR-only", "150 m above ground"]`.
    public var reasons: [String]
    public var acknowledged: Bool
    public var track: UInt16

    public init(id: String, state: Alert.State, time: Double, raisedTime: Double, classification: String,
                score: Double, reasons: [String], acknowledged: Bool, track: UInt16) {
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

    public init(_ alert: Alert) {
        self.init(id: alert.id, state: alert.state, time: alert.time, raisedTime: alert.raisedTime,
                  classification: alert.classification, score: alert.score, reasons: alert.reasons,
                  acknowledged: alert.acknowledged, track: alert.track.number)
    }

    /// Raised, updated or acknowledged: not yet cleared.
    public var isActive: Bool { state != .cleared }
}
