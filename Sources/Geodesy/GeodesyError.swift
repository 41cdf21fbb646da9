/// Why a geodetic computation refused its input. Values arriving from the network or a
/// configuration file are checked and rejected with one of these, never trapped on; the payload
/// is the offending value so a log line can show it.
public enum GeodesyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// NaN, infinite, or outside −90…90 degrees.
    case latitudeOutOfRange(Double)
    /// NaN or infinite.
    case longitudeNotFinite(Double)
    /// NaN or infinite.
    case heightNotFinite(Double)
    /// A plot height (metres above the ellipsoid) that is NaN, infinite or absurd (see
    /// `RadarSite.plotHeights`).
    case heightOutOfRange(Double)
    /// NaN, infinite, negative or beyond `RadarSite.maximumSlantRange`.
    case slantRangeInvalid(Double)
    /// NaN or infinite.
    case azimuthNotFinite(Double)
    /// A scale factor or effective-earth factor k that is NaN, infinite, zero or negative.
    case factorInvalid(Double)
    /// The oblique stereographic plane is undefined with its centre on a pole (use a polar
    /// stereographic there; nothing in Centinela's coverage needs one).
    case centreAtPole(Double)

    public var description: String {
        switch self {
        case .latitudeOutOfRange(let v): "latitude \(v)° is not within −90…90°"
        case .longitudeNotFinite(let v): "longitude \(v)° is not a finite number"
        case .heightNotFinite(let v): "height \(v) m is not a finite number"
        case .heightOutOfRange(let v): "plot height \(v) m is not within −10 km…10,000 km of the ellipsoid"
        case .slantRangeInvalid(let v): "slant range \(v) m is not within 0…20,000 km"
        case .azimuthNotFinite(let v): "azimuth \(v)° is not a finite number"
        case .factorInvalid(let v): "factor \(v) is not a finite positive number"
        case .centreAtPole(let v): "a stereographic plane cannot be centred at latitude \(v)° (within 0.1° of a pole)"
        }
    }
}
