import Asterix

/// The first, smallest scenario: rotating radars watching aircraft on straight tracks, in the
/// radar's own polar frame (flat earth, no terrain). Enough to give `centinela decode` and the
/// tests a session of real CAT034/CAT048 bytes made by our own encoder; the full border scenario
/// builds on it.
public struct StraightLineScenario: Sendable {
    public struct Radar: Sendable {
        public var sensor: SensorID
        /// Seconds per antenna revolution.
        public var scanPeriod: Double
        public var rangeSigmaMetres: Double
        public var azimuthSigmaDegrees: Double
        /// Probability that a target in coverage is detected in a scan.
        public var detectionProbability: Double
        public var maxRangeNM: Double
    }

    public struct Aircraft: Sendable {
        /// Start position relative to each radar (east, north), NM.
        public var east: Double
        public var north: Double
        /// Velocity, knots east and north.
        public var eastKnots: Double
        public var northKnots: Double
        public var flightLevel: Double?
        public var mode3A: Mode3A?
        public var address: ModeSAddress?
        public var callsign: Callsign?
    }

    public var radars: [Radar]
    public var aircraft: [Aircraft]
    /// Seconds of session.
    public var duration: Double
    /// UTC seconds since 1970 at the start (the pcap timestamps); the time of day follows from it.
    public var start: Double
    /// Sectors a revolution for CAT034 sector crossing messages.
    public var sectors = 8

    /// A small default: two radars, five aircraft (two without transponders), three minutes.
    public static func demo(seed: UInt64) -> StraightLineScenario {
        var rng = SplitMix64(seed: seed)
        func r(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
        let radars = [
            Radar(sensor: SensorID(sac: 50, sic: 1), scanPeriod: 12, rangeSigmaMetres: 116, azimuthSigmaDegrees: 0.18,
                  detectionProbability: 0.9, maxRangeNM: 250),
            Radar(sensor: SensorID(sac: 50, sic: 2), scanPeriod: 4.8, rangeSigmaMetres: 60, azimuthSigmaDegrees: 0.1,
                  detectionProbability: 0.95, maxRangeNM: 60),
        ]
        var aircraft: [Aircraft] = []
        let callsigns = ["AMX401", "VOI1234", "N425TX"]
        for (i, cs) in callsigns.enumerated() {
            aircraft.append(Aircraft(east: r(-40...40), north: r(-40...40), eastKnots: r(-300...300), northKnots: r(-300...300),
                                     flightLevel: Double(300 + 20 * i), mode3A: Mode3A(octal: ["1000", "2451", "4652"][i]),
                                     address: ModeSAddress(0x0D0000 + UInt32(i) * 0x1111), callsign: Callsign(cs)))
        }
        for _ in 0..<2 {
            aircraft.append(Aircraft(east: r(-30...30), north: r(-50 ... -20), eastKnots: r(-20...20), northKnots: r(120...160),
                                     flightLevel: nil, mode3A: nil, address: nil, callsign: nil))
        }
        return StraightLineScenario(radars: radars, aircraft: aircraft, duration: 180, start: 1_780_000_000)
    }

    /// One datagram of ASTERIX blocks as a plot extractor sends it.
    public struct Datagram: Sendable {
        public var time: Double
        public var sensor: SensorID
        public var payload: [UInt8]
    }

    /// Every datagram of the session in time order: per radar and sector, a CAT034 sector crossing
    /// (north marker at sector 0) and a CAT048 block of the plots found in that sector.
    public func generate(seed: UInt64) -> [Datagram] {
        var rng = SplitMix64(seed: seed)
        let cat048 = EditionTable.standard[48]!, cat034 = EditionTable.standard[34]!
        var out: [Datagram] = []
        for radar in radars {
            let sectorTime = radar.scanPeriod / Double(sectors)
            var t = 0.0
            var sector = 0
            while t < duration {
                var service = DataBlockWriter(category: 34)
                var message = Cat034Record()
                message.dataSource = radar.sensor
                message.messageType = sector == 0 ? .northMarker : .sectorCrossing
                message.timeOfDay = timeOfDay(t)
                if sector != 0 { message.sectorNumber = UInt8(sector * 256 / sectors) }
                try? message.encode(into: &service, spec: cat034)  // only our own valid fields
                var payload = service.finish()
                var plots = DataBlockWriter(category: 48)
                let from = Double(sector) * 360 / Double(sectors), to = from + 360 / Double(sectors)
                for a in aircraft {
                    let east = a.east + a.eastKnots * t / 3600, north = a.north + a.northKnots * t / 3600
                    let range = (east * east + north * north).squareRoot()
                    var azimuth = _atan2(east, north) * 180 / Double.pi
                    if azimuth < 0 { azimuth += 360 }
                    guard azimuth >= from, azimuth < to, range < radar.maxRangeNM,
                          Double.random(in: 0..<1, using: &rng) < radar.detectionProbability else { continue }
                    var r = Cat048Record()
                    r.sensor = radar.sensor
                    // The beam crosses the target part-way through the sector.
                    r.timeOfDay = timeOfDay(t + (azimuth - from) / 360 * radar.scanPeriod)
                    let transponder = a.mode3A != nil
                    r.descriptor = TargetReportDescriptor(detection: a.address != nil ? .modeSRollCallPSR : transponder ? .ssrPSR : .psr)
                    let noisyRange = range + rng.gaussian(sigma: radar.rangeSigmaMetres) / Units.metresPerNauticalMile
                    r.polar = PolarPosition(rangeNM: noisyRange, azimuthDegrees: azimuth + rng.gaussian(sigma: radar.azimuthSigmaDegrees))
                    r.mode3A = a.mode3A
                    r.flightLevel = a.flightLevel.map { FlightLevelCode(flightLevel: $0) }
                    r.address = a.address
                    r.callsign = a.callsign
                    try? r.encode(into: &plots, spec: cat048)  // only our own valid fields
                }
                if plots.records > 0 { payload += plots.finish() }
                out.append(Datagram(time: start + t, sensor: radar.sensor, payload: payload))
                t += sectorTime
                sector = (sector + 1) % sectors
            }
        }
        out.sort { ($0.time, $0.sensor) < ($1.time, $1.sensor) }
        return out
    }

    private func timeOfDay(_ t: Double) -> TimeOfDay {
        let seconds = (start + t).truncatingRemainder(dividingBy: 86_400)
        return TimeOfDay(ticks: UInt32((seconds * 128).rounded()) % TimeOfDay.ticksPerDay)
    }
}

@_silgen_name("atan2") private func _atan2(_ y: Double, _ x: Double) -> Double
