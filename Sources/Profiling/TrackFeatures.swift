import Glibc
import Surveillance

/// What one track has shown over its life, updated with each of its updates. Memory is bounded:
/// a few numbers and at most `historyCapacity` thinned samples for the windowed measures.
public struct TrackFeatures: Sendable {
    /// One thinned point of the track's history.
    public struct Sample: Sendable, Equatable {
        public var time: Double
        public var latitude: Double
        public var longitude: Double
        public var speed: Double
        public var heading: Double
        /// Metres to the border, positive north; nil without a border.
        public var border: Double?
        public var position: Zones.Point { Zones.Point(latitude: latitude, longitude: longitude) }
    }

    public let number: UInt16
    public let firstTime: Double
    public private(set) var time: Double = 0
    public private(set) var latitude: Double = 0
    public private(set) var longitude: Double = 0
    /// Where the track was first seen (a re-acquired track keeps the lost one's).
    public private(set) var origin: Zones.Point?
    public private(set) var source: SystemTrack.Source = .psrOnly
    /// Metres, nil without altitude or terrain.
    public private(set) var heightAboveGround: Double?
    /// Since when the track has been continuously below `lowLevelHeight`.
    public private(set) var lowSince: Double?
    /// m/s, degrees from north, m/s up.
    public private(set) var groundSpeed: Double = 0
    /// m/s, the mean ground speed over the last `cruiseSpeedWindow`: what the speed bands judge
    /// (one scan's estimate carries the tracker's noise, at its worst in turns).
    public private(set) var cruiseSpeed: Double = 0
    public private(set) var heading: Double = 0
    public private(set) var verticalRate: Double = 0
    /// Heading change over the last scan, degrees (absolute), and the largest relative speed change
    /// within the speed window; zero below the speed where they mean something.
    public private(set) var headingChange: Double = 0
    public private(set) var speedChange: Double = 0
    /// Consecutive PSR-only updates up to now.
    public private(set) var psrOnlyRun = 0
    /// Whether any update carried SSR or Mode S.
    public private(set) var everSquawked = false
    /// When SSR was judged lost mid-track (primary plots going on): the time of the last SSR/Mode S
    /// update, set once PSR-only updates have gone on long enough; nil while squawking.
    public private(set) var transponderLostAt: Double?
    /// The time of the last SSR/Mode S update.
    public private(set) var lastSquawkTime: Double?
    /// PSR-only for `nonCooperativeUpdates` updates and, if it ever squawked, for `transponderLostSeconds`.
    public private(set) var nonCooperative = false
    /// 7500, 7600 or 7700 while squawked.
    public private(set) var emergency: Mode3A?
    public private(set) var border: Zones.BorderFix?
    /// m/s toward the border (negative: moving away).
    public private(set) var closingSpeed: Double = 0
    /// Degrees between the track's heading and the way to the nearest border point.
    public private(set) var offBorderNormal: Double = 180
    /// Metres nearer the border than at the oldest sample within `closingWindow` (on the same side),
    /// and that as a share of the trail the track drew since.
    public private(set) var closedIn: Double?
    public private(set) var closingShare = 0.0
    /// The last crossing: when and which way.
    public private(set) var lastCrossing: (time: Double, northbound: Bool)?
    /// Signed degrees of turn within the loiter window, and whether all of that window's samples
    /// lie within `loiterRadius` of their mean.
    public private(set) var windowTurn: Double = 0
    public private(set) var windowCompact = false
    /// The mean position of the loiter window's samples.
    public private(set) var windowCentre: Zones.Point?
    /// m/s east and north at the last update.
    public private(set) var vx = 0.0
    public private(set) var vy = 0.0
    public private(set) var restrictedArea: String?
    public private(set) var nearestAirport: (airport: Zones.Airport, distance: Double)?
    /// Where the last plot (not a coasted estimate) put the track.
    public private(set) var lastPlot: (time: Double, latitude: Double, longitude: Double, heightAboveGround: Double?)?
    /// Born low, or without transponder near a known strip, away from airports.
    public internal(set) var poppedUp = false
    /// Where a track without transponder was born away from airports, kept until its heading says
    /// whether it came from a known strip; then `bornAtStrip`, that strip (behind it on its path).
    public internal(set) var birthPlace: Zones.Point?
    public internal(set) var bornAtStrip: String?
    /// The drop-out this track's birth is linked to (stone-skip), and metres from it to the birth.
    public internal(set) var skippedFrom: (dropOut: DropOut, distance: Double)?
    public private(set) var samples: [Sample] = []
    /// The track this one continues: born where that one, lost shortly before, would be by now.
    public internal(set) var reacquiredFrom: UInt16?

    public init(number: UInt16, firstTime: Double) {
        self.number = number
        self.firstTime = firstTime
    }

