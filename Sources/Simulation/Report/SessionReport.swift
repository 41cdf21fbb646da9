import Asterix
import Geodesy

/// A generated session measured against its own settings, the way an analyst would check it: the
/// plots are decoded back from the datagrams and matched to the truth, then detection rates, noise
/// and false plots are counted per radar and compared with what the scenario asked for.
public struct SessionReport: Sendable {
    public struct Radar: Sendable {
        public var sensor: SensorID
        public var scans = 0
        /// Beam crossings of a flight within range and in sight (horizon and terrain).
        public var visible = 0
        /// Of those, how many gave a plot with a primary echo, and how many the model expected.
        public var psrHits = 0
        public var psrExpected = 0.0
        /// Crossings with the transponder on, and how many gave a secondary reply.
        public var ssrChances = 0
        public var ssrHits = 0
        /// Matched plots' errors against the truth: range metres, azimuth degrees.
        public var rangeErrors = Moments()
        public var azimuthErrors = Moments()
        public var falsePlots = 0
        /// What the scenario set, for comparison.
        public var rangeSigma: Double
        public var azimuthSigma: Double
        public var falsePlotsPerScan: Double
        public var ssrProbability: Double
    }

    /// Per flight: when and how far out it was first seen, against the 4/3-earth horizon for its
    /// height above the nearest radar's antenna.
    public struct Flight: Sendable {
        public var id: String
        public var label: String
        public var plots = 0
        public var firstSeen: Double?
        public var firstSeenRange: Double?
        public var horizonAtFirstSeen: Double?
        /// The longest stretch, seconds, without a plot from any radar while flying.
        public var longestGap = 0.0
        /// The lowest it flew above the ground while airborne, metres, and when: below zero the
        /// scenario flies it into the terrain, which no radar session should contain.
        public var lowestAboveGround: Double?
        public var lowestAt: Double?
    }

    public var radars: [Radar]
    public var flights: [Flight]
}

/// Running mean and standard deviation.
public struct Moments: Sendable {
    public private(set) var count = 0
    private var sum = 0.0, sumSquares = 0.0

    public mutating func add(_ x: Double) {
        count += 1
        sum += x
        sumSquares += x * x
    }

    public var mean: Double { count > 0 ? sum / Double(count) : .nan }
    public var standardDeviation: Double {
        guard count > 1 else { return .nan }
        return max(0, (sumSquares - sum * sum / Double(count)) / Double(count - 1)).squareRoot()
    }
}

