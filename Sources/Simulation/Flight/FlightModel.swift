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
        Orbit.radius(speed: speed, bank: bank)
    }

    /// Advances `state` by `dt` seconds toward `target`.
    public func step(_ state: inout AircraftState, toward target: Waypoint, dt: Double) {
        let bearing = atan2(target.east - state.east, target.north - state.north)
        step(&state, bearing: bearing, altitude: target.altitude, speed: target.speed, dt: dt)
    }

    /// Advances `state` by `dt` seconds, turning onto `bearing` and toward `altitude` and `speed`.
    /// `bankBias` is a bank held on top of the correction (the steady bank of an orbit), `bankLimit`
    /// replaces the model's bank as the cap, `descentRate` the model's descent rate.
    func step(_ state: inout AircraftState, bearing: Double, altitude targetAltitude: Double, speed targetSpeed: Double,
              dt: Double, bankBias: Double = 0, bankLimit: Double? = nil, descentRate: Double? = nil) {
        // Heading: bank toward the bearing, no more than the model's bank, rolling in and out at the
        // roll rate, and turn at the rate that bank gives.
        let bank = bankLimit ?? self.bank
        let descentRate = descentRate ?? self.descentRate
        let error = Self.wrap(bearing - state.heading)
        let speed = max(state.speed, 1)
        // The bank that would turn onto the bearing within a few seconds, capped.
        let wanted = max(-bank, min(bank, bankBias + atan(error * speed / (Self.gravity * 4))))
        let roll = max(-rollRate * dt, min(rollRate * dt, wanted - state.bank))
        state.bank += roll
        let turnRate = Self.gravity * tan(state.bank) / speed
        let headingBefore = state.heading
        state.heading = Self.wrap(state.heading + turnRate * dt)

        // Speed and altitude toward the waypoint's.
        let dv = targetSpeed - state.speed
        state.speed += max(-acceleration * dt, min(acceleration * dt, dv))
        let dh = targetAltitude - state.altitude
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
        fly(from: start, route: route.map(Leg.waypoint), dt: dt, until: until, capture: capture)
    }

    /// Flies `route` leg by leg from `start` (see `Leg`), recording the state every `dt` seconds,
    /// until the last leg is done or `until` seconds pass.
    public func fly(from start: AircraftState, route: [Leg], dt: Double = 1, until: Double,
                    capture: Double = 300) -> [AircraftState] {
        var state = start
        var out = [state]
        for leg in route {
            let done: Bool
            switch leg {
            case .waypoint(let w): done = flyTo(w, &state, &out, dt: dt, until: until, capture: capture)
            case .orbit(let o): done = orbit(o, &state, &out, dt: dt, until: until)
            case .land(let l): done = land(l, &state, &out, dt: dt, until: until, capture: capture)
            case .takeOff(let t): done = takeOff(t, &state, &out, dt: dt, until: until)
            case .wait(let seconds): done = wait(seconds, &state, &out, dt: dt, until: until)
            case .drop:
                // Marked on the second just flown, so the flight goes on unchanged.
                out[out.count - 1].dropsLoad = true
                done = true
            }
            if !done { break }
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
