import Glibc

/// One entry of a flight's route: where to go next and how. Positions are in the session plane
/// (east, north, metres), altitudes metres above sea level, speeds m/s, angles radians clockwise
/// from north, times seconds.
public enum Leg: Sendable, Equatable {
    /// Fly to a point at its altitude and speed.
    case waypoint(Waypoint)
    /// Circle a point.
    case orbit(Orbit)
    /// Final approach, touchdown, roll to a stop at a point, time on the ground.
    case land(Landing)
    /// Take-off run, lift-off and climb-out on a heading (from the ground only).
    case takeOff(TakeOff)
    /// Stay where it is for this many seconds (on the ground, before a take-off).
    case wait(Double)
    /// Release the load where the aircraft is now, without a change to its flight (an airdrop).
    case drop
}

/// Circle (`east`, `north`) at `radius` for `turns` full turns, or for `duration` seconds, counted
/// from the moment the aircraft is on the circle. The steady bank is atan(v² / (g·r)).
public struct Orbit: Sendable, Equatable {
    public var east: Double
    public var north: Double
    public var radius: Double
    public var altitude: Double
    public var speed: Double
    public var turns: Double?
    public var duration: Double?
    /// Right turns (clockwise seen from above) or left.
    public var clockwise: Bool

    public init(east: Double, north: Double, radius: Double, altitude: Double, speed: Double,
                turns: Double? = nil, duration: Double? = nil, clockwise: Bool = true) {
        self.east = east
        self.north = north
        self.radius = radius
        self.altitude = altitude
        self.speed = speed
        self.turns = turns
        self.duration = duration
        self.clockwise = clockwise
    }

    /// The radius a coordinated turn at `speed` and `bank` (radians) flies: v² / (g·tan φ).
    public static func radius(speed: Double, bank: Double) -> Double {
        speed * speed / (FlightModel.gravity * tan(bank))
    }
}

/// Land at (`east`, `north`), the point where the roll ends, on a ground at `elevation`: a straight
/// final on `approachHeading` down the model's glide slope at `speed`, touchdown, braking to a
/// stop at the point, then `groundTime` seconds standing still.
public struct Landing: Sendable, Equatable {
    public var east: Double
    public var north: Double
    public var elevation: Double
    public var approachHeading: Double
    public var speed: Double
    public var groundTime: Double

    public init(east: Double, north: Double, elevation: Double, approachHeading: Double, speed: Double, groundTime: Double) {
        self.east = east
        self.north = north
        self.elevation = elevation
        self.approachHeading = approachHeading
        self.speed = speed
        self.groundTime = groundTime
    }
}

/// From standstill on the ground: line up on `heading`, accelerate at the model's ground
/// acceleration, lift off at the model's lift-off fraction of `speed`, climb at the climb rate to
/// `altitude` while accelerating to `speed`.
public struct TakeOff: Sendable, Equatable {
    public var heading: Double
    public var altitude: Double
    public var speed: Double

    public init(heading: Double, altitude: Double, speed: Double) {
        self.heading = heading
        self.altitude = altitude
        self.speed = speed
    }
}

extension FlightModel {
    /// Ground roll constants: acceleration on the take-off run and nominal braking after touchdown
    /// (m/s²), lift-off at this fraction of the climb-out speed, glide slope of a final (radians).
    public static let groundAcceleration = 2.0
    public static let braking = 1.5
    public static let liftOffFraction = 0.8
    public static let glideSlope = 3 * Double.pi / 180

    private func canStep(_ state: AircraftState, _ dt: Double, _ until: Double) -> Bool {
        state.time + dt <= until + 1e-9
    }

    /// Flies to a waypoint; false when `until` came first.
    func flyTo(_ target: Waypoint, _ state: inout AircraftState, _ out: inout [AircraftState],
               dt: Double, until: Double, capture: Double) -> Bool {
        while canStep(state, dt, until) {
            step(&state, toward: target, dt: dt)
            out.append(state)
            let de = target.east - state.east, dn = target.north - state.north
            let distance = (de * de + dn * dn).squareRoot()
            // Passed: the waypoint now lies behind the aircraft and close by.
            let behind = de * sin(state.heading) + dn * cos(state.heading) < 0
            if distance < capture || (behind && distance < 2 * turnRadius(speed: state.speed)) { return true }
        }
        return false
    }

    /// Joins the circle and flies it: the heading aimed at the tangent, bent toward the circle by the
    /// distance off it, with the circle's steady bank held on top of the model's correction.
    func orbit(_ o: Orbit, _ state: inout AircraftState, _ out: inout [AircraftState], dt: Double, until: Double) -> Bool {
        let side: Double = o.clockwise ? 1 : -1
        let steadyBank = atan(o.speed * o.speed / (Self.gravity * o.radius))
        let limit = max(bank, steadyBank + 10 * Double.pi / 180)
        // Distance over which an offset from the circle is taken out: long enough for the heading,
        // which follows with a 4 s time constant, to keep up.
        let softness = max(0.5 * o.radius, 8 * o.speed)
        var joinedAt: Double?
        var turned = 0.0
        while canStep(state, dt, until) {
            let dx = state.east - o.east, dy = state.north - o.north
            let rho = (dx * dx + dy * dy).squareRoot()
            let fromCentre = atan2(dx, dy)
            let aim = fromCentre + side * (Double.pi / 2 + atan((rho - o.radius) / softness))
            let v = max(state.speed, 1)
            let bias = rho < 2 * o.radius ? side * atan(v * v / (Self.gravity * o.radius)) : 0
            let before = state.heading
            step(&state, bearing: aim, altitude: o.altitude, speed: o.speed, dt: dt, bankBias: bias, bankLimit: limit)
            out.append(state)
            if let since = joinedAt {
                turned += side * Self.wrap(state.heading - before)
                if let turns = o.turns, turned >= turns * 2 * Double.pi - 1e-9 { return true }
                if let duration = o.duration, state.time - since >= duration - 1e-9 { return true }
            } else {
                let ex = state.east - o.east, ey = state.north - o.north
                let off = abs((ex * ex + ey * ey).squareRoot() - o.radius)
                let tangent = atan2(ex, ey) + side * Double.pi / 2
                if off < max(0.05 * o.radius, 50), abs(Self.wrap(tangent - state.heading)) < 10 * Double.pi / 180 {
                    joinedAt = state.time
                }
            }
        }
        return false
    }

