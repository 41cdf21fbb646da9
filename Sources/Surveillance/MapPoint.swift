/// A point on the map, WGS-84 degrees: a vertex of the border or a restricted area, an airport,
/// a strip, a radar site. One type for the classifier's zones and the display's map, which may
/// depend on nothing but this module.
public struct MapPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
