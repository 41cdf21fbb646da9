import Alerting
import Geodesy
import Glibc
import Surveillance
import Testing
@testable import Profiling

/// Ground at 1000 m everywhere: heights above ground are altitude − 1000.
struct FlatGround: Ground {
    func height(latitude: Double, longitude: Double) -> Double? { 1000 }
}

/// Hand-made tracks flown straight at constant speed, one update every 4 s, each assessed.
struct Flyer {
    var classifier: ProfileClassifier
    /// 2026-05-28 06:00 UTC: night over the border.
    static let night = 1_779_948_000.0
    static let border = Zones(border: [Zones.Point(latitude: 31.3322, longitude: -111.075), Zones.Point(latitude: 31.3322, longitude: -108.2083)],
                              airports: [Zones.Airport(icao: "KDUG", name: "Bisbee-Douglas", position: Zones.Point(latitude: 31.469, longitude: -109.6036),
                                                       hours: Zones.OpeningHours(opens: 14 * 60, closes: 2 * 60))],
                              strips: [Zones.Strip(name: "strip B", position: Zones.Point(latitude: 31.0, longitude: -109.75))])

    init(zones: Zones = Flyer.border, settings: ProfileSettings = ProfileSettings()) {
        classifier = ProfileClassifier(context: ProfileContext(zones: zones, ground: FlatGround()), settings: settings)
    }

    /// Flies from (lat, lon) at `speed` m/s on `heading` for `seconds`; returns the last assessment
    /// (and gives `each` every one).
    @discardableResult
    mutating func fly(number: UInt16, from lat: Double, _ lon: Double, heading: Double, speed: Double, altitude: Double?,
                      seconds: Double, start: Double = Flyer.night, source: SystemTrack.Source = .psrOnly, squawk: String? = nil,
                      turnRate: Double = 0, endsLow: Bool = false, born: Double? = nil,
                      transponderAltitude: Bool? = nil, stage: SystemTrack.Stage = .confirmed,
                      each: (Assessment) -> Void = { _ in }) -> Assessment {
        // A transponder reports its altitude (Mode C / Mode S); a PSR-only track's altitude is a 3-D radar's.
        let fl = (transponderAltitude ?? (source != .psrOnly)) ? altitude.map { $0 / 0.3048 / 100 } : nil
        var last: Assessment?
        var t = 0.0, la = lat, lo = lon, h = heading
        while t <= seconds {
            let vx = speed * sin(h * .pi / 180), vy = speed * cos(h * .pi / 180)
            let u = SystemTrack(number: number, time: start + t, stage: stage, source: source, latitude: la, longitude: lo,
                                x: 0, y: 0, vx: vx, vy: vy, covariance: Covariance2(xx: 1e4, xy: 0, yy: 1e4), altitude: altitude,
                                verticalRate: 0, flightLevel: fl, mode3A: squawk.flatMap { Mode3A(octal: $0) }, address: nil,
                                callsign: nil, manoeuvring: false, firstTime: born ?? start, updates: UInt32(t / 4) + 1,
                                lastSensor: SensorID(sac: 50, sic: 1), ended: endsLow && t + 4 > seconds)
            last = classifier.assess(u)
            each(last!)
            la += vy * 4 / 110_574
            lo += vx * 4 / (111_320 * cos(la * .pi / 180))
            h += turnRate * 4
            t += 4
        }
        return last!
    }

    /// Goes on with the track of `last` from where it was, 4 s later, on `heading` (its own by
    /// default): a new leg of the same flight.
    @discardableResult
    mutating func next(_ last: Assessment, heading: Double? = nil, speed: Double, seconds: Double, altitude: Double? = nil,
                       source: SystemTrack.Source = .psrOnly, squawk: String? = nil, turnRate: Double = 0, endsLow: Bool = false,
                       each: (Assessment) -> Void = { _ in }) -> Assessment {
        fly(number: last.number, from: last.features.latitude, last.features.longitude, heading: heading ?? last.features.heading,
            speed: speed, altitude: altitude, seconds: seconds, start: last.time + 4, source: source, squawk: squawk,
            turnRate: turnRate, endsLow: endsLow, born: last.features.firstTime, each: each)
    }
}

@Suite struct RuleTests {
    /// What the alert lifecycle raises at (held for K updates): the one alert threshold.
    let alert = AlertSettings().raiseScore

