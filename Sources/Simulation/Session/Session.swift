import Asterix
import Geodesy

/// A whole simulated radar session: radars watching flights over ground, written out as the UDP
/// datagrams plot extractors send (per radar and sector, a CAT034 service message and the CAT048
/// plots found in that sector) and as truth.
public struct Session: Sendable {
    /// Origin of the plane the flights are flown in.
    public var plane: LocalTangentPlane
    /// UTC seconds since 1970 at session time 0.
    public var start: Double
    /// Seconds.
    public var duration: Double
    public var radars: [SimulatedRadar]
    public var flights: [SimulatedFlight]
    public var ground: any Ground
    /// The border whose crossings the truth marks; none when nil.
    public var border: Border?

    public init(plane: LocalTangentPlane, start: Double, duration: Double, radars: [SimulatedRadar],
                flights: [SimulatedFlight], ground: any Ground, border: Border? = nil) {
        self.plane = plane
        self.start = start
        self.duration = duration
        self.radars = radars
        self.flights = flights
        self.ground = ground
        self.border = border
    }

    /// One datagram as a plot extractor sends it.
    public struct Datagram: Sendable {
        /// UTC seconds since 1970.
        public var time: Double
        /// Index into `radars`.
        public var radar: Int
        public var payload: [UInt8]
    }

    /// The geodetic position of a state of the plane: the point under (east, north) at its altitude.
    public func position(of s: AircraftState) -> GeodeticPosition {
        let g = plane.geodetic(from: ENU(east: s.east, north: s.north, up: 0))
        return GeodeticPosition(latitude: g.latitude, longitude: g.longitude, height: s.altitude)
    }

    /// Every datagram of the session, in time order. The same seed gives the same bytes.
    public func datagrams(seed: UInt64) -> [Datagram] {
        let trajectories = self.trajectories()
        var out: [Datagram] = []
        for (index, radar) in radars.enumerated() {
            var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
            out += scan(radar, index: index, trajectories: trajectories, rng: &rng)
        }
        out.sort { ($0.time, $0.radar) < ($1.time, $1.radar) }
        return out
    }

    private func scan(_ radar: SimulatedRadar, index: Int, trajectories: [Trajectory], rng: inout SplitMix64) -> [Datagram] {
        let cat048 = EditionTable.standard[48]!, cat034 = EditionTable.standard[34]!
        let sectorWidth = 360 / Double(radar.sectors)
        var out: [Datagram] = []
        var scanStart = 0.0
        while scanStart < duration {
            // Where each flight is in azimuth this revolution: taken at the revolution's middle,
            // then refined at the beam crossing, is close enough for aircraft speeds.
            var crossings: [(time: Double, flight: Int)] = []
            for (i, t) in trajectories.enumerated() {
                guard let s = t.state(at: min(max(scanStart + radar.scanPeriod / 2, t.startTime), t.endTime)) else { continue }
                let az = radar.site.observe(position(of: s)).azimuth
                guard az.isFinite else { continue }
                let time = scanStart + az / 360 * radar.scanPeriod
                if time >= t.startTime, time <= t.endTime, time < duration { crossings.append((time, i)) }
            }
            for sector in 0..<radar.sectors {
                let from = Double(sector) * sectorWidth, to = from + sectorWidth
                let sectorEnd = scanStart + Double(sector + 1) / Double(radar.sectors) * radar.scanPeriod
                guard sectorEnd <= duration else { break }
                var service = DataBlockWriter(category: 34)
                var message = Cat034Record()
                message.dataSource = radar.site.sensor
                message.messageType = sector == 0 ? .northMarker : .sectorCrossing
                message.timeOfDay = timeOfDay(scanStart + Double(sector) / Double(radar.sectors) * radar.scanPeriod)
                if sector != 0 {
                    message.sectorNumber = UInt8(sector * 256 / radar.sectors)
                } else {
                    // The north marker says where the antenna is and how fast it turns, so a
                    // tracker needs no configuration for the radar (I034/120, I034/041).
                    let antenna = radar.site.antenna
                    message.position = .init(height: antenna.height, latitude: antenna.latitude, longitude: antenna.longitude)
                    message.antennaRotationPeriodRaw = UInt16(min(radar.scanPeriod * 128, 65_535).rounded())
                }
                try? message.encode(into: &service, spec: cat034)  // our own valid fields
                var payload = service.finish()
                var plots = DataBlockWriter(category: 48)
                for c in crossings {
                    let az = radar.antennaAzimuth(at: c.time)
                    // An aircraft on the ground is in the ground clutter: no plot.
                    guard az >= from, az < to, let s = trajectories[c.flight].state(at: c.time), !s.onGround else { continue }
                    let flight = flights[c.flight]
                    let target = ScanTarget(position: position(of: s), rcs: flight.rcs,
                                            transponder: flight.transponderOn(at: c.time) ? flight.transponder : nil)
                    if case .success(let r) = radar.observe(target, at: timeOfDay(c.time), terrain: ground, rng: &rng) {
                        try? r.encode(into: &plots, spec: cat048)
                    }
                }
                for _ in 0..<rng.poisson(mean: radar.falsePlotsPerScan / Double(radar.sectors)) {
                    let t = scanStart + (Double(sector) + Double.random(in: 0..<1, using: &rng)) / Double(radar.sectors) * radar.scanPeriod
                    try? radar.falsePlot(at: timeOfDay(t), azimuthFrom: from, to: to, rng: &rng).encode(into: &plots, spec: cat048)
                }
                if plots.records > 0 { payload += plots.finish() }
                out.append(Datagram(time: start + sectorEnd, radar: index, payload: payload))
            }
            scanStart += radar.scanPeriod
        }
        return out
    }

    /// Every flight flown through the session, a state a second.
    func trajectories() -> [Trajectory] {
        flights.map { Trajectory(states: $0.model.fly(from: $0.start, route: $0.route, until: duration)) }
    }

    /// UTC time of day of a session time.
    public func timeOfDay(_ t: Double) -> TimeOfDay {
        let seconds = (start + t).truncatingRemainder(dividingBy: 86_400)
        return TimeOfDay(ticks: UInt32((seconds * 128).rounded()) % TimeOfDay.ticksPerDay)
    }
}