    public mutating func update(with u: SystemTrack, context: ProfileContext, settings s: ProfileSettings) {
        let previousBorder = border?.signedDistance
        time = u.time
        latitude = u.latitude
        longitude = u.longitude
        source = u.source
        // The plane's north is within a degree of true north over the coverage: headings are taken from it.
        groundSpeed = u.groundSpeed
        vx = u.vx
        vy = u.vy
        if groundSpeed > 1 { heading = Self.normalised(atan2(u.vx, u.vy) * 180 / Double.pi) }
        verticalRate = u.verticalRate
        origin = origin ?? Zones.Point(latitude: u.latitude, longitude: u.longitude)

        // A coasting update carries no plot: it is neither a primary plot nor a missed reply.
        // (The tracker calls a coasting track PSR-only once its SSR memory runs out: counting those
        // made airliners coasting through a few missed scans "transponder off".)
        if u.stage != .coasting, u.source == .psrOnly {
            psrOnlyRun += 1
            let silentLongEnough = lastSquawkTime.map { u.time - $0 >= s.transponderLostSeconds } ?? true
            nonCooperative = psrOnlyRun >= s.nonCooperativeUpdates && silentLongEnough
            if everSquawked, nonCooperative, transponderLostAt == nil { transponderLostAt = lastSquawkTime }
        } else if u.source != .psrOnly {
            psrOnlyRun = 0
            everSquawked = true
            lastSquawkTime = u.time
            nonCooperative = false
            transponderLostAt = nil
        }
        emergency = u.mode3A.flatMap { $0.isEmergency ? $0 : nil }
        // A flight level outlives the transponder in the tracker: once the replies have stopped it is
        // where the aircraft was, not where it is.
        let answering = lastSquawkTime.map { u.time - $0 < s.transponderLostSeconds } ?? false
        let trusted = (u.flightLevel != nil && answering) || s.trustRadarHeight
        heightAboveGround = trusted ? context.heightAboveGround(latitude: u.latitude, longitude: u.longitude, altitude: u.altitude) : nil
        if let h = heightAboveGround, h < s.lowLevelHeight { lowSince = lowSince ?? u.time } else { lowSince = nil }

        border = context.zones.borderFix(latitude: u.latitude, longitude: u.longitude)
        if let b = border {
            closingSpeed = u.vx * b.towardEast + u.vy * b.towardNorth
            let toward = atan2(b.towardEast, b.towardNorth) * 180 / Double.pi
            offBorderNormal = abs(Self.signed(heading - toward))
            // A change of side close to the line is a crossing; far away it is the nearest segment changing.
            if let before = previousBorder, (before > 0) != (b.signedDistance > 0), abs(before) < 5_000, abs(b.signedDistance) < 5_000 {
                lastCrossing = (u.time, b.signedDistance > 0)
            }
        }
        restrictedArea = context.zones.restrictedArea(latitude: u.latitude, longitude: u.longitude)?.name
        nearestAirport = context.zones.nearestAirport(latitude: u.latitude, longitude: u.longitude)
        if u.stage != .coasting { lastPlot = (u.time, u.latitude, u.longitude, heightAboveGround) }

        if samples.last.map({ u.time - $0.time >= s.sampleInterval }) ?? true {
            // A tentative track's velocity is the difference of its first plots, not yet an estimate:
            // its samples keep the position and leave the speed out (0: below every speed measure).
            samples.append(Sample(time: u.time, latitude: u.latitude, longitude: u.longitude, speed: u.stage == .tentative ? 0 : groundSpeed,
                                  heading: heading, border: border?.signedDistance))
            // A short array: dropping its head is cheaper than a ring's bookkeeping is worth.
            if samples.count > s.historyCapacity { samples.removeFirst(samples.count - s.historyCapacity) }
        }
        measureWindows(s)
    }

    /// Takes over the history of the track this one continues (the tracker lost and re-acquired the
    /// same aircraft): its samples, transponder history, crossing and low-level time, so that windows
    /// and runs are not reset by a track split. Called after this track's first update.
    mutating func inherit(from old: TrackFeatures, settings s: ProfileSettings) {
        reacquiredFrom = old.number
        origin = old.origin ?? origin
        samples = Array((old.samples.filter { $0.time < (samples.first?.time ?? time) } + samples).suffix(s.historyCapacity))
        everSquawked = everSquawked || old.everSquawked
        lastSquawkTime = lastSquawkTime ?? old.lastSquawkTime
        if psrOnlyRun > 0 {
            psrOnlyRun += old.psrOnlyRun
            let silentLongEnough = lastSquawkTime.map { time - $0 >= s.transponderLostSeconds } ?? true
            nonCooperative = psrOnlyRun >= s.nonCooperativeUpdates && silentLongEnough
            if everSquawked, nonCooperative, transponderLostAt == nil { transponderLostAt = old.transponderLostAt ?? lastSquawkTime }
        }
        lastCrossing = lastCrossing ?? old.lastCrossing
        // Lost on one side and found on the other: it crossed unseen, in the gap (the time
        // interpolated along the distances to the line).
        if let before = old.border?.signedDistance, let after = border?.signedDistance, (before > 0) != (after > 0) {
            lastCrossing = (old.time + (time - old.time) * abs(before) / (abs(before) + abs(after)), after > 0)
        }
        if lowSince != nil, let before = old.lowSince { lowSince = before }
        measureWindows(s)
    }