    @Test func psrOnlyLowNorthboundNearTheBorderAtNight() {
        var f = Flyer()
        // 150 m above ground, 140 kt, starting 17.5 km south of the border, for 160 s: ends 6 km south.
        let a = f.fly(number: 1, from: 31.3322 - 17_500 / 110_574, -109.9, heading: 0, speed: 72, altitude: 1150, seconds: 160)
        #expect(a.score > alert)
        #expect(a.profile == .lowLevelBorderApproach)
        #expect(a.reasons.first == "PSR-only")
        // A PSR-only track's altitude is a 3-D radar's (σ ~900 m): not a height above ground by default.
        #expect(!a.reasons.contains("150 m above ground"))
        #expect(a.reasons.contains("6 km south of the border heading north"))
        #expect(a.reasons.last == "night")
        var trusting = ProfileSettings()
        trusting.trustRadarHeight = true
        var g = Flyer(settings: trusting)
        let b = g.fly(number: 1, from: 31.3322 - 17_500 / 110_574, -109.9, heading: 0, speed: 72, altitude: 1150, seconds: 160)
        #expect(b.reasons.contains("150 m above ground"))
    }

    @Test func modeSAirlinerAtFL350ScoresNearZero() {
        var f = Flyer()
        // Westbound along the border, 40 km south of it: nothing fires.
        let a = f.fly(number: 2, from: 30.97, -109.9, heading: 270, speed: 240, altitude: 10_668, seconds: 120, source: .modeS, squawk: "1000")
        #expect(a.score < 0.05)
        #expect(a.profile == nil && a.reasons.isEmpty)
        // Northbound toward it, only the approach fires, reduced for a squawking track: far below an alert.
        let b = f.fly(number: 3, from: 31.0, -109.9, heading: 0, speed: 240, altitude: 10_668, seconds: 120, source: .modeS, squawk: "1000")
        #expect(b.score < 0.25 && b.reasons.first?.hasSuffix("of the border heading north") == true)
    }

    @Test func transponderSwitchedOffInFlight() {
        var f = Flyer()
        f.fly(number: 13, from: 30.0, -108.9, heading: 90, speed: 87, altitude: nil, seconds: 60, source: .ssr, squawk: "4721")
        let a = f.fly(number: 13, from: 30.0, -108.84, heading: 90, speed: 87, altitude: nil, seconds: 60, start: Flyer.night + 64, born: Flyer.night)
        #expect(a.profile == .transponderOff)
        #expect(a.reasons.first?.hasPrefix("transponder off for") == true)
        #expect(a.score > alert)
    }

    // Fix 1: a few PSR-only updates between SSR replies are not a transponder switched off.
    @Test func briefPSROnlyRunsInAModeSTrackAreNotTransponderOff() {
        var f = Flyer()
        f.fly(number: 20, from: 30.5, -109.5, heading: 0, speed: 240, altitude: 10_668, seconds: 60, source: .modeS, squawk: "1000")
        // Three PSR-only updates (12 s): a missed reply and PSR-only plots.
        let gap = f.fly(number: 20, from: 30.63, -109.5, heading: 0, speed: 240, altitude: 10_668, seconds: 8, start: Flyer.night + 64,
                        born: Flyer.night)
        #expect(gap.features.psrOnlyRun == 3)
        #expect(!gap.reasons.contains { $0.hasPrefix("transponder off") || $0 == "PSR-only" })
        #expect(gap.score < alert)
        let back = f.fly(number: 20, from: 30.65, -109.5, heading: 0, speed: 240, altitude: 10_668, seconds: 8, start: Flyer.night + 76,
                         source: .modeS, squawk: "1000", born: Flyer.night)
        #expect(back.features.transponderLostAt == nil && back.score < alert)
        // Coasting (no plot at all) for 40 s, which the tracker reports as PSR-only: not lost either.
        let coast = f.fly(number: 20, from: 30.66, -109.5, heading: 0, speed: 240, altitude: 10_668, seconds: 40, start: Flyer.night + 88,
                          born: Flyer.night, stage: .coasting)
        #expect(coast.features.transponderLostAt == nil && coast.score < alert)
        f.fly(number: 20, from: 30.67, -109.5, heading: 0, speed: 240, altitude: 10_668, seconds: 0, start: Flyer.night + 132,
              source: .modeS, squawk: "1000", born: Flyer.night)
        // The same track with primary plots and no reply for 40 s: now it is lost, and the words say for how long.
        let off = f.fly(number: 20, from: 30.67, -109.5, heading: 0, speed: 240, altitude: nil, seconds: 40, start: Flyer.night + 136,
                        born: Flyer.night)
        #expect(off.profile == .transponderOff && off.score > alert)
        #expect(off.reasons.first == "transponder off for 44 s")
    }

