import Geodesy
import Surveillance

/// A plot made ready for the tracker: placed in the system plane with its covariance, dated in
/// UTC, with the altitude and identity it carries. `Tracker.place` makes them; `Tracker.track`
/// tracks them (the two halves of `Tracker.process`, apart so each can be measured).
public struct PlacedPlot: Sendable {
    public var measurement: PositionMeasurement
    /// UTC seconds since 1970.
    public var time: Double
    /// Metres above the ellipsoid, from the transponder or a 3-D radar; nil for a 2-D primary plot.
    public var altitude: Double?
    public var altitudeVariance: Double
    public var flightLevel: Double?
    public var detection: Plot.Detection
    public var mode3A: Mode3A?
    public var address: ModeSAddress?
    public var callsign: Callsign?
    /// Index into the tracker's sensor table (only meaningful to the tracker that placed it).
    public var sensor: Int
    /// Where it was placed, degrees: for consumers that judge what the radars could see.
    public var latitude: Double
    public var longitude: Double
}
