import Glibc
import Surveillance

/// Scores every system track update against the suspect-profile rules. Plain synchronous state:
/// the same updates in the same order give the same assessments.
///
/// ```
/// var classifier = ProfileClassifier(context: context, settings: ProfileSettings())
/// for update in updates {
///     let a = classifier.assess(update)
///     if a.score >= 0.8 { print(a.number, a.profile!, a.summary) }
/// }
/// ```
/// What raises an alert (the score held at `AlertSettings.raiseScore` for K updates) is the alert
/// lifecycle's business: `SuspectWatch` runs the two together.
public struct ProfileClassifier: Sendable {
    public let context: ProfileContext
    public let settings: ProfileSettings

    /// A track number is reused after a while: its first time tells the two lives apart.
    struct TrackKey: Hashable {
        var number: UInt16
        var firstTime: Double
    }

    private var tracks: [TrackKey: TrackFeatures] = [:]
    /// Recent drop-outs, oldest first, for linking pop-ups to them.
    public private(set) var dropOuts: [DropOut] = []
    /// The features of the tracks behind `dropOuts`, for a re-acquired track to continue.
    private var lostFeatures: [TrackKey: TrackFeatures] = [:]
    /// Tracks forgotten because the table was full (each an update stream judged from scratch after).
    public private(set) var forgottenTracks = 0
    /// Data time of the next sweep for tracks gone silent (`ProfileSettings.forgetAfter`).
    private var nextSweep = -Double.infinity

    public init(context: ProfileContext, settings: ProfileSettings = ProfileSettings()) {
        self.context = context
        self.settings = settings
    }

    /// Tracks currently followed.
    public var trackCount: Int { tracks.count }

    public mutating func assess(_ u: SystemTrack) -> Assessment {
        if u.time >= nextSweep {
            // Tracks the tracker dropped without a last update (tentative ones) would otherwise
            // fill the table: every 10 s of data, those silent for `forgetAfter` go.
            tracks = tracks.filter { u.time - $0.value.time <= settings.forgetAfter }
            nextSweep = u.time + 10
        }
        let key = TrackKey(number: u.number, firstTime: u.firstTime)
        // Taken out of the table while it changes, so its sample arrays are not copied (a copy
        // on write of every track's history at every update).
        let known = tracks.removeValue(forKey: key)
        let isNew = known == nil
        if isNew, tracks.count >= settings.maximumTracks, let stalest = tracks.min(by: { $0.value.time < $1.value.time })?.key {
            tracks[stalest] = nil
            forgottenTracks += 1
        }
        var f = known ?? TrackFeatures(number: u.number, firstTime: u.firstTime)
        f.update(with: u, context: context, settings: settings)
        if isNew { linkBirth(&f, u) } else if let p = f.birthPlace, f.groundSpeed >= settings.erraticMinimumSpeed {
            // Its heading known: a strip behind it is where it took off (one ahead, where it is going).
            f.bornAtStrip = context.zones.strip(onPathFrom: p, heading: f.heading + 180, length: settings.stripPathDistance,
                                                radius: settings.stripRadius)?.strip.name
            f.poppedUp = f.poppedUp || f.bornAtStrip != nil
            f.birthPlace = nil
        }

        var dropOut: DropOut?
        var closedAirport: Zones.Airport?
        if u.ended {
            (dropOut, closedAirport) = ending(f)
            if let d = dropOut { remember(d, f) }
        } else {
            tracks[key] = f
        }

        let found = findings(f, dropOut: dropOut, closedAirport: closedAirport)
        var evidence = 0.0
        var byProfile: [ProfileClass: Double] = [:]
        for x in found {
            let weight = x.weight * (x.keepsFullWeight || u.source == .psrOnly ? 1 : settings.cooperativeFactor)
            evidence += weight
            if let p = x.profile { byProfile[p, default: 0] += weight }
        }
        var reasons = found.map(\.reason)
        if !found.isEmpty, context.sunElevation(latitude: u.latitude, longitude: u.longitude, time: u.time) < settings.nightSunElevation {
            evidence *= settings.nightMultiplier
            reasons.append("night")
        }
        // The class is the profile most of the evidence points to; among equals the more specific
        // (the enum lists them in that order). A transponder switched off in flight outweighs a border
        // approach whose height is unknown; a landing or a skip seen outweighs both. A track that
        // never squawked and shows nothing else is `transponder-off`.
        var profile: ProfileClass?
        for c in ProfileClass.allCases {
            if let e = byProfile[c], e > (profile.flatMap { byProfile[$0] } ?? -1) { profile = c }
        }
        if profile == nil, f.nonCooperative { profile = .transponderOff }
        return Assessment(number: u.number, time: u.time, score: 1 - exp(-evidence), profile: profile, reasons: reasons, features: f)
    }

