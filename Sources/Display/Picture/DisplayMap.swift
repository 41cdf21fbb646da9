import Surveillance

/// What the plan view draws under the tracks, in WGS-84 degrees.
public struct DisplayMap: Sendable, Equatable {
    public typealias Point = MapPoint

    public struct Place: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case radar, airport, strip }
        public var kind: Kind
        public var name: String
        public var position: Point
        public init(kind: Kind, name: String, position: Point) {
            self.kind = kind
            self.name = name
            self.position = position
        }
    }

    /// Where the view starts centred (and range rings are drawn around).
    public var centre: Point
    /// The border, as polylines.
    public var border: [[Point]]
    /// Restricted areas, as closed polylines.
    public var restricted: [[Point]]
    /// Radar sites, airports, known strips.
    public var places: [Place]
    /// The low-altitude coverage floor: per radar, the outline beyond which a low flight is below
    /// the radar's horizon.
    public var coverageFloor: [[Point]]

    public init(centre: Point, border: [[Point]] = [], restricted: [[Point]] = [], places: [Place] = [],
                coverageFloor: [[Point]] = []) {
        self.centre = centre
        self.border = border
        self.restricted = restricted
        self.places = places
        self.coverageFloor = coverageFloor
    }
}
