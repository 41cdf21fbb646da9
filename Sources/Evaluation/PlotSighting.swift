/// A plot the tracker received, reduced to what detectability needs: when and where it was.
/// A flight near no plot for a while (below the radar horizon, on the ground) is not counted as
/// missed; these say when a flight could have been tracked.
public struct PlotSighting: Sendable, Equatable {
    /// UTC seconds since 1970.
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    /// Horizontal position error, metres, 1σ along the plot's worst axis (azimuth error grows
    /// with range); 0 when unknown. Widens the "near" radius at long range.
    public var sigma: Double

    public init(time: Double, latitude: Double, longitude: Double, sigma: Double = 0) {
        self.time = time
        self.latitude = latitude
        self.longitude = longitude
        self.sigma = sigma
    }
}
