import Asterix
import Geodesy
import Glibc

/// Makes the flights a scenario's `traffic` section asks for, as scenario flights, so that they are
/// checked and flown exactly like listed ones. Arrivals are a Poisson process at the set rate,
/// starting early enough that the session opens with the airways and the sky already busy.
struct TrafficGenerator {
    let plane: LocalTangentPlane
    let duration: Double
    /// Ground height above sea level, metres, at a latitude and longitude.
    let ground: (Double, Double) -> Double
    var rng: SplitMix64
    /// Flight ids and Mode S addresses taken, listed flights' included.
    var ids: Set<String>
    var addresses: Set<String>

    static let knot = Units.metresPerNauticalMile / 3600
    static let foot = Units.metresPerFoot
    static let airlines = ["AMX", "VIV", "VOI", "SLI", "AIJ", "AAL", "UAL", "SWA", "DAL", "ASA"]
    /// GA final approach and the point it is flown from: 15 km out, 2,500 ft above the field.
    static let approachDistance = 15_000.0
    static let approachHeight = 2500 * foot
    /// Where the descent toward the approach point begins.
    static let descentDistance = 40_000.0
    /// Height GA cruise keeps above the highest ground under its route.
    static let clearance = 2000 * foot

    /// A point of the plane: east, north, metres.
    struct XY {
        var e: Double
        var n: Double
        func distance(to o: XY) -> Double { ((o.e - e) * (o.e - e) + (o.n - n) * (o.n - n)).squareRoot() }
        /// Degrees clockwise from north, 0–360.
        func bearing(to o: XY) -> Double {
            let b = atan2(o.e - e, o.n - n) * 180 / Double.pi
            return b < 0 ? b + 360 : b
        }
        func toward(_ o: XY, _ d: Double) -> XY {
            let l = max(distance(to: o), 1e-9)
            return XY(e: e + (o.e - e) * d / l, n: n + (o.n - n) * d / l)
        }
    }

    func xy(_ lat: Double, _ lon: Double) -> XY {
        let v = plane.enu(from: GeodeticPosition(latitude: lat, longitude: lon, height: 0))
        return XY(e: v.east, n: v.north)
    }

    func point(_ p: XY, altitude: Double, speed: Double) -> Scenario.Point {
        let g = plane.geodetic(from: ENU(east: p.e, north: p.n, up: 0))
        return Scenario.Point(lat: g.latitude, lon: g.longitude, altFt: altitude / Self.foot, speedKt: speed / Self.knot)
    }

    /// Poisson arrival times at `perHour` within [from, to).
    mutating func arrivals(perHour: Double, from: Double, to: Double) -> [Double] {
        guard perHour > 0 else { return [] }
        var out: [Double] = []
        var t = from
        while true {
            t += -log(1 - Double.random(in: 0..<1, using: &rng)) * 3600 / perHour
            if t >= to { return out }
            out.append(t)
        }
    }

    /// Where a flight that set off along `path` `distance` metres ago is: the point, the index of
    /// the next vertex, and its heading. Nil once past the end.
    func along(_ path: [XY], _ distance: Double) -> (XY, Int, Double)? {
        var left = distance
        for i in 1..<path.count {
            let l = path[i - 1].distance(to: path[i])
            if left < l { return (path[i - 1].toward(path[i], left), i, path[i - 1].bearing(to: path[i])) }
            left -= l
        }
        return nil
    }

    mutating func unique(_ make: (inout SplitMix64) -> String) -> String {
        while true {
            let s = make(&rng)
            if !ids.contains(s) {
                ids.insert(s)
                return s
            }
        }
    }

    mutating func address(base: Int, count: Int) -> String {
        while true {
            let a = String(base + Int.random(in: 0..<count, using: &rng), radix: 16, uppercase: true)
            let hex = String(repeating: "0", count: max(0, 6 - a.count)) + a
            if addresses.insert(hex).inserted { return hex }
        }
    }

    /// A Mode 3/A code outside the special ones (7500, 7600, 7700 start with 7).
    mutating func squawk() -> String {
        (0..<4).map { i in String(Int.random(in: i == 0 ? 1...6 : 0...7, using: &rng)) }.joined()
    }

