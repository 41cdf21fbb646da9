import Glibc
import Testing
@testable import Simulation

/// Orbits, landings, take-offs and waits flown by the coordinated-turn model, checked against the
/// geometry and kinematics they should follow.
@Suite struct ManoeuvreTests {
    static let deg = Double.pi / 180
    let model = FlightModel(bankDegrees: 25, climbRate: 5, descentRate: 5)

    func distance(_ s: AircraftState, _ e: Double, _ n: Double) -> Double {
        ((s.east - e) * (s.east - e) + (s.north - n) * (s.north - n)).squareRoot()
    }

    @Test func anOrbitAtABankKeepsTheRadiusItGivesAndTakesNTurnTimes() throws {
        // 50 m/s at 25°: r = v² / (g·tan 25°) = 546.7 m; one turn 2πr/v = 68.7 s.
        let v = 50.0, r = v * v / (9.80665 * tan(25 * Self.deg))
        #expect(abs(Orbit.radius(speed: v, bank: 25 * Self.deg) - r) < 1e-9)
        // On the circle west of the centre, heading north, banked right: already in the orbit.
        let start = AircraftState(time: 0, east: -r, north: 0, altitude: 600, heading: 0, speed: v, bank: 25 * Self.deg)
        let orbit = Orbit(east: 0, north: 0, radius: r, altitude: 600, speed: v, turns: 3, clockwise: true)
        let path = model.fly(from: start, route: [.orbit(orbit)], until: 3600)
        let end = try #require(path.last)
        #expect(abs(end.time - 3 * 2 * Double.pi * r / v) <= 4, "\(end.time) s")
        for s in path {
            #expect(abs(distance(s, 0, 0) - r) < 0.02 * r, "t=\(s.time) r=\(distance(s, 0, 0))")
            #expect(abs(s.bank - 25 * Self.deg) < 1 * Self.deg && s.altitude == 600)
        }
        // Three whole turns bring it back where it started.
        #expect(distance(end, -r, 0) < v * 4)
    }

    @Test func anOrbitIsJoinedFromAfarAndFlownLeftForItsDuration() throws {
        // An ultralight at 45 kt circling a drop zone 5 km ahead at 1 NM for 10 minutes.
        let v = 45 * 1852.0 / 3600, r = 1852.0
        let start = AircraftState(time: 0, east: 0, north: -5000, altitude: 300, heading: 0, speed: v)
        let orbit = Orbit(east: 0, north: 0, radius: r, altitude: 450, speed: v, duration: 600, clockwise: false)
        let path = model.fly(from: start, route: [.orbit(orbit)], until: 3600)
        // Joined: the first state from which it stays on the circle.
        let joined = try #require(path.firstIndex { abs(distance($0, 0, 0) - r) < 0.05 * r })
        let end = try #require(path.last)
        #expect(path[joined].time < 200, "joined at \(path[joined].time) s")
        #expect(abs(end.time - path[joined].time - 600) <= 4)
        let circling = path[(joined + 30)...]
        for s in circling {
            #expect(abs(distance(s, 0, 0) - r) < 0.05 * r, "t=\(s.time) r=\(distance(s, 0, 0))")
            #expect(s.bank < 0)  // left turns
        }
        // Turn made: 600 s at v/r rad/s, counted from the heading changes.
        var turned = 0.0
        for (a, b) in zip(path[joined...], path[(joined + 1)...]) { turned -= FlightModel.wrap(b.heading - a.heading) }
        #expect(abs(turned - 600 * v / r) < 0.05 * 600 * v / r)
        #expect(abs(end.altitude - 450) < 1e-9)
    }

    /// From 20 km south at 3,000 ft above sea level (or `start` given), land northbound at
    /// (0, 0) on a 400 m strip, stay 120 s, take off eastbound to 1,500 m.
    func landAndGo(from start: AircraftState) -> [AircraftState] {
        let land = Landing(east: 0, north: 0, elevation: 400, approachHeading: 0, speed: 35, groundTime: 120)
        let go = TakeOff(heading: 90 * Self.deg, altitude: 1500, speed: 45)
        return model.fly(from: start, route: [.land(land), .takeOff(go)], until: 7200)
    }