    // Fix 2: a circling track split by the tracker is the same aircraft re-acquired, and circling far
    // from the border does not alert on its own.
    @Test func circlingTrackSplitByTheTrackerIsNotAStoneSkip() {
        var f = Flyer()
        // A crop duster orbiting (3°/s, 45 m/s) 100 km south of the border, far from strips and airports.
        let orbit = f.fly(number: 30, from: 30.4, -110.5, heading: 0, speed: 45, altitude: nil, seconds: 300, turnRate: 3, endsLow: true)
        #expect(orbit.score < alert)
        #expect(!orbit.reasons.contains { $0.hasPrefix("circling") })
        #expect(f.classifier.dropOuts.count == 1)
        // Three minutes later, a new PSR-only track inside the same orbit.
        let again = f.fly(number: 31, from: 30.401, -110.5, heading: 90, speed: 45, altitude: nil, seconds: 60, start: Flyer.night + 480,
                          turnRate: 3)
        #expect(again.features.skippedFrom == nil)
        #expect(again.profile != .stoneSkip && again.score < alert)
        // The same orbit near the border reads as loiter once the track has flown there (10 km from
        // where it was first seen); circling where it was first seen is a field pattern.
        var g = Flyer()
        let there = g.fly(number: 32, from: 31.11, -110.5, heading: 0, speed: 45, altitude: nil, seconds: 220)
        let near = g.next(there, speed: 45, seconds: 300, turnRate: 3)
        #expect(near.reasons.contains { $0.hasPrefix("circling") } && near.profile == .loiterDrop)
        var field = Flyer()
        let working = field.fly(number: 33, from: 31.2, -110.5, heading: 0, speed: 45, altitude: nil, seconds: 520, turnRate: 3)
        #expect(!working.reasons.contains { $0.hasPrefix("circling") } && working.score < alert)
    }

    // Fix 2: a straight track lost and re-born where it would be by now is re-acquired; a stone-skip
    // needs a drop-out with evidence of being low (a transponder height or a strip).
    @Test func reacquisitionAndDropOutsWithoutLowEvidence() {
        var f = Flyer()
        f.fly(number: 33, from: 30.3, -110.6, heading: 0, speed: 60, altitude: nil, seconds: 60, endsLow: true)
        // 150 s later, 9 km further north: where dead reckoning puts it.
        let on = f.fly(number: 34, from: 30.3 + (60 + 150) * 60 / 110_574.0, -110.6, heading: 0, speed: 60, altitude: nil, seconds: 20,
                       start: Flyer.night + 210)
        #expect(on.features.skippedFrom == nil && on.profile != .stoneSkip)
        // It continues the lost track: its history (here, the PSR-only run and the samples) carries on.
        #expect(on.features.reacquiredFrom == 33)
        #expect(on.features.psrOnlyRun == 16 + 6 && on.reasons.first == "PSR-only")
        #expect(on.features.samples.first?.time == Flyer.night)
        // A PSR-only drop-out without height, away from strips, 8 km off the pop-up's path: no link either.
        var g = Flyer()
        g.fly(number: 35, from: 30.3, -110.6, heading: 0, speed: 60, altitude: nil, seconds: 60, endsLow: true)
        let off = g.fly(number: 36, from: 30.35, -110.55, heading: 90, speed: 60, altitude: nil, seconds: 20, start: Flyer.night + 600)
        #expect(off.features.skippedFrom == nil)
        // The same after a drop-out at 100 m above ground by its transponder (Mode C): a stone-skip.
        var h = Flyer()
        h.fly(number: 37, from: 30.3, -110.6, heading: 0, speed: 60, altitude: 1100, seconds: 60, source: .ssr, squawk: "4721", endsLow: true)
        let skip = h.fly(number: 38, from: 30.35, -110.55, heading: 90, speed: 60, altitude: nil, seconds: 20, start: Flyer.night + 600)
        #expect(skip.profile == .stoneSkip && skip.score > alert)
    }

