/// What the operator has chosen to look at: keys that only change the view change this, and
/// nothing else.
public struct ViewState: Sendable, Equatable {
    /// The plan view's centre; nil is the map's centre.
    public var centre: DisplayMap.Point?
    /// The plan view's scale: metres a Braille dot spans, across and down.
    public var metresPerDot: Double
    public var selected: UInt16?
    /// Keep the selected track at the centre of the plan view.
    public var follow: Bool
    /// The track table lists suspects first (then by number) instead of by number alone.
    public var alertsFirst: Bool
    /// The help overlay is shown.
    public var help: Bool
    /// The first row of the track table on screen (scrolled to keep the selection visible).
    public var tableTop: Int

    public static let zoomLimits = 5.0...8_000.0

    /// `metresPerDot` within the zoom limits (whatever a host set it to): what the plan view draws with.
    public var scale: Double {
        metresPerDot.isNaN ? 250 : min(Self.zoomLimits.upperBound, max(Self.zoomLimits.lowerBound, metresPerDot))
    }
    public static let zoomFactor = 2.0

    public init(centre: DisplayMap.Point? = nil, metresPerDot: Double = 250, selected: UInt16? = nil,
                follow: Bool = false, alertsFirst: Bool = false, help: Bool = false) {
        self.centre = centre
        self.metresPerDot = metresPerDot
        self.selected = selected
        self.follow = follow
        self.alertsFirst = alertsFirst
        self.help = help
        tableTop = 0
    }
}