    func checkLandAndGo(_ path: [AircraftState]) throws {
        let touchdown = try #require(path.firstIndex { $0.onGround })
        let liftOff = try #require(path[touchdown...].firstIndex { !$0.onGround })
        let stopped = try #require(path.firstIndex { $0.onGround && $0.speed == 0 })
        // Touched down at the strip's elevation, lined up with the approach heading (north).
        #expect(path[touchdown].altitude == 400)
        #expect(abs(FlightModel.wrap(path[touchdown].heading)) < 3 * Self.deg)
        // The last minute of the final: on the centre line, within 30 m, descending toward the strip.
        for s in path[(touchdown - 60)..<touchdown] {
            #expect(abs(s.east) < 30 && s.north < 0, "t=\(s.time) east=\(s.east)")
            #expect(s.altitude > 400 && s.altitude < 400 + 1.5 * -s.north * tan(3 * Self.deg) + 30)
        }
        // Rolled to a stop at the point, then stood there, speed 0, on the ground, for 120 s.
        #expect(distance(path[stopped], 0, 0) < 30)
        let standing = path[stopped..<liftOff].filter { $0.speed == 0 }
        #expect(standing.allSatisfy { $0.onGround && $0.altitude == 400 && distance($0, 0, 0) < 30 })
        let runStart = try #require(path[stopped...].firstIndex { $0.speed > 0 })
        #expect(path[runStart - 1].time - path[stopped].time == 120)
        // Take-off run east, lift-off, climb at 5 m/s to 1,500 m: (1500 − 400) / 5 = 220 s.
        let top = try #require(path.last)
        #expect(top.altitude == 1500 && !top.onGround)
        #expect(abs(top.time - path[liftOff].time - 220) <= 1)
        for (a, b) in zip(path[liftOff..<(path.count - 1)], path[(liftOff + 1)...]) {
            #expect(abs(b.altitude - a.altitude - 5) < 1e-9 || b.altitude == 1500)
            #expect(abs(b.heading - 90 * Self.deg) < 1e-9)
        }
    }

    @Test func aStraightInLandingStopsAtThePointThenTakesOffAndClimbs() throws {
        let start = AircraftState(time: 0, east: 0, north: -20_000, altitude: 3000 * 0.3048, heading: 0, speed: 55)
        try checkLandAndGo(landAndGo(from: start))
    }

    @Test func aLandingFromTheWrongSideFliesRoundToTheFinal() throws {
        // North of the strip, flying south, against the northbound approach.
        let start = AircraftState(time: 0, east: 3000, north: 8000, altitude: 900, heading: Double.pi, speed: 55)
        try checkLandAndGo(landAndGo(from: start))
    }

    @Test func aFlightStartingOnTheGroundWaitsThenDeparts() throws {
        let start = AircraftState(time: 0, east: 0, north: 0, altitude: 250, heading: 0, speed: 0, onGround: true)
        let go = TakeOff(heading: 180 * Self.deg, altitude: 700, speed: 40)
        let path = model.fly(from: start, route: [.wait(300), .takeOff(go)], until: 3600)
        let moving = try #require(path.firstIndex { $0.speed > 0 })
        #expect(path[moving - 1].time == 300)
        #expect(path[..<moving].allSatisfy { $0.onGround && $0.east == 0 && $0.north == 0 })
        // Run south at 2 m/s² to lift-off at 0.8 × 40 m/s = 32 m/s: 16 s.
        let liftOff = try #require(path.firstIndex { !$0.onGround })
        #expect(path[liftOff].time == 316 && path[liftOff].north < 0)
        #expect(path.last?.altitude == 700 && abs((path.last?.time ?? 0) - 316 - 90) <= 1)
    }

    @Test func timeRunningOutInAManoeuvreEndsThePath() throws {
        let start = AircraftState(time: 0, east: 0, north: -20_000, altitude: 900, heading: 0, speed: 55)
        let path = landAndGo(from: start)
        let cut = model.fly(from: start, route: [.land(Landing(east: 0, north: 0, elevation: 400, approachHeading: 0, speed: 35, groundTime: 120))],
                            until: 400)
        #expect(cut.last?.time == 400)
        #expect(Array(path.prefix(cut.count)) == cut)
    }
}
