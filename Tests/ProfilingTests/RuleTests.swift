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

    /// Flies from (lat, lon) at `speed` m/s on `heading` for `seconds`; returns the last assessment.
    @discardableResult
    mutating func fly(number: UInt16, from lat: Double, _ lon: Double, heading: Double, speed: Double, altitude: Double?,
                      seconds: Double, start: Double = Flyer.night, source: SystemTrack.Source = .psrOnly, squawk: String? = nil,
                      turnRate: Double = 0, endsLow: Bool = false, born: Double? = nil,
                      transponderAltitude: Bool? = nil, stage: SystemTrack.Stage = .confirmed) -> Assessment {
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
            la += vy * 4 / 110_574
            lo += vx * 4 / (111_320 * cos(la * .pi / 180))
            h += turnRate * 4
            t += 4
        }
        return last!
    }
}

@Suite struct RuleTests {
    let alert = ProfileSettings().alertThreshold

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
        // The same orbit near the border still reads as loiter.
        var g = Flyer()
        let near = g.fly(number: 32, from: 31.2, -110.5, heading: 0, speed: 45, altitude: nil, seconds: 300, turnRate: 3)
        #expect(near.reasons.contains { $0.hasPrefix("circling") } && near.profile == .loiterDrop)
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
        // The same with a transponder height 100 m above ground at the drop-out: a stone-skip.
        var h = Flyer()
        h.fly(number: 37, from: 30.3, -110.6, heading: 0, speed: 60, altitude: 1100, seconds: 60, endsLow: true, transponderAltitude: true)
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
        // 45 kt PSR-only orbit (6°/s) 5 km north of the border for 4 minutes.
        let a = f.fly(number: 5, from: 31.38, -109.4, heading: 0, speed: 23, altitude: nil, seconds: 240, turnRate: 6)
        #expect(a.profile == .ultralightIncursion)
        #expect(a.reasons.contains { $0.hasPrefix("circling:") })
        #expect(a.reasons.contains("45 kt, ultralight speed"))
    }

    @Test func dropOutNearAStripThenPopUpIsAStoneSkip() {
        var f = Flyer()
        let lost = f.fly(number: 6, from: 30.95, -109.75, heading: 0, speed: 70, altitude: 1100, seconds: 60, endsLow: true)
        #expect(lost.profile == .clandestineLanding)
        // PSR-only: no trusted height, the strip is the evidence.
        #expect(lost.reasons.contains("lost away from airports near strip strip B"))
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

    @Test func withoutTerrainTheHeightRulesSayTheyAreOff() {
        let c = ProfileContext(zones: Zones(), ground: nil)
        #expect(c.disabledRules == ["no terrain: low level, drop-out and pop-up by height are off",
                                    "no border line: border approach and crossing are off"])
    }
}