    /// Airliners along one airway, both ways: Mode S, a callsign, a level of the band on the
    /// semicircular rule (odd thousands eastbound, even westbound).
    mutating func airliners(_ airway: Scenario.Airway) -> [Scenario.Flight] {
        var out: [Scenario.Flight] = []
        let forward = airway.points.map { xy($0[0], $0[1]) }
        for path in [forward, forward.reversed()] {
            let length = zip(path, path.dropFirst()).map { $0.distance(to: $1) }.reduce(0, +)
            let eastbound = path[0].bearing(to: path[path.count - 1]) < 180
            let band = stride(from: (airway.flMin / 10).rounded(.up) * 10, through: airway.flMax, by: 10).map { $0 }
            let levels = band.filter { Int($0 / 10) % 2 == (eastbound ? 1 : 0) }
            let nominal = (airway.speedKt ?? 460) * Self.knot
            for t0 in arrivals(perHour: airway.perHour / 2, from: -length / (nominal - 20 * Self.knot), to: duration) {
                let speed = nominal + Double.random(in: -20...20, using: &rng) * Self.knot
                guard let (start, next, heading) = along(path, max(0, -t0) * speed) else { continue }
                let level = (levels.isEmpty ? band : levels).randomElement(using: &rng)!
                let altitude = level * 100 * Self.foot
                let airline = Self.airlines.randomElement(using: &rng)!
                let callsign = unique { airline + String(Int.random(in: 100...9999, using: &$0)) }
                // Mexican carriers in Mexico's block of addresses, the others in the United States'.
                let mexican = Self.airlines.firstIndex(of: airline)! < 5
                let address = mexican ? self.address(base: 0x0D0000, count: 0x8000) : self.address(base: 0xA00000, count: 0xDF7C8)
                out.append(Scenario.Flight(
                    id: callsign, label: "normal", role: nil, rcsM2: Double.random(in: 20...60, using: &rng),
                    startS: max(t0, 0), start: point(start, altitude: altitude, speed: speed), headingDeg: heading,
                    route: path[next...].map { .point(point($0, altitude: altitude, speed: speed)) },
                    transponder: Scenario.Transponder(mode3a: squawk(), address: address, callsign: callsign)))
            }
        }
        return out
    }

    /// General aviation between `airports`: take-off, climb on course, a dog-leg on the way, a
    /// descent to an approach point on the final, a landing. Those that left before the session
    /// starts are met cruising where they would be.
    mutating func generalAviation(_ ga: Scenario.GeneralAviation, airports: [Scenario.Airport]) -> [Scenario.Flight] {
        let places = airports.map { xy($0.lat, $0.lon) }
        let reach = (ga.maxDistanceNm ?? 250) * Units.metresPerNauticalMile
        let pairs = places.indices.flatMap { a in places.indices.map { (a, $0) } }
            .filter { $0 != $1 && places[$0].distance(to: places[$1]) <= reach }
        guard !pairs.isEmpty else { return [] }
        let cruiseBand = ga.cruiseFt ?? [6500, 11500], speedBand = ga.speedKt ?? [110, 170]
        let slowest = speedBand[0] * Self.knot
        let wait = 60.0
        var out: [Scenario.Flight] = []
        for t0 in arrivals(perHour: ga.perHour, from: -(reach * 1.3 / slowest + wait), to: duration) {
            let (a, b) = pairs.randomElement(using: &rng)!
            let from = places[a], to = places[b]
            let speed = Double.random(in: speedBand[0]...speedBand[1], using: &rng) * Self.knot
            // The dog-leg: the midpoint pushed aside by up to 15 % of the distance.
            let d = from.distance(to: to)
            let side = Double.random(in: -0.15...0.15, using: &rng) * d
            let mid = XY(e: (from.e + to.e) / 2 + side * (to.n - from.n) / d, n: (from.n + to.n) / 2 - side * (to.e - from.e) / d)
            let final = mid.bearing(to: to)
            let approach = to.toward(mid, Self.approachDistance)
            let descent = to.toward(mid, min(Self.descentDistance, to.distance(to: mid)))
            let path = [from, mid, descent, approach]
            // Cruise in 500 ft steps of the band, raised to clear the highest ground on the way.
            var highest = 0.0
            for (p, q) in zip(path, path.dropFirst()) {
                let steps = Int(p.distance(to: q) / 2000) + 1
                for k in 0...steps {
                    let g = point(p.toward(q, p.distance(to: q) * Double(k) / Double(steps)), altitude: 0, speed: 0)
                    highest = max(highest, ground(g.lat, g.lon))
                }
            }
            let drawn = (Double.random(in: cruiseBand[0]...cruiseBand[1], using: &rng) / 500).rounded() * 500
            let cruise = max(drawn, ((highest + Self.clearance) / Self.foot / 500).rounded(.up) * 500) * Self.foot
            let field = airports[b].elevationFt * Self.foot
            let approachAltitude = field + Self.approachHeight
            let land = Scenario.RouteEntry.land(Scenario.Land(lat: airports[b].lat, lon: airports[b].lon, elevationFt: airports[b].elevationFt,
                                                            approachHeadingDeg: final, speedKt: 70, groundS: 120))
            let origin = airports[a].icao.hasPrefix("K") ? "N" : "X"
            let registration = unique { rng in
                let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                let l = (0..<3).map { _ in String(letters.randomElement(using: &rng)!) }.joined()
                return origin == "N" ? "N" + String(Int.random(in: 100...999, using: &rng)) + l.prefix(2) : "X" + ["A", "B", "C"].randomElement(using: &rng)! + l
            }
            let modeS = Bool.random(using: &rng)
            let transponder = Scenario.Transponder(
                mode3a: squawk(), address: modeS ? address(base: origin == "N" ? 0xA00000 : 0x0D0000, count: origin == "N" ? 0xDF7C8 : 0x8000) : nil,
                callsign: modeS ? registration : nil)
            let rcs = Double.random(in: 1.5...4, using: &rng)
            let altitudes = [cruise, cruise, cruise, approachAltitude]
            if t0 >= 0 {
                out.append(Scenario.Flight(
                    id: registration, label: "normal", rcsM2: rcs, startS: t0, start: Scenario.Point(lat: airports[a].lat, lon: airports[a].lon, altFt: 0, speedKt: 0),
                    headingDeg: from.bearing(to: mid),
                    route: [.takeOff(Scenario.TakeOff(headingDeg: from.bearing(to: mid), climbToFt: cruise / Self.foot, speedKt: speed / Self.knot))]
                        + (1..<path.count).map { .point(point(path[$0], altitude: altitudes[$0], speed: speed)) } + [land],
                    startOnGroundS: wait, transponder: transponder))
            } else {
                // Met in the air: skip those still climbing out (they would appear from nowhere
                // low down) and those already on their approach.
                let flown = (-t0 - wait) * speed
                guard flown > 20_000, let (here, next, heading) = along(path, flown) else { continue }
                out.append(Scenario.Flight(
                    id: registration, label: "normal", rcsM2: rcs, startS: 0, start: point(here, altitude: altitudes[next - 1], speed: speed),
                    headingDeg: heading,
                    route: (next..<path.count).map { .point(point(path[$0], altitude: altitudes[$0], speed: speed)) } + [land],
                    transponder: transponder))
            }
        }
        return out
    }
}