    // Fix 3: a squawking aircraft born low is not linked to another track's drop-out.
    @Test func squawkingPopUpIsNotLinkedToADropOut() {
        var f = Flyer()
        f.fly(number: 40, from: 30.95, -109.75, heading: 0, speed: 70, altitude: 1100, seconds: 60, endsLow: true)
        let medevac = f.fly(number: 41, from: 31.05, -109.85, heading: 0, speed: 60, altitude: 1170, seconds: 20, start: Flyer.night + 200,
                            source: .ssr, squawk: "1200")
        #expect(medevac.features.skippedFrom == nil && medevac.profile != .stoneSkip && medevac.score < alert)
        // The same birth without transponder is linked.
        let psr = f.fly(number: 42, from: 31.05, -109.85, heading: 0, speed: 60, altitude: nil, seconds: 20, start: Flyer.night + 200)
        #expect(psr.profile == .stoneSkip)
    }

    // Fix 4: heights above ground only from transponder altitudes.
    @Test func heightAboveGroundOnlyFromTransponderAltitude() {
        var f = Flyer()
        let radar = f.fly(number: 50, from: 30.0, -110.0, heading: 90, speed: 60, altitude: 570, seconds: 80)
        #expect(radar.features.heightAboveGround == nil && !radar.reasons.contains { $0.hasSuffix("above ground") })
        let xpdr = f.fly(number: 51, from: 30.0, -110.0, heading: 90, speed: 60, altitude: 1150, seconds: 80, source: .ssr, squawk: "1200")
        #expect(xpdr.features.heightAboveGround == 150 && xpdr.reasons.contains("150 m above ground"))
    }

    @Test func emergencySquawkAlertsAtAnyHeight() {
        var f = Flyer()
        let a = f.fly(number: 4, from: 30.0, -109.0, heading: 90, speed: 230, altitude: 10_000, seconds: 20, start: Flyer.night + 43_200,
                      source: .modeS, squawk: "7700")
        #expect(a.profile == .emergencySquawk && a.reasons.first == "squawk 7700" && a.score > alert)
    }

    @Test func ultralightCircling() {
        var f = Flyer()
        // 45 kt PSR-only from 3 km south of the border to 5 km north of it, then an orbit (6°/s) for 4 minutes.
        let inbound = f.fly(number: 5, from: 31.305, -109.4, heading: 0, speed: 23, altitude: nil, seconds: 320)
        let a = f.next(inbound, speed: 23, seconds: 240, turnRate: 6)
        #expect(a.profile == .ultralightIncursion)
        #expect(a.reasons.contains { $0.hasPrefix("circling:") })
        #expect(a.reasons.contains("45 kt, ultralight speed"))
    }

    @Test func dropOutNearAStripThenPopUpIsAStoneSkip() {
        var f = Flyer()
        let lost = f.fly(number: 6, from: 30.95, -109.75, heading: 0, speed: 70, altitude: 1100, seconds: 60, endsLow: true)
        #expect(lost.profile == .clandestineLanding)
        // PSR-only: no trusted height, the strip is the evidence.
        #expect(lost.reasons.contains("lost away from airports near strip B"))
        #expect(f.classifier.dropOuts.count == 1)
        // Ten minutes later a PSR-only track appears 12 km further on.
        let popped = f.fly(number: 7, from: 31.05, -109.85, heading: 0, speed: 70, altitude: nil, seconds: 20, start: Flyer.night + 660)
        #expect(popped.profile == .stoneSkip)
        #expect(popped.reasons.contains { $0.contains("from where track 6 was lost 10 min before") })
        #expect(popped.score > alert)
    }

    @Test func landingAtAClosedAirport() {
        var f = Flyer()
        // Mode S, low, ending at KDUG (closed 02:00–14:00 UTC) at 06:00 UTC.
        let a = f.fly(number: 8, from: 31.45, -109.6036, heading: 0, speed: 40, altitude: 1100, seconds: 40, source: .modeS, endsLow: true)
        #expect(a.profile == .clandestineLanding)
        #expect(a.reasons.contains("landed at KDUG outside its hours (14:00–02:00 UTC)"))
    }

