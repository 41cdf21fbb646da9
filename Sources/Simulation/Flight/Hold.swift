import Glibc

/// A race-track holding pattern: inbound to the fix (`east`, `north`) on `inboundCourse`, a
/// half-circle turn, an outbound leg of `legTime` seconds, a half-circle back onto the inbound
/// course, `laps` times. Flown as the legs it is made of: the fix, half orbits and waypoints.
public struct Hold: Sendable, Equatable {
    public var east: Double
    public var north: Double
    public var inboundCourse: Double
    public var legTime: Double
    public var laps: Int
    public var altitude: Double
    public var speed: Double
    /// Right turns (the standard pattern) or left.
    public var clockwise: Bool

    public init(east: Double, north: Double, inboundCourse: Double, legTime: Double, laps: Int,
                altitude: Double, speed: Double, clockwise: Bool = true) {
        self.east = east
        self.north = north
        self.inboundCourse = inboundCourse
        self.legTime = legTime
        self.laps = laps
        self.altitude = altitude
        self.speed = speed
        self.clockwise = clockwise
    }

    /// The legs of the pattern for a flight turning at `model`'s bank.
    public func legs(model: FlightModel) -> [Leg] {
        let r = model.turnRadius(speed: speed)
        let side: Double = clockwise ? 1 : -1
        // Along the inbound course, and across it toward the turns.
        let ue = sin(inboundCourse), un = cos(inboundCourse)
        let ae = side * un, an = -side * ue
        let length = speed * legTime
        func waypoint(_ e: Double, _ n: Double) -> Leg { .waypoint(Waypoint(east: e, north: n, altitude: altitude, speed: speed)) }
        func half(_ e: Double, _ n: Double) -> Leg {
            .orbit(Orbit(east: e, north: n, radius: r, altitude: altitude, speed: speed, turns: 0.5, clockwise: clockwise))
        }
        // The outbound leg's end, abeam the inbound leg's start.
        let oe = east + 2 * r * ae - length * ue, on = north + 2 * r * an - length * un
        var legs = [waypoint(east, north)]
        for _ in 0..<laps {
            legs += [half(east + r * ae, north + r * an), waypoint(oe, on),
                     half(oe - r * ae, on - r * an), waypoint(east, north)]
        }
        return legs
    }
}
