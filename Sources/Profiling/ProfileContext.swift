import Geodesy

/// What the classifier knows besides the tracks: the map, the ground, and (computed) the sun.
public struct ProfileContext: Sendable {
    public var zones: Zones
    /// Nil when no terrain is loaded: the rules that need height above ground are then off.
    public var ground: (any Ground)?

    public init(zones: Zones, ground: (any Ground)?) {
        self.zones = zones
        self.ground = ground
    }

    /// Metres above the ground under the track. The track's altitude is above sea level and the
    /// ground above the geoid; the two references are taken as one (they differ by the sea-surface
    /// topography, centimetres). Nil without an altitude or without ground there.
    public func heightAboveGround(latitude: Double, longitude: Double, altitude: Double?) -> Double? {
        guard let altitude, let g = ground?.height(latitude: latitude, longitude: longitude) else { return nil }
        return altitude - g
    }

    /// Degrees of the sun above the horizon.
    public func sunElevation(latitude: Double, longitude: Double, time: Double) -> Double {
        Sun.elevation(latitude: latitude, longitude: longitude, time: time)
    }

    /// Rules the context switches off, each with why, in words for the operator's status line.
    public var disabledRules: [String] {
        var out: [String] = []
        if ground == nil { out.append("no terrain: low level, drop-out and pop-up by height are off") }
        if zones.border.count < 2 { out.append("no border line: border approach and crossing are off") }
        return out
    }
}