    @Test func restrictedZoneEntry() {
        var zones = Flyer.border
        zones.restricted = [Zones.Area(name: "R-1", ring: [Zones.Point(latitude: 30, longitude: -110), Zones.Point(latitude: 30, longitude: -109),
                                                             Zones.Point(latitude: 30.5, longitude: -109), Zones.Point(latitude: 30.5, longitude: -110)])]
        var f = Flyer(zones: zones)
        let a = f.fly(number: 9, from: 30.2, -109.5, heading: 90, speed: 60, altitude: 3000, seconds: 12, source: .modeS)
        #expect(a.reasons.contains("inside R-1"))
    }

    @Test func theTrackTableHasAHardLimit() {
        var settings = ProfileSettings()
        settings.maximumTracks = 3
        var f = Flyer(settings: settings)
        for n in 1...5 { f.fly(number: UInt16(n), from: 30, -110, heading: 0, speed: 60, altitude: nil, seconds: 0, start: Flyer.night + Double(n)) }
        #expect(f.classifier.trackCount == 3 && f.classifier.forgottenTracks == 2)
    }

    // The class is the profile most of the evidence points to, not the first in a fixed order.
    @Test func theClassIsWhatMostOfTheEvidencePointsTo() {
        // Squawking north toward the border, then silent: the transponder switched off (1.2) outweighs
        // the approach (1.0), whose height is unknown.
        var f = Flyer()
        let on = f.fly(number: 10, from: 31.0, -109.2, heading: 0, speed: 87, altitude: nil, seconds: 60, source: .ssr, squawk: "4721")
        let off = f.next(on, speed: 87, seconds: 60)
        #expect(off.reasons.contains { $0.hasSuffix("south of the border heading north") })
        #expect(off.profile == .transponderOff && off.reasons.first?.hasPrefix("transponder off for") == true)
        // Never squawked, same path: PSR-only is common to every profile; the approach names the class.
        var g = Flyer()
        let never = g.fly(number: 11, from: 31.0, -109.2, heading: 0, speed: 87, altitude: nil, seconds: 120)
        #expect(never.reasons.first == "PSR-only" && never.profile == .lowLevelBorderApproach)
        // 45 kt without transponder, eastbound far from the border: an ultralight, not "transponder off";
        // and at 100 kt, with nothing else to go on, "transponder off".
        let slow = g.fly(number: 12, from: 30.3, -109.2, heading: 90, speed: 23, altitude: nil, seconds: 60)
        #expect(slow.profile == .ultralightIncursion)
        let plain = g.fly(number: 13, from: 30.3, -109.0, heading: 90, speed: 51, altitude: nil, seconds: 60)
        #expect(plain.profile == .transponderOff && plain.score < alert)
    }

    // Approaching is net progress toward the line, however young the track.
    @Test func aFastTrackFirstSeenNearTheBorderIsApproachingWithinSeconds() {
        var f = Flyer()
        // 230 kt, first seen 10 km south heading north: 2.8 km closer after 24 s.
        let fast = f.fly(number: 14, from: 31.3322 - 10_000 / 110_574, -110.9, heading: 0, speed: 118, altitude: nil, seconds: 24)
        #expect(fast.reasons.contains("7 km south of the border heading north") && fast.score > alert)
        // 45 kt: 550 m in the same time is not yet an approach.
        let slow = f.fly(number: 15, from: 31.3322 - 10_000 / 110_574, -110.8, heading: 0, speed: 23, altitude: nil, seconds: 24)
        #expect(!slow.reasons.contains { $0.hasSuffix("heading north") })
    }