    private mutating func measureWindows(_ s: ProfileSettings) {
        let now = time
        // The newest sample at least `age` old.
        func sample(olderThan age: Double) -> Sample? { samples.last { now - $0.time >= age } }

        // Samples of a settled velocity: this track's own, past its first minute (inherited ones are
        // of the lost track, whose velocity the new one did not continue).
        let settled = firstTime + s.erraticSettleTime
        func steady(_ x: Sample) -> Bool { x.time >= settled && x.speed >= s.erraticMinimumSpeed }
        headingChange = 0
        if groundSpeed >= s.erraticMinimumSpeed, let then = sample(olderThan: s.erraticScan), steady(then), now - then.time <= 2 * s.erraticScan,
           let first = samples.last(where: { then.time - $0.time >= s.erraticScan }), steady(first) {
            // A reversal: this scan's turn against the scan before's. Turning one way (an orbit, a
            // field pattern, a turn entry) is a manoeuvre, however tight.
            let turn = Self.signed(heading - then.heading), before = Self.signed(then.heading - first.heading)
            if turn * before < 0 { headingChange = abs(turn - before) }
        }
        // The mean speed of the window's first third against its last third: the extremes of single
        // samples are the tracker's noise (±5 m/s on a light aircraft circling at 50 m/s, 37–57 m/s
        // within a minute), which means over a third of the window smooth out. A change made within
        // the window's middle third reads in full; a steady ramp across all of it as two thirds.
        let third = s.erraticSpeedWindow / 3
        let early = samples.filter { now - $0.time <= s.erraticSpeedWindow && now - $0.time > 2 * third && steady($0) }.map(\.speed)
        let late = samples.filter { now - $0.time <= third && steady($0) }.map(\.speed)
        if !early.isEmpty, !late.isEmpty {
            let a = early.reduce(0, +) / Double(early.count), b = late.reduce(0, +) / Double(late.count)
            speedChange = abs(a - b) / max(a, b)
        } else {
            speedChange = 0
        }
        closedIn = nil
        closingShare = 0
        if let b = border?.signedDistance, let i = samples.firstIndex(where: { now - $0.time <= s.closingWindow }), let d = samples[i].border,
           (d > 0) == (b > 0) {
            closedIn = abs(d) - abs(b)
            // The trail the track drew since, as a display shows it.
            var flown = Zones.distance(samples[samples.count - 1].position, Zones.Point(latitude: latitude, longitude: longitude))
            for (a, c) in zip(samples[i...], samples[(i + 1)...]) { flown += Zones.distance(a.position, c.position) }
            closingShare = flown > 0 ? (abs(d) - abs(b)) / flown : 0
        }
        let cruise = samples.filter { now - $0.time <= s.cruiseSpeedWindow && $0.speed > 0 }.map(\.speed)
        cruiseSpeed = cruise.isEmpty ? groundSpeed : cruise.reduce(0, +) / Double(cruise.count)
        let window = samples.filter { now - $0.time <= s.loiterWindow }
        windowTurn = 0
        for (a, b) in zip(window, window.dropFirst()) where a.speed >= s.erraticMinimumSpeed / 2 && b.speed >= s.erraticMinimumSpeed / 2 {
            windowTurn += Self.signed(b.heading - a.heading)
        }
        let mean = Zones.Point(latitude: window.map(\.latitude).reduce(0, +) / Double(max(window.count, 1)),
                               longitude: window.map(\.longitude).reduce(0, +) / Double(max(window.count, 1)))
        windowCompact = window.count >= 2 && window.allSatisfy {
            Zones.distance(mean, $0.position) <= s.loiterRadius
        }
        windowCentre = window.isEmpty ? nil : mean
    }

    /// Degrees in [0, 360).
    static func normalised(_ d: Double) -> Double {
        let r = d.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }

    /// Degrees in (−180, 180].
    static func signed(_ d: Double) -> Double {
        let r = normalised(d)
        return r > 180 ? r - 360 : r
    }
}

/// Where a track was lost low (or PSR-only) away from airports: the first half of a stone-skip.
public struct DropOut: Sendable, Equatable {
    public var number: UInt16
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    public var heightAboveGround: Double?
    /// The known strip it was lost near or heading for (`stripPathDistance`), if any.
    public var strip: String?
    /// Its velocity when lost (m/s east, north), and the centre of its orbit if it was circling.
    public var vx = 0.0
    public var vy = 0.0
    public var orbitCentre: Zones.Point?
    /// The lost track's first time (with `number`, which track it was).
    public var firstTime = 0.0
}
