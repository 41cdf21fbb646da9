import Glibc

/// How an aircraft flies from waypoint to waypoint: coordinated turns at a bank angle (turn rate
/// g·tan φ / v), climbs and descents at a vertical rate, speed changes at an acceleration. Good
/// enough for the manoeuvres a radar sees, far simpler than a flight dynamics model.
public struct FlightModel: Sendable {
    /// Bank in a turn, radians (25° for light aircraft, airliners about the same at standard rate).
    public var bank: Double
    /// How fast the bank is rolled in or out, radians a second.
    public var rollRate: Double
    public var climbRate: Double
    public var descentRate: Double
    /// m/s².
    public var acceleration: Double

    public static let gravity = 9.80665

    public init(bankDegrees: Double = 25, rollRateDegrees: Double = 10, climbRate: Double = 5,
                descentRate: Double = 5, acceleration: Double = 1) {
        bank = bankDegrees * Double.pi / 180
        rollRate = rollRateDegrees * Double.pi / 180
        self.climbRate = climbRate
        self.descentRate = descentRate
        self.acceleration = acceleration
    }

    /// Turn radius at `speed` with this model's bank.
    public func turnRadius(speed: Double) -> Double {
        speed * speed / (Self.gravity * tan(bank))
    }

    /// Advances `state` by `dt` seconds toward `target`.
    public func step(_ state: inout AircraftState, toward target: Waypoint, dt: Double) {
        // Heading: bank toward the bearing of the waypoint, no more than the model's bank, rolling in
        // and out at the roll rate, and turn at the rate that bank gives.
        let bearing = atan2(target.east - state.east, target.north - state.north)
        let error = Self.wrap(bearing - state.heading)
        let speed = max(state.speed, 1)
        // The bank that would turn onto the bearing within a few seconds, capped.
        let wanted = max(-bank, min(bank, atan(error * speed / (Self.gravity * 4))))
        let roll = max(-rollRate * dt, min(rollRate * dt, wanted - state.bank))
        state.bank += roll
        let turnRate = Self.gravity * tan(state.bank) / speed
        let headingBefore = state.heading
        state.heading = Self.wrap(state.heading + turnRate * dt)

        // Speed and altitude toward the waypoint's.
        let dv = target.speed - state.speed
        state.speed += max(-acceleration * dt, min(acceleration * dt, dv))
        let dh = target.altitude - state.altitude
        let climb = dh >= 0 ? min(dh, climbRate * dt) : max(dh, -descentRate * dt)
        state.verticalRate = climb / dt
        state.altitude += climb

        // Move along the mean heading of the step.
        let mean = headingBefore + Self.wrap(state.heading - headingBefore) / 2
        state.east += state.speed * dt * sin(mean)
        state.north += state.speed * dt * cos(mean)
        state.time += dt
    }

    /// Flies `route` from `start`, recording the state every `dt` seconds, until the last waypoint
    /// is reached or `until` seconds pass. A waypoint counts as reached within `capture` metres
    /// or once the aircraft has passed it.
    public func fly(from start: AircraftState, route: [Waypoint], dt: Double = 1, until: Double,
                    capture: Double = 300) -> [AircraftState] {
        var state = start
        var out = [state]
        var next = 0
        while next < route.count, state.time + dt <= until + 1e-9 {
            let target = route[next]
            step(&state, toward: target, dt: dt)
            out.append(state)
            let de = target.east - state.east, dn = target.north - state.north
            let distance = (de * de + dn * dn).squareRoot()
            // Passed: the waypoint now lies behind the aircraft and close by.
            let behind = de * sin(state.heading) + dn * cos(state.heading) < 0
            if distance < capture || (behind && distance < 2 * turnRadius(speed: state.speed)) { next += 1 }
        }
        return out
    }

    /// An angle into (−π, π].
    static func wrap(_ a: Double) -> Double {
        var x = a.truncatingRemainder(dividingBy: 2 * Double.pi)
        if x > Double.pi { x -= 2 * Double.pi }
        if x <= -Double.pi { x += 2 * Double.pi }
        return x
    }
}
