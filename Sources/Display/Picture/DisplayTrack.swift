import Surveillance

/// One track as the display shows it: the latest update of a system track, from the tracker in
/// this process or decoded from a CAT062 feed, with what the profile context adds.
public struct DisplayTrack: Sendable, Equatable {
    public var number: UInt16
    /// UTC seconds since 1970 of this update.
    public var time: Double
    public var stage: SystemTrack.Stage
    public var source: SystemTrack.Source
    public var latitude: Double
    public var longitude: Double
    /// Ground speed, m/s.
    public var groundSpeed: Double
    /// Degrees clockwise from true north, [0, 360).
    public var heading: Double
    /// Pressure altitude a transponder reported, flight levels.
    public var flightLevel: Double?
    /// Measured altitude above sea level, metres.
    public var altitude: Double?
    /// Height above the ground under the track, metres, where the terrain is known.
    public var heightAboveGround: Double?
    /// Distance to the border line, metres, where the border is known.
    public var borderDistance: Double?
    public var mode3A: Mode3A?
    public var callsign: Callsign?
    public var address: ModeSAddress?
    /// The suspect score of the track's active alert, if it has one.
    public var score: Double?
    /// The track ended with this update: the display removes it.
    public var ended: Bool

    public init(number: UInt16, time: Double, stage: SystemTrack.Stage, source: SystemTrack.Source,
                latitude: Double, longitude: Double, groundSpeed: Double, heading: Double,
                flightLevel: Double? = nil, altitude: Double? = nil, heightAboveGround: Double? = nil,
                borderDistance: Double? = nil, mode3A: Mode3A? = nil, callsign: Callsign? = nil,
                address: ModeSAddress? = nil, score: Double? = nil, ended: Bool = false) {
        self.number = number
        self.time = time
        self.stage = stage
        self.source = source
        self.latitude = latitude
        self.longitude = longitude
        self.groundSpeed = groundSpeed
        self.heading = heading
        self.flightLevel = flightLevel
        self.altitude = altitude
        self.heightAboveGround = heightAboveGround
        self.borderDistance = borderDistance
        self.mode3A = mode3A
        self.callsign = callsign
        self.address = address
        self.score = score
        self.ended = ended
    }

    /// A track update from the tracker in this process.
    public init(_ track: SystemTrack, heightAboveGround: Double? = nil, borderDistance: Double? = nil, score: Double? = nil) {
        self.init(number: track.number, time: track.time, stage: track.stage, source: track.source,
                  latitude: track.latitude, longitude: track.longitude, groundSpeed: track.groundSpeed,
                  heading: track.heading, flightLevel: track.flightLevel, altitude: track.altitude,
                  heightAboveGround: heightAboveGround, borderDistance: borderDistance, mode3A: track.mode3A,
                  callsign: track.callsign, address: track.address, score: score, ended: track.ended)
    }
}