    // Shuttling north and south 20 km short of the line (3 km up, 2 km back, 3 km up in 80 s): 4 km
    // closer, but over a trail twice as long, so on average not heading for it. Nor is a slow scan
    // an ultralight.
    @Test func progressOverATrailThatDoublesBackIsNotAnApproachNorASlowScanAnUltralight() {
        var f = Flyer()
        let up = f.fly(number: 34, from: 31.3322 - 20_000 / 110_574, -110.2, heading: 0, speed: 100, altitude: nil, seconds: 28)
        let back = f.next(up, heading: 180, speed: 100, seconds: 16)
        let again = f.next(back, heading: 0, speed: 100, seconds: 28)
        #expect((again.features.closedIn ?? 0) > 3_000 && !again.reasons.contains { $0.hasSuffix("of the border heading north") })
        // The same straight north: an approach.
        let straight = f.fly(number: 35, from: 31.3322 - 20_000 / 110_574, -110.0, heading: 0, speed: 50, altitude: nil, seconds: 60)
        #expect(straight.reasons.contains { $0.hasSuffix("of the border heading north") })
        // One scan's estimate of 54 kt in a minute at 97 kt is not an ultralight's speed.
        let dip = f.next(straight, speed: 28, seconds: 8)
        #expect(!dip.reasons.contains { $0.hasSuffix("ultralight speed") } && dip.profile != .ultralightIncursion)
    }

    // A track lost south of the line and re-acquired north of it crossed in between.
    @Test func aTrackLostOnOneSideAndFoundOnTheOtherCrossedInTheGap() {
        var f = Flyer()
        // Lost 2 km south after a minute at 100 m/s; 90 s later found 7 km north, where dead reckoning puts it.
        f.fly(number: 16, from: 31.3322 - 8_000 / 110_574, -110.0, heading: 0, speed: 100, altitude: nil, seconds: 60, endsLow: true)
        let found = f.fly(number: 17, from: 31.3322 + 7_000 / 110_574, -110.0, heading: 0, speed: 100, altitude: nil, seconds: 20,
                          start: Flyer.night + 150)
        #expect(found.features.reacquiredFrom == 16)
        #expect(found.reasons.contains { $0.hasPrefix("crossed the border northbound") } && found.score > alert)
    }

    // A flight level the tracker keeps after the replies stop is not a height.
    @Test func aTransponderAltitudeIsAHeightOnlyWhileTheTransponderAnswers() {
        var f = Flyer()
        let on = f.fly(number: 18, from: 30.5, -110.0, heading: 90, speed: 60, altitude: 1100, seconds: 40, source: .ssr, squawk: "4721")
        #expect(on.features.heightAboveGround == 100)
        // Primary plots with the last reported level still on the track, under `transponderLostSeconds` (15 s) after the last reply.
        let soon = f.fly(number: 18, from: 30.5, -109.99, heading: 90, speed: 60, altitude: 1100, seconds: 8, start: on.time + 4,
                         born: Flyer.night, transponderAltitude: true)
        #expect(soon.features.heightAboveGround == 100)
        let later = f.fly(number: 18, from: 30.5, -109.98, heading: 90, speed: 60, altitude: 1100, seconds: 24, start: soon.time + 4,
                          born: Flyer.night, transponderAltitude: true)
        #expect(later.features.heightAboveGround == nil && later.reasons.first?.hasPrefix("transponder off for") == true)
    }

    // Erratic is a zig-zag or a sudden speed change of the aircraft, not a turn or a new track settling.
    @Test func erraticMeansReversalsNotTurnsNorANewTracksSettling() {
        var reasons: [String] = []
        // A 35° bank at 100 kt (7.6°/s) round and round for 5 minutes, 100 km south of the border.
        var f = Flyer()
        f.fly(number: 19, from: 30.4, -110.5, heading: 0, speed: 51, altitude: nil, seconds: 300, turnRate: 7.6) { reasons += $0.reasons }
        // A settled track entering a 5°/s turn.
        let straight = f.fly(number: 20, from: 30.4, -110.3, heading: 90, speed: 60, altitude: nil, seconds: 80)
        f.next(straight, speed: 60, seconds: 40, turnRate: 5) { reasons += $0.reasons }
        #expect(!reasons.contains { $0.hasPrefix("turned") })
        // The same track zig-zagging: right 5°/s for 12 s, then left.
        let right = f.fly(number: 21, from: 30.4, -110.1, heading: 90, speed: 60, altitude: nil, seconds: 80)
        let zig = f.next(right, speed: 60, seconds: 12, turnRate: 5)
        let zag = f.next(zig, speed: 60, seconds: 12, turnRate: -5)
        #expect(zag.reasons.contains { $0.hasPrefix("turned") })
        // From 60 to 35 m/s: on a new track (its velocity still settling) it says nothing; on a settled one it is erratic.
        let young = f.fly(number: 22, from: 30.3, -110.5, heading: 90, speed: 60, altitude: nil, seconds: 20)
        let slowedYoung = f.next(young, speed: 35, seconds: 32)
        #expect(slowedYoung.features.speedChange == 0)
        let settled = f.fly(number: 23, from: 30.3, -110.3, heading: 90, speed: 60, altitude: nil, seconds: 80)
        let slowed = f.next(settled, speed: 35, seconds: 36)
        #expect(slowed.reasons.contains { $0.hasPrefix("speed changed") })
    }

