/// Where an aircraft is and how it moves, in a local plane (east, north, metres) with altitude
/// above sea level: the simulator's truth, before radars look at it.
public struct AircraftState: Sendable, Equatable {
    /// Seconds from the start of the session.
    public var time: Double
    public var east: Double
    public var north: Double
    /// Metres above mean sea level.
    public var altitude: Double
    /// Track over the ground, radians clockwise from north.
    public var heading: Double
    /// Ground speed, m/s.
    public var speed: Double
    /// m/s, positive up.
    public var verticalRate: Double
    /// Bank angle, radians, positive in a right turn.
    public var bank: Double
    /// On the ground (taxiing, rolling or parked): no radar sees it, it is ground clutter.
    public var onGround: Bool
    /// The load leaves the aircraft in this second (an airdrop); the truth marks it.
    public var dropsLoad: Bool

    public init(time: Double, east: Double, north: Double, altitude: Double, heading: Double,
                speed: Double, verticalRate: Double = 0, bank: Double = 0, onGround: Bool = false, dropsLoad: Bool = false) {
        self.time = time
        self.east = east
        self.north = north
        self.altitude = altitude
        self.heading = heading
        self.speed = speed
        self.verticalRate = verticalRate
        self.bank = bank
        self.onGround = onGround
        self.dropsLoad = dropsLoad
    }
}

/// A point a flight heads for, with the altitude and speed to hold on the way.
public struct Waypoint: Sendable, Equatable, Codable {
    public var east: Double
    public var north: Double
    /// Metres above mean sea level.
    public var altitude: Double
    /// m/s over the ground.
    public var speed: Double

    public init(east: Double, north: Double, altitude: Double, speed: Double) {
        self.east = east
        self.north = north
        self.altitude = altitude
        self.speed = speed
    }
}