    /// At a track's birth: a pop-up if low away from airports, or without transponder near a known
    /// strip (a take-off from it); a stone-skip if it appears, without transponder, near where another
    /// track was lost low a while before (at that track's strip: the same aircraft taking off again).
    private func linkBirth(_ f: inout TrackFeatures, _ u: SystemTrack) {
        let awayFromAirports = (f.nearestAirport?.distance ?? .infinity) > settings.airportRadius
        let low = f.heightAboveGround.map { $0 < settings.dropOutHeight } ?? false
        f.poppedUp = low && awayFromAirports
        // A squawking aircraft is identified: it does not skip in secret.
        guard awayFromAirports, u.source == .psrOnly else { return }
        let here = Zones.Point(latitude: u.latitude, longitude: u.longitude)
        // The same aircraft re-acquired: a track born where a lost one would be by now is its continuation.
        if let d = dropOuts.last(where: { isReacquisition($0, here: here, time: u.firstTime) }) {
            f.poppedUp = false
            if let old = lostFeatures[TrackKey(number: d.number, firstTime: d.firstTime)] { f.inherit(from: old, settings: settings) }
            return
        }
        // Whether it took off from a strip waits for its heading (one plot has none).
        f.birthPlace = here
        let gaps = settings.stoneSkipMinimumGap...settings.stoneSkipTime
        f.skippedFrom = dropOuts.filter { !settings.stoneSkipNeedsLowDropOut || $0.strip != nil || $0.heightAboveGround.map { $0 < settings.dropOutHeight } == true }
            .map { ($0, Zones.distance(here, Zones.Point(latitude: $0.latitude, longitude: $0.longitude))) }
            .filter { gaps.contains(u.firstTime - $0.0.time) && $0.1 <= settings.stoneSkipDistance }
            .min { $0.1 < $1.1 }
    }

    /// Whether a track born at `here` at `time` is where the dropped-out track would be by then:
    /// the centre of its orbit if it was circling, else dead reckoning, within `reacquisitionGap`.
    func isReacquisition(_ d: DropOut, here: Zones.Point, time: Double) -> Bool {
        let gap = time - d.time
        guard gap >= 0, gap <= settings.reacquisitionGap else { return false }
        let predicted: Zones.Point
        if let c = d.orbitCentre {
            predicted = c
        } else {
            let lat = d.latitude + d.vy * gap / 110_574
            predicted = Zones.Point(latitude: lat, longitude: d.longitude + d.vx * gap / (111_320 * cos(lat * .pi / 180)))
        }
        return Zones.distance(here, predicted) <= settings.reacquisitionDistance
    }

    /// At a track's end, judged where its last plot put it: a drop-out when low (or PSR-only
    /// without a height) away from airports; a landing at a closed airport when low near one.
    private func ending(_ f: TrackFeatures) -> (DropOut?, Zones.Airport?) {
        guard let last = f.lastPlot else { return (nil, nil) }
        let low = last.heightAboveGround.map { $0 < settings.dropOutHeight } ?? f.nonCooperative
        guard low else { return (nil, nil) }
        let airport = context.zones.nearestAirport(latitude: last.latitude, longitude: last.longitude)
        if let a = airport, a.distance <= settings.airportRadius {
            let closed = a.airport.hours.map { !$0.isOpen(at: last.time) } ?? false
            return (nil, closed ? a.airport : nil)
        }
        // Lost on its final: the strip it was heading for, a few kilometres on.
        let strip = context.zones.strip(onPathFrom: Zones.Point(latitude: last.latitude, longitude: last.longitude), heading: f.heading,
                                        length: settings.stripPathDistance, radius: settings.stripRadius)
        return (DropOut(number: f.number, time: last.time, latitude: last.latitude, longitude: last.longitude,
                        heightAboveGround: last.heightAboveGround, strip: strip?.strip.name,
                        vx: f.vx, vy: f.vy,
                        orbitCentre: f.windowCompact && abs(f.windowTurn) >= settings.loiterTurn / 2 ? f.windowCentre : nil,
                        firstTime: f.firstTime), nil)
    }

    private mutating func remember(_ d: DropOut, _ f: TrackFeatures) {
        let memory = settings.stoneSkipTime
        dropOuts.removeAll { d.time - $0.time > memory }
        dropOuts.append(d)
        if dropOuts.count > settings.maximumDropOuts { dropOuts.removeFirst(dropOuts.count - settings.maximumDropOuts) }
        // Only those that can still be re-acquired are kept (at most `maximumDropOuts`).
        lostFeatures[TrackKey(number: d.number, firstTime: f.firstTime)] = f
        let keep = Set(dropOuts.filter { d.time - $0.time <= settings.reacquisitionGap }.map { TrackKey(number: $0.number, firstTime: $0.firstTime) })
        lostFeatures = lostFeatures.filter { keep.contains($0.key) }
    }
}