    /// Lines up with the final (by way of a point well out on it when not already behind the
    /// runway), tracks it down the glide slope, touches down, brakes to a stop at the point, waits.
    func land(_ l: Landing, _ state: inout AircraftState, _ out: inout [AircraftState],
              dt: Double, until: Double, capture: Double) -> Bool {
        let ue = sin(l.approachHeading), un = cos(l.approachHeading)
        let roll = l.speed * l.speed / (2 * Self.braking)
        let touchE = l.east - roll * ue, touchN = l.north - roll * un
        let r = turnRadius(speed: max(state.speed, l.speed))
        let finalLength = max(5000, 4 * r)
        let descent = max(descentRate, 1.5 * l.speed * tan(Self.glideSlope))
        func glide(_ along: Double) -> Double { l.elevation + max(along, 0) * tan(Self.glideSlope) }
        func geometry(_ s: AircraftState) -> (along: Double, cross: Double) {
            let pe = s.east - touchE, pn = s.north - touchN
            return (-(pe * ue + pn * un), pe * un - pn * ue)
        }
        // Already behind the runway, within a cone, far enough out to settle: straight in.
        let g0 = geometry(state)
        if !(g0.along >= 3 * r + 2000 && abs(g0.cross) <= g0.along / 2) {
            let along = finalLength + 3 * r
            let entry = Waypoint(east: touchE - along * ue, north: touchN - along * un,
                                 altitude: min(state.altitude, glide(along)), speed: l.speed)
            guard flyTo(entry, &state, &out, dt: dt, until: until, capture: capture) else { return false }
        }
        // The final: track the extended centre line, descend to the glide path, never climb.
        let softness = max(500, 8 * l.speed)
        while true {
            guard canStep(state, dt, until) else { return false }
            let g = geometry(state)
            let aim = l.approachHeading - atan(g.cross / softness)
            let altitude = min(state.altitude, glide(g.along - state.speed * dt))
            // Come in high and it steepens the descent so as to reach the strip, as a pilot landing
            // on a clandestine strip would, rather than arrive in the air over it.
            let needed = (state.altitude - l.elevation) / max(g.along / max(state.speed, 1), dt)
            step(&state, bearing: aim, altitude: altitude, speed: l.speed, dt: dt, descentRate: max(descent, needed))
            if geometry(state).along <= 0 { break }
            out.append(state)
        }
        // Touchdown: on the ground from here, braking so the roll ends at the point.
        state.onGround = true
        state.altitude = l.elevation
        state.verticalRate = 0
        state.bank = 0
        out.append(state)
        var v = state.speed
        let remaining = ((l.east - state.east) * (l.east - state.east) + (l.north - state.north) * (l.north - state.north)).squareRoot()
        let braking = remaining > 1 ? v * v / (2 * remaining) : .infinity
        while v > 0 {
            guard canStep(state, dt, until) else { return false }
            let de = l.east - state.east, dn = l.north - state.north
            let distance = (de * de + dn * dn).squareRoot()
            if distance > 1 { state.heading = atan2(de, dn) }
            let moved: Double
            if v <= braking * dt {
                moved = distance
                v = 0
            } else {
                let next = v - braking * dt
                moved = min(distance, (v + next) / 2 * dt)
                v = next
            }
            state.east += moved * sin(state.heading)
            state.north += moved * cos(state.heading)
            state.speed = v
            state.time += dt
            out.append(state)
        }
        return wait(l.groundTime, &state, &out, dt: dt, until: until)
    }

    /// Take-off run on the heading, lift-off, climb-out to the altitude.
    func takeOff(_ t: TakeOff, _ state: inout AircraftState, _ out: inout [AircraftState], dt: Double, until: Double) -> Bool {
        state.heading = t.heading
        state.bank = 0
        state.verticalRate = 0
        let liftOff = Self.liftOffFraction * t.speed
        while state.onGround {
            guard canStep(state, dt, until) else { return false }
            let next = min(state.speed + Self.groundAcceleration * dt, t.speed)
            let moved = (state.speed + next) / 2 * dt
            state.east += moved * sin(state.heading)
            state.north += moved * cos(state.heading)
            state.speed = next
            state.time += dt
            if next >= liftOff - 1e-9 { state.onGround = false }
            out.append(state)
        }
        while state.altitude < t.altitude - 1e-9 {
            guard canStep(state, dt, until) else { return false }
            step(&state, bearing: t.heading, altitude: t.altitude, speed: t.speed, dt: dt)
            out.append(state)
        }
        return true
    }

    /// Stands still for `seconds` (rounded to whole steps).
    func wait(_ seconds: Double, _ state: inout AircraftState, _ out: inout [AircraftState], dt: Double, until: Double) -> Bool {
        var left = Int((seconds / dt).rounded())
        while left > 0 {
            guard canStep(state, dt, until) else { return false }
            state.speed = 0
            state.verticalRate = 0
            state.bank = 0
            state.time += dt
            out.append(state)
            left -= 1
        }
        return true
    }
}
