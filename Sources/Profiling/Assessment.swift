/// The kind of suspect flight a track looks like, named as operators and the feeds name it.
public enum ProfileClass: String, Sendable, CaseIterable {
    case emergencySquawk = "emergency-squawk"
    case stoneSkip = "stone-skip"
    case clandestineLanding = "clandestine-landing"
    case ultralightIncursion = "ultralight-incursion"
    case loiterDrop = "loiter-drop"
    case lowLevelBorderApproach = "low-level-border-approach"
    case transponderOff = "transponder-off"
    case restrictedZone = "restricted-zone"
}

/// The classifier's verdict on one track update.
public struct Assessment: Sendable {
    public var number: UInt16
    public var time: Double
    /// In [0, 1]; the alert lifecycle raises at `AlertSettings.raiseScore` held for K updates.
    public var score: Double
    /// Nil when no rule fired.
    public var profile: ProfileClass?
    /// Short phrases, most telling first, for an operator to read at a glance.
    public var reasons: [String]
    public var features: TrackFeatures

    /// "PSR-only · 150 m above ground · 6 km south of the border heading north · night"
    public var summary: String { reasons.joined(separator: " · ") }
}