    // A landing aircraft is lost on its final, kilometres short of the strip it is heading for.
    @Test func aStripOnALostTracksPathIsWhereItLanded() {
        var f = Flyer()
        // Lost 4.5 km short of strip B (31.0 N 109.75 W), heading for it.
        let landing = f.fly(number: 24, from: 31.0 - 6_100 / 110_574, -109.75, heading: 0, speed: 60, altitude: nil, seconds: 28, endsLow: true)
        #expect(landing.reasons.contains("lost away from airports near strip B") && landing.profile == .clandestineLanding)
        // Lost 4.5 km past it, flying away: not landing there.
        let away = f.fly(number: 25, from: 31.0 + 2_900 / 110_574, -109.75, heading: 0, speed: 60, altitude: nil, seconds: 28, endsLow: true)
        #expect(away.reasons.contains("lost away from airports"))
    }

    // A track born with a strip behind it took off from there: again after a landing seen there, or
    // freshly (what a stone-skip's second half looks like).
    @Test func aTrackBornWithAStripBehindItTookOffFromIt() {
        let southOfB = 31.0 - 2_000 / 110_574
        var f = Flyer()
        f.fly(number: 26, from: 31.0 - 6_100 / 110_574, -109.75, heading: 0, speed: 60, altitude: nil, seconds: 28, endsLow: true)
        let again = f.fly(number: 27, from: southOfB, -109.75, heading: 180, speed: 60, altitude: nil, seconds: 20, start: Flyer.night + 330)
        #expect(again.reasons.contains("took off from strip B, where track 26 was lost 5 min before"))
        #expect(again.profile == .clandestineLanding && again.score > alert)
        var g = Flyer()
        let fresh = g.fly(number: 28, from: southOfB, -109.75, heading: 180, speed: 60, altitude: nil, seconds: 20)
        #expect(fresh.reasons.contains("appeared near strip B") && fresh.profile == .stoneSkip && fresh.score > alert)
        // Born 2 km short of the strip heading for it: arriving, not taking off.
        let arriving = g.fly(number: 29, from: southOfB, -109.7, heading: 0, speed: 60, altitude: nil, seconds: 20)
        #expect(arriving.features.bornAtStrip == nil && arriving.profile != .stoneSkip)
    }

    // The tracker's split of a track whose transponder went off does not lose that evidence.
    @Test func aTrackWhoseTransponderWentOffIsFollowedAcrossATrackerSplit() {
        var f = Flyer()
        // Squawking at 2,000 m above the ground, then primary plots only (the last level kept), then lost.
        let on = f.fly(number: 30, from: 30.5, -108.9, heading: 0, speed: 87, altitude: 3000, seconds: 60, source: .ssr, squawk: "4721")
        let off = f.fly(number: 30, from: on.features.latitude, -108.9, heading: 0, speed: 87, altitude: 3000, seconds: 60,
                        start: on.time + 4, endsLow: true, born: Flyer.night, transponderAltitude: true)
        // 100 s later a PSR-only track where dead reckoning puts it.
        let found = f.fly(number: 31, from: off.features.latitude + 100 * 87 / 110_574, -108.9, heading: 0, speed: 87, altitude: 3000,
                          seconds: 12, start: off.time + 100)
        #expect(found.features.reacquiredFrom == 30)
        #expect(found.profile == .transponderOff && found.reasons.first?.hasPrefix("transponder off for") == true)
    }

    @Test func withoutTerrainTheHeightRulesSayTheyAreOff() {
        let c = ProfileContext(zones: Zones(), ground: nil)
        #expect(c.disabledRules == ["no terrain: low level, drop-out and pop-up by height are off",
                                    "no border line: border approach and crossing are off"])
    }
}
