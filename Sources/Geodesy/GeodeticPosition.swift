/// A position as latitude and longitude on an ellipsoid (WGS-84 unless said otherwise) and
/// height above that ellipsoid, the way ASTERIX, GPS and configuration files give positions.
///
/// The memberwise initializer stores what it is given, so literals stay light; values from
/// outside the program go through `init(validatingLatitude:longitude:height:)`. Conversions of
/// an invalid position (see `isValid`) return all-NaN results, never a trap and never a plausible
/// wrong point (latitude 95° is not quietly read as 85° on the other side).
public struct GeodeticPosition: Sendable, Equatable, CustomStringConvertible {
    /// Geodetic latitude, degrees north, −90…90.
    public var latitude: Double
    /// Longitude, degrees east; conversions return −180…180.
    public var longitude: Double
    /// Height above the ellipsoid, metres (not above mean sea level: the geoid is 20–35 m below
    /// the WGS-84 ellipsoid along the border).
    public var height: Double

    public init(latitude: Double, longitude: Double, height: Double = 0) {
        self.latitude = latitude
        self.longitude = longitude
        self.height = height
    }

    /// Checks values from outside (configuration, CAT034 I034/120, a file) and brings the
    /// longitude into −180…180.
    public init(validatingLatitude latitude: Double, longitude: Double, height: Double = 0) throws(GeodesyError) {
        guard latitude.isFinite, abs(latitude) <= 90 else { throw .latitudeOutOfRange(latitude) }
        guard longitude.isFinite else { throw .longitudeNotFinite(longitude) }
        guard height.isFinite else { throw .heightNotFinite(height) }
        var lon = longitude.remainder(dividingBy: 360)  // −180…180
        if lon == -180 { lon = 180 }
        self.init(latitude: latitude, longitude: lon, height: height)
    }

    /// Finite numbers and a latitude within −90…90.
    public var isValid: Bool {
        latitude.isFinite && abs(latitude) <= 90 && longitude.isFinite && height.isFinite
    }

    /// The result of converting something that was not a position.
    public static let invalid = GeodeticPosition(latitude: .nan, longitude: .nan, height: .nan)

    public var description: String { "(\(latitude)°, \(longitude)°, \(height) m)" }
}
