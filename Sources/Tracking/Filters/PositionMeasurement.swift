import Surveillance

/// A plot's horizontal position in the system plane with its covariance: what the horizontal
/// filters update with. Built from a radar's polar plot by the tracker (slant-range corrected,
/// covariance through the Jacobian), so the filters stay linear.
public struct PositionMeasurement: Sendable, Equatable {
    /// Metres east of the plane's centre.
    public var x: Double
    /// Metres north of the plane's centre.
    public var y: Double
    public var covariance: Covariance2

    public init(x: Double, y: Double, covariance: Covariance2) {
        self.x = x
        self.y = y
        self.covariance = covariance
    }
}
