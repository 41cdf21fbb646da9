import Glibc
import Asterix
import FoundationEssentials
import Geodesy

/// What is wrong with a scenario file, said so a person can fix it.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Scenario {
    /// Reads a scenario from its JSON text.
    public init(json: [UInt8]) throws(ScenarioError) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            self = try decoder.decode(Scenario.self, from: Data(json))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ScenarioError(message: "missing \(Self.path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ScenarioError(message: "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            throw ScenarioError(message: context.codingPath.isEmpty ? "not valid JSON: \(detail)"
                                    : "bad value at \(Self.path(context.codingPath)): \(detail)")
        } catch {
            throw ScenarioError(message: "unreadable: \(error)")
        }
    }

    /// `radars[1].sigma_range_m`: the path as the file spells it.
    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                if !out.isEmpty { out += "." }
                for ch in key.stringValue {
                    if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
                }
            }
        }
        return out
    }

    /// UTC seconds since 1970 of `start`.
    public func startTime() throws(ScenarioError) -> Double {
        guard let date = try? Date(start, strategy: .iso8601) else {
            throw ScenarioError(message: "start: '\(start)' is not an ISO 8601 UTC time like 2026-05-02T04:00:00Z")
        }
        return date.timeIntervalSince1970
    }

    /// The session this scenario describes, after checking every value a person could get wrong.
    /// `seed` draws the generated traffic (listed flights do not depend on it).
    public func session(seed: UInt64 = 1) throws(ScenarioError) -> Session {
        func fail(_ m: String) -> ScenarioError { ScenarioError(message: m) }
        let t0 = try startTime()
        guard durationS > 0, durationS <= 86_400 else { throw fail("duration_s: \(durationS) is not within 0–86400 s") }
        guard !radars.isEmpty else { throw fail("radars: at least one is needed") }
        let plane: LocalTangentPlane
        do {
            plane = try LocalTangentPlane(centre: GeodeticPosition(latitude: centre.lat, longitude: centre.lon, height: 0))
        } catch {
            throw fail("centre: \(error)")
        }
        var seen = Set<SensorID>(), ports = Set<Int>()
        var simulated: [SimulatedRadar] = []
        for (i, r) in radars.enumerated() {
            let at = "radars[\(i)] (\(r.name))"
            guard let sac = UInt8(exactly: r.sac), let sic = UInt8(exactly: r.sic) else {
                throw fail("\(at): SAC \(r.sac) and SIC \(r.sic) must each be 0–255")
            }
            let sensor = SensorID(sac: sac, sic: sic)
            guard seen.insert(sensor).inserted else { throw fail("\(at): SAC/SIC \(sensor) is used twice") }
            guard (1...65_535).contains(r.port), ports.insert(r.port).inserted else {
                throw fail("\(at): port \(r.port) is outside 1–65535 or used twice")
            }
            guard r.scanS > 0.5, r.scanS <= 60 else { throw fail("\(at): scan_s \(r.scanS) is not within 0.5–60 s") }
            guard r.rangeNm > 0, r.rangeNm < 256 else { throw fail("\(at): range_nm \(r.rangeNm) is not within 0–256 NM (I048/040's reach)") }
            guard (0..<1).contains(r.pd), r.pd > 0, r.pdRangeNm > 0, r.pdRcsM2 > 0, (0...1).contains(r.ssrPd) else {
                throw fail("\(at): pd must be in (0, 1), pd_range_nm and pd_rcs_m2 positive, ssr_pd in [0, 1]")
            }
            guard r.sigmaRangeM >= 0, r.sigmaAzimuthDeg >= 0, r.falsePlotsPerScan >= 0, r.falsePlotsPerScan <= 10_000 else {
                throw fail("\(at): sigmas and false_plots_per_scan must be non-negative (false plots at most 10000)")
            }
            let sectors = r.sectors ?? 16
            guard (1...256).contains(sectors) else { throw fail("\(at): sectors \(sectors) is not within 1–256") }
            let site: RadarSite
            do {
                site = try RadarSite(sensor: sensor, antenna: GeodeticPosition(latitude: r.lat, longitude: r.lon, height: r.antennaM))
            } catch {
                throw fail("\(at): \(error)")
            }
            simulated.append(SimulatedRadar(
                site: site, scanPeriod: r.scanS, maxRange: r.rangeNm * Units.metresPerNauticalMile, sectors: sectors,
                hasPSR: r.psr ?? true, hasSSR: r.ssr ?? true, measuresHeight: r.measuresHeight ?? false,
                rangeSigma: r.sigmaRangeM, azimuthSigma: r.sigmaAzimuthDeg, heightSigma: r.sigmaHeightM ?? 900,
                detection: DetectionModel(referenceProbability: r.pd, referenceRange: r.pdRangeNm * Units.metresPerNauticalMile,
                                          referenceRCS: r.pdRcsM2, ssrProbability: r.ssrPd),
                falsePlotsPerScan: r.falsePlotsPerScan))
        }
        var icaos = Set<String>()
        for (i, a) in (airports ?? []).enumerated() {
            guard icaos.insert(a.icao).inserted else { throw fail("airports[\(i)] (\(a.icao)): ICAO code used twice") }
            guard (-90...90).contains(a.lat), (-180...180).contains(a.lon), a.elevationFt > -2000, a.elevationFt < 30_000 else {
                throw fail("airports[\(i)] (\(a.icao)): latitude, longitude or elevation_ft out of range")
            }
        }
        let airfields = (airports ?? []).map {
            SyntheticTerrain.Airfield(latitude: $0.lat, longitude: $0.lon, elevation: $0.elevationFt * Units.metresPerFoot)
        }
        let ground: any Ground = terrainSeed.map { SyntheticTerrain(seed: $0, airfields: airfields) } ?? Terrain()
        /// Metres above sea level of the ground at a point: the relief's, or sea level without one.
        func elevation(_ lat: Double, _ lon: Double) -> Double { ground.height(latitude: lat, longitude: lon) ?? 0 }
        let generated = try traffic.map { (t: Traffic) throws(ScenarioError) -> [Flight] in
            try generatedFlights(t, seed: seed, plane: plane, ground: elevation)
        } ?? []
        var flying: [SimulatedFlight] = []
        var ids = Set<String>()
        for (i, f) in (flights + generated).enumerated() {
            let at = i < flights.count ? "flights[\(i)] (\(f.id))" : "traffic flight \(f.id)"
            guard ids.insert(f.id).inserted else { throw fail("\(at): id used twice") }
            guard f.rcsM2 > 0 else { throw fail("\(at): rcs_m2 must be positive") }
            let points: [(Int, Point)] = [(0, f.start)] + f.route.enumerated().compactMap { j, e in
                if case .point(let p) = e { (j + 1, p) } else { nil }
            }
            for (j, p) in points {
                guard (-90...90).contains(p.lat), (-180...180).contains(p.lon), p.altFt > -2000, p.altFt < 100_000,
                      p.speedKt > 0 || (j == 0 && f.startOnGroundS != nil), p.speedKt < 2000 else {
                    throw fail("\(at): point \(j) has a latitude, longitude, altitude or speed out of range")
                }
            }
            var transponder: Simulation.Transponder?
            if let t = f.transponder {
                let code = try t.mode3a.map { (s: String) throws(ScenarioError) -> Mode3A in
                    guard let m = Mode3A(octal: s) else { throw fail("\(at): mode3a '\(s)' is not four octal digits") }
                    return m
                }
                let address = try t.address.map { (s: String) throws(ScenarioError) -> ModeSAddress in
                    guard let a = ModeSAddress(hex: s) else { throw fail("\(at): address '\(s)' is not 6 hex digits") }
                    return a
                }
                let callsign = try t.callsign.map { (s: String) throws(ScenarioError) -> Callsign in
                    guard let c = Callsign(s) else { throw fail("\(at): callsign '\(s)' is not up to 8 letters, digits and spaces") }
                    return c
                }
                transponder = Simulation.Transponder(mode3A: code, address: address, callsign: callsign, reportsAltitude: t.reportsAltitude ?? true)
            }
            func local(_ p: Point) -> (Double, Double) {
                let e = plane.enu(from: GeodeticPosition(latitude: p.lat, longitude: p.lon, height: 0))
                return (e.east, e.north)
            }
            let (e0, n0) = local(f.start)
            let knots = Units.metresPerNauticalMile / 3600
            var start = AircraftState(time: f.startS ?? 0, east: e0, north: n0, altitude: f.start.altFt * Units.metresPerFoot,
                                      heading: f.headingDeg * Double.pi / 180, speed: f.start.speedKt * knots)
            guard f.bankDeg.map({ $0 > 0 && $0 <= 60 }) ?? true else { throw fail("\(at): bank_deg must be within 0–60°") }
            let fpm = Units.metresPerFoot / 60
            let model = FlightModel(bankDegrees: f.bankDeg ?? 25, climbRate: (f.climbFpm ?? 1000) * fpm,
                                    descentRate: (f.descentFpm ?? 1000) * fpm)
            var route: [Leg] = []
            // What the aircraft is doing when each entry begins, to check the entry makes sense.
            var onGround = false
            var groundElevation = 0.0
            var speed = start.speed
            if let wait = f.startOnGroundS {
                guard wait >= 0, wait <= 86_400 else { throw fail("\(at): start_on_ground_s must be within 0–86400 s") }
                guard case .takeOff = f.route.first else {
                    throw fail("\(at): start_on_ground_s needs a take_off as route[0]")
                }
                groundElevation = elevation(f.start.lat, f.start.lon)
                start.altitude = groundElevation
                start.speed = 0
                start.onGround = true
                onGround = true
                route.append(.wait(wait))
            }
            for (j, entry) in f.route.enumerated() {
                let here = "\(at): route[\(j)]"
                func latLon(_ lat: Double, _ lon: Double, _ key: String) throws(ScenarioError) -> (Double, Double) {
                    guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                        throw fail("\(here).\(key).lat/lon out of range")
                    }
                    return local(Point(lat: lat, lon: lon, altFt: 0, speedKt: 0))
                }
                switch entry {
                case .point(let p):
                    guard !onGround else { throw fail("\(here): the aircraft is on the ground; a take_off must come first") }
                    let (e, n) = local(p)
                    route.append(.waypoint(Waypoint(east: e, north: n, altitude: p.altFt * Units.metresPerFoot, speed: p.speedKt * knots)))
                    speed = p.speedKt * knots
                case .orbit(let o):
                    let key = "\(here).orbit"
                    guard !onGround else { throw fail("\(key): the aircraft is on the ground; a take_off must come first") }
                    let (e, n) = try latLon(o.lat, o.lon, "orbit")
                    guard o.altFt > -2000, o.altFt < 100_000 else { throw fail("\(key).alt_ft \(o.altFt) is out of range") }
                    guard o.speedKt > 0, o.speedKt < 2000 else { throw fail("\(key).speed_kt must be positive (below 2000)") }
                    guard (o.radiusNm == nil) != (o.bankDeg == nil) else { throw fail("\(key): give radius_nm or bank_deg, not both") }
                    guard (o.turns == nil) != (o.durationS == nil) else { throw fail("\(key): give turns or duration_s, not both") }
                    if let r = o.radiusNm, !(r > 0) { throw fail("\(key).radius_nm must be positive") }
                    if let b = o.bankDeg, !(b > 0 && b <= 60) { throw fail("\(key).bank_deg must be within 0–60°") }
                    if let t = o.turns, !(t > 0 && t <= 1000) { throw fail("\(key).turns must be positive (at most 1000)") }
                    if let d = o.durationS, !(d > 0 && d <= 86_400) { throw fail("\(key).duration_s must be within 0–86400 s") }
                    guard o.direction == nil || o.direction == "left" || o.direction == "right" else {
                        throw fail("\(key).direction must be left or right")
                    }
                    let v = o.speedKt * knots
                    let radius = o.radiusNm.map { $0 * Units.metresPerNauticalMile } ?? Simulation.Orbit.radius(speed: v, bank: o.bankDeg! * Double.pi / 180)
                    guard v * v / (FlightModel.gravity * radius) <= tan(60 * Double.pi / 180) else {
                        throw fail("\(key).radius_nm is too tight for \(o.speedKt) kt (a bank over 60°)")
                    }
                    route.append(.orbit(Simulation.Orbit(east: e, north: n, radius: radius, altitude: o.altFt * Units.metresPerFoot, speed: v,
                                              turns: o.turns, duration: o.durationS, clockwise: o.direction != "left")))
                    speed = v
                case .land(let l):
                    let key = "\(here).land"
                    guard !onGround else { throw fail("\(key): the aircraft is already on the ground; a take_off must come first") }
                    let (e, n) = try latLon(l.lat, l.lon, "land")
                    if let h = l.elevationFt, !(h > -2000 && h < 30_000) { throw fail("\(key).elevation_ft \(h) is out of range") }
                    guard (0...360).contains(l.approachHeadingDeg) else { throw fail("\(key).approach_heading_deg must be within 0–360") }
                    if let v = l.speedKt, !(v > 0 && v < 300) { throw fail("\(key).speed_kt must be positive (below 300)") }
                    if let g = l.groundS, !(g >= 0 && g <= 86_400) { throw fail("\(key).ground_s must be within 0–86400 s") }
                    groundElevation = l.elevationFt.map { $0 * Units.metresPerFoot } ?? elevation(l.lat, l.lon)
                    route.append(.land(Landing(east: e, north: n, elevation: groundElevation,
                                               approachHeading: l.approachHeadingDeg * Double.pi / 180,
                                               speed: l.speedKt.map { $0 * knots } ?? min(speed, 80 * knots), groundTime: l.groundS ?? 0)))
                    onGround = true
                case .hold(let h):
                    let key = "\(here).hold"
                    guard !onGround else { throw fail("\(key): the aircraft is on the ground; a take_off must come first") }
                    let (e, n) = try latLon(h.lat, h.lon, "hold")
                    guard (0...360).contains(h.inboundCourseDeg) else { throw fail("\(key).inbound_course_deg must be within 0–360") }
                    guard (1...100).contains(h.laps) else { throw fail("\(key).laps must be within 1–100") }
                    guard h.legS.map({ $0 > 0 && $0 <= 600 }) ?? true else { throw fail("\(key).leg_s must be within 0–600 s") }
                    guard h.altFt > -2000, h.altFt < 100_000 else { throw fail("\(key).alt_ft \(h.altFt) is out of range") }
                    guard h.speedKt > 0, h.speedKt < 2000 else { throw fail("\(key).speed_kt must be positive (below 2000)") }
                    guard h.direction == nil || h.direction == "left" || h.direction == "right" else {
                        throw fail("\(key).direction must be left or right")
                    }
                    route += Simulation.Hold(east: e, north: n, inboundCourse: h.inboundCourseDeg * Double.pi / 180,
                                             legTime: h.legS ?? 60, laps: h.laps, altitude: h.altFt * Units.metresPerFoot,
                                             speed: h.speedKt * knots, clockwise: h.direction != "left").legs(model: model)
                    speed = h.speedKt * knots
                case .drop:
                    guard !onGround else { throw fail("\(here).drop: the aircraft is on the ground; a drop is made in flight") }
                    route.append(.drop)
                case .takeOff(let t):
                    let key = "\(here).take_off"
                    guard onGround else { throw fail("\(key): the aircraft is flying; only a landing or start_on_ground_s puts it on the ground") }
                    guard (0...360).contains(t.headingDeg) else { throw fail("\(key).heading_deg must be within 0–360") }
                    guard t.speedKt > 0, t.speedKt < 2000 else { throw fail("\(key).speed_kt must be positive (below 2000)") }
                    guard t.climbToFt * Units.metresPerFoot > groundElevation, t.climbToFt < 100_000 else {
                        throw fail("\(key).climb_to_ft must be above the ground it takes off from (\(Int((groundElevation / Units.metresPerFoot).rounded())) ft)")
                    }
                    route.append(.takeOff(Simulation.TakeOff(heading: t.headingDeg * Double.pi / 180, altitude: t.climbToFt * Units.metresPerFoot,
                                                  speed: t.speedKt * knots)))
                    onGround = false
                    speed = t.speedKt * knots
                }
            }
            flying.append(SimulatedFlight(
                id: f.id, label: f.label ?? "normal", role: f.role, rcs: f.rcsM2, start: start, route: route, model: model,
                transponder: transponder,
                transponderSwitches: (f.transponderSwitches ?? []).sorted { $0.atS < $1.atS }.map { .init(time: $0.atS, on: $0.on) }))
        }
        var line: Border?
        if let border {
            guard border.count >= 2, border.allSatisfy({ $0.count == 2 && (-90...90).contains($0[0]) && (-180...180).contains($0[1]) }) else {
                throw fail("border: at least two [lat, lon] points, latitudes within ±90°, longitudes within ±180°")
            }
            line = Border(points: border.map { ($0[0], $0[1]) })
        }
        return Session(plane: plane, start: t0, duration: durationS, radars: simulated, flights: flying, ground: ground, border: line)
    }
}
