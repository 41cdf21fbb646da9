/// One line of a truth file: where one flight really was at one second of the session
/// (the format is in the README, written by `centinela simulate --truth`).
public struct TruthSample: Sendable, Equatable, Decodable {
    /// Session seconds.
    public var t: Double
    public var id: String
    /// `normal` or `suspect:<profile>`.
    public var label: String
    /// What the flight is beyond its label, e.g. `hard-negative:crop-duster`; absent for most.
    public var role: String?
    public var lat: Double
    public var lon: Double
    /// Metres above sea level.
    public var altM: Double
    /// Metres above the ground; absent where the session has no ground under the point.
    public var aglM: Double?
    public var speedMps: Double
    public var headingDeg: Double
    public var vrateMps: Double
    public var transponder: Bool
    public var onGround: Bool
    public var events: [String]?

    // Spelled out rather than left to `convertFromSnakeCase`, which rebuilds every key string of
    // every line and was most of the time spent reading a large truth file.
    enum CodingKeys: String, CodingKey {
        case t, id, label, role, lat, lon, altM = "alt_m", aglM = "agl_m", speedMps = "speed_mps"
        case headingDeg = "heading_deg", vrateMps = "vrate_mps", transponder, onGround = "on_ground", events
    }
}