extension Scenario {
    /// The flights `traffic` asks for, after checking its settings.
    func generatedFlights(_ traffic: Traffic, seed: UInt64, plane: LocalTangentPlane,
                          ground: @escaping (Double, Double) -> Double) throws(ScenarioError) -> [Flight] {
        func fail(_ m: String) -> ScenarioError { ScenarioError(message: m) }
        var generator = TrafficGenerator(plane: plane, duration: durationS, ground: ground,
                                         rng: SplitMix64(seed: seed ^ 0x7AFF_1C00_5EED),
                                         ids: Set(flights.map(\.id)),
                                         addresses: Set(flights.compactMap { $0.transponder?.address?.uppercased() }))
        var out: [Flight] = []
        for (i, a) in (traffic.airways ?? []).enumerated() {
            let at = "traffic.airways[\(i)] (\(a.name))"
            guard a.points.count >= 2, a.points.allSatisfy({ $0.count == 2 && (-90...90).contains($0[0]) && (-180...180).contains($0[1]) }) else {
                throw fail("\(at): points must be at least two [lat, lon] pairs")
            }
            guard a.flMin >= 0, a.flMin <= a.flMax, a.flMax <= 600 else { throw fail("\(at): fl_min must not exceed fl_max (FL0–600)") }
            guard a.perHour >= 0, a.perHour <= 100_000 else { throw fail("\(at): per_hour must be within 0–100000") }
            guard a.speedKt.map({ $0 > 100 && $0 < 1000 }) ?? true else { throw fail("\(at): speed_kt must be within 100–1000") }
            out += generator.airliners(a)
        }
        if let ga = traffic.generalAviation {
            let at = "traffic.general_aviation"
            let known = airports ?? []
            let chosen = try (ga.airports ?? known.map(\.icao)).map { (icao: String) throws(ScenarioError) -> Airport in
                guard let a = known.first(where: { $0.icao == icao }) else { throw fail("\(at).airports: \(icao) is not in the scenario's airports") }
                return a
            }
            guard chosen.count >= 2 else { throw fail("\(at): needs at least two airports") }
            guard ga.perHour >= 0, ga.perHour <= 100_000 else { throw fail("\(at).per_hour must be within 0–100000") }
            for (key, band, range) in [("cruise_ft", ga.cruiseFt, 1000.0...45_000), ("speed_kt", ga.speedKt, 40...400)] {
                guard let band else { continue }
                guard band.count == 2, band[0] <= band[1], range.contains(band[0]), range.contains(band[1]) else {
                    throw fail("\(at).\(key) must be [low, high] within \(Int(range.lowerBound))–\(Int(range.upperBound))")
                }
            }
            guard ga.maxDistanceNm.map({ $0 > 0 }) ?? true else { throw fail("\(at).max_distance_nm must be positive") }
            out += generator.generalAviation(ga, airports: chosen)
        }
        return out
    }
}
