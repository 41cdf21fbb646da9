import Glibc
import Testing
@testable import Simulation

@Suite struct FlightModelTests {
    let model = FlightModel(bankDegrees: 25)

    @Test func straightAndLevelFliesAtItsSpeed() {
        var s = AircraftState(time: 0, east: 0, north: 0, altitude: 1000, heading: 0, speed: 50)
        let target = Waypoint(east: 0, north: 100_000, altitude: 1000, speed: 50)
        for _ in 0..<100 { model.step(&s, toward: target, dt: 1) }
        #expect(abs(s.north - 5000) < 1e-6 && abs(s.east) < 1e-6)
        #expect(s.time == 100 && s.bank == 0 && s.verticalRate == 0)
    }

    @Test func aCoordinatedTurnTurnsAtGTanBankOverV() {
        // Banked 25° at 50 m/s: ω = g·tan 25° / 50 = 0.091458 rad/s; radius v/ω = 546.7 m.
        let omega = 9.80665 * tan(25 * Double.pi / 180) / 50
        var s = AircraftState(time: 0, east: 0, north: 0, altitude: 1000, heading: 0, speed: 50,
                              bank: 25 * Double.pi / 180)
        // A waypoint off the right wing keeps the bank at its limit.
        let target = Waypoint(east: 100_000, north: -1, altitude: 1000, speed: 50)
        for _ in 0..<10 { model.step(&s, toward: target, dt: 1) }
        #expect(abs(s.heading - 10 * omega) < 1e-9)
        // On a circle of radius r from (0, 0) heading north, turning right: east = r(1 − cos ψ),
        // north = r sin ψ. The model integrates along mean headings, within a metre here.
        let r = 50 / omega, psi = 10 * omega
        #expect(abs(s.east - r * (1 - cos(psi))) < 1.0)
        #expect(abs(s.north - r * sin(psi)) < 1.0)
        #expect(abs(model.turnRadius(speed: 50) - r) < 1e-9)
    }

    @Test func climbsAndSpeedChangesAtTheirRates() {
        var s = AircraftState(time: 0, east: 0, north: 0, altitude: 1000, heading: 0, speed: 50)
        let target = Waypoint(east: 0, north: 1_000_000, altitude: 1500, speed: 60)
        for _ in 0..<5 { model.step(&s, toward: target, dt: 1) }
        #expect(abs(s.speed - 55) < 1e-9)
        #expect(abs(s.altitude - 1025) < 1e-9 && s.verticalRate == 5)
        for _ in 0..<115 { model.step(&s, toward: target, dt: 1) }
        #expect(s.altitude == 1500 && s.verticalRate == 0 && s.speed == 60)
    }

    @Test func aRouteIsFlownToItsEndWithoutJumps() throws {
        let start = AircraftState(time: 0, east: 0, north: 0, altitude: 500, heading: 0, speed: 60)
        let square = [
            Waypoint(east: 0, north: 10_000, altitude: 800, speed: 60),
            Waypoint(east: 10_000, north: 10_000, altitude: 800, speed: 70),
            Waypoint(east: 10_000, north: 0, altitude: 300, speed: 60),
            Waypoint(east: 0, north: 0, altitude: 300, speed: 60),
        ]
        let path = model.fly(from: start, route: square, until: 3600)
        let end = try #require(path.last)
        // Four legs of 10 km at 60–70 m/s: about 10–12 minutes, nowhere near the hour allowed.
        #expect(end.time > 500 && end.time < 900)
        #expect((end.east * end.east + end.north * end.north).squareRoot() < 300)
        for (a, b) in zip(path, path.dropFirst()) {
            let step = ((b.east - a.east) * (b.east - a.east) + (b.north - a.north) * (b.north - a.north)).squareRoot()
            #expect(step <= max(a.speed, b.speed) + 1e-6)
            #expect(abs(b.bank) <= 25 * Double.pi / 180 + 1e-12)
        }
        // It passed near every corner.
        for w in square {
            let closest = path.map { (($0.east - w.east) * ($0.east - w.east) + ($0.north - w.north) * ($0.north - w.north)).squareRoot() }.min()!
            #expect(closest < 2 * model.turnRadius(speed: 70))
        }
    }
}

@Suite struct SteepApproachTests {
    /// Straight in from 600 m above a strip 4 km ahead, far above the 3° path (≈ 200 m there): the
    /// aircraft must steepen its descent and reach the strip, not arrive in the air over it.
    @Test func aHighApproachStillReachesTheStripWithoutAJump() throws {
        let model = FlightModel()
        let start = AircraftState(time: 0, east: 0, north: 0, altitude: 1300, heading: 0, speed: 41)
        let landing = Landing(east: 0, north: 4000, elevation: 700, approachHeading: 0, speed: 36, groundTime: 10)
        let path = model.fly(from: start, route: [.land(landing)], until: 600)
        let touchdown = try #require(path.firstIndex { $0.onGround })
        let before = path[touchdown - 1]
        // The last second in the air is close to the ground, and no second drops more than a dive.
        #expect(before.altitude - 700 < 30)
        for (a, b) in zip(path, path.dropFirst()) { #expect(a.altitude - b.altitude < 20) }
    }
}