extension Session {
    /// Decodes `datagrams` (this session's) and measures them against the truth.
    public func report(_ datagrams: [Datagram]) -> SessionReport {
        let trajectories = self.trajectories()
        var radarReports = radars.map {
            SessionReport.Radar(sensor: $0.site.sensor, rangeSigma: $0.rangeSigma, azimuthSigma: $0.azimuthSigma,
                                falsePlotsPerScan: $0.falsePlotsPerScan, ssrProbability: $0.detection.ssrProbability)
        }
        var flightReports = flights.map { SessionReport.Flight(id: $0.id, label: $0.label) }
        var seen: [[Double]] = Array(repeating: [], count: flights.count)

        // The plots, decoded back, per radar.
        var plots: [[Cat048Record]] = Array(repeating: [], count: radars.count)
        var decoder = AsterixDecoder()
        for d in datagrams {
            var collector = Collector()
            d.payload.withUnsafeBytes { _ = decoder.decode($0, into: &collector) }
            plots[d.radar] += collector.plots
        }

        for (r, radar) in radars.enumerated() {
            var used = [Bool](repeating: false, count: plots[r].count)
            // Plots by time, so each crossing looks only at plots near its moment.
            let order = plots[r].indices.sorted { plotTime(plots[r][$0]) < plotTime(plots[r][$1]) }
            let times = order.map { plotTime(plots[r][$0]) }
            var scanStart = 0.0
            while scanStart + radar.scanPeriod <= duration {
                radarReports[r].scans += 1
                for (f, t) in trajectories.enumerated() {
                    guard let mid = t.state(at: min(max(scanStart + radar.scanPeriod / 2, t.startTime), t.endTime)) else { continue }
                    let az = radar.site.observe(position(of: mid)).azimuth
                    let time = scanStart + az / 360 * radar.scanPeriod
                    // On the ground a radar sees nothing (clutter): no chance to count.
                    guard az.isFinite, let s = t.state(at: time), !s.onGround else { continue }
                    let truth = position(of: s)
                    let obs = radar.site.observe(truth)
                    guard obs.slantRange <= radar.maxRange, ground.lineOfSight(from: radar.site, to: truth) else { continue }
                    radarReports[r].visible += 1
                    if radar.hasPSR { radarReports[r].psrExpected += radar.detection.psrProbability(range: obs.slantRange, rcs: flights[f].rcs) }
                    let transponder = radar.hasSSR && flights[f].transponderOn(at: time)
                    if transponder { radarReports[r].ssrChances += 1 }
                    // The plot of this crossing: within a second and five σ of where the flight was.
                    var match: Int?
                    var lo = 0, hi = times.count
                    while lo < hi { let m = (lo + hi) / 2; if times[m] < time - 1 { lo = m + 1 } else { hi = m } }
                    var k = lo
                    while k < times.count, times[k] <= time + 1 {
                        let i = order[k]
                        if !used[i], let polar = plots[r][i].polar {
                            let dr = polar.rangeNM * Units.metresPerNauticalMile - obs.slantRange
                            let da = Self.angle(polar.azimuthDegrees - obs.azimuth)
                            if abs(dr) <= 5 * radar.rangeSigma + 10, abs(da) <= 5 * radar.azimuthSigma + 0.02 {
                                match = i
                                break
                            }
                        }
                        k += 1
                    }
                    guard let i = match else { continue }
                    used[i] = true
                    let p = plots[r][i]
                    let detection = p.descriptor?.detection ?? .none
                    if detection.hasPSR { radarReports[r].psrHits += 1 }
                    if transponder, detection.hasSSR { radarReports[r].ssrHits += 1 }
                    if let polar = p.polar {
                        radarReports[r].rangeErrors.add(polar.rangeNM * Units.metresPerNauticalMile - obs.slantRange)
                        radarReports[r].azimuthErrors.add(Self.angle(polar.azimuthDegrees - obs.azimuth))
                    }
                    flightReports[f].plots += 1
                    seen[f].append(time)
                    if flightReports[f].firstSeen.map({ time < $0 }) ?? true {
                        flightReports[f].firstSeen = time
                        flightReports[f].firstSeenRange = obs.slantRange
                        flightReports[f].horizonAtFirstSeen = radarHorizon(
                            antennaHeight: max(radar.site.antenna.height - groundHeight(under: radar.site.antenna), 1),
                            targetHeight: max(s.altitude - groundHeight(under: radar.site.antenna), 1))
                    }
                }
                scanStart += radar.scanPeriod
            }
            radarReports[r].falsePlots = used.filter { !$0 }.count
        }
        for f in flights.indices {
            let t = trajectories[f]
            for state in t.states where !state.onGround {
                let p = position(of: state)
                guard let g = ground.height(latitude: p.latitude, longitude: p.longitude) else { continue }
                if flightReports[f].lowestAboveGround.map({ state.altitude - g < $0 }) ?? true {
                    flightReports[f].lowestAboveGround = state.altitude - g
                    flightReports[f].lowestAt = state.time
                }
            }
            let times = ([t.startTime] + seen[f].sorted() + [t.endTime])
            flightReports[f].longestGap = zip(times, times.dropFirst()).map { $1 - $0 }.max() ?? 0
        }
        return SessionReport(radars: radarReports, flights: flightReports)
    }

    private func plotTime(_ p: Cat048Record) -> Double {
        p.timeOfDay.map { $0.seconds(since: timeOfDay(0)) } ?? -1
    }

    private func groundHeight(under p: GeodeticPosition) -> Double {
        max(ground.height(latitude: p.latitude, longitude: p.longitude) ?? 0, 0)
    }

    /// A difference of azimuths into (−180°, 180°].
    static func angle(_ a: Double) -> Double {
        var x = a.truncatingRemainder(dividingBy: 360)
        if x > 180 { x -= 360 }
        if x <= -180 { x += 360 }
        return x
    }
}

private struct Collector: RecordVisitor {
    var plots: [Cat048Record] = []
    mutating func record(_ r: RecordView) {
        if r.spec.category == 48 { plots.append(Cat048Record(r)) }
    }
    mutating func failure(_ e: DecodeError) {}
}
