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
                      turnRate: Double = 0, endsLow: Bool = false, born: Double? = nil) -> Assessment {
        var last: Assessment?
        var t = 0.0, la = lat, lo = lon, h = heading
        while t <= seconds {
            let vx = speed * sin(h * .pi / 180), vy = speed * cos(h * .pi / 180)
            let u = SystemTrack(number: number, time: start + t, stage: .confirmed, source: source, latitude: la, longitude: lo,
                                x: 0, y: 0, vx: vx, vy: vy, covariance: Covariance2(xx: 1e4, xy: 0, yy: 1e4), altitude: altitude,
                                verticalRate: 0, flightLevel: nil, mode3A: squawk.flatMap { Mode3A(octal: $0) }, address: nil,
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
        #expect(a.reasons.contains("150 m above ground"))
        #expect(a.reasons.contains("6 km south of the border heading north"))
        #expect(a.reasons.last == "night")
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
        #expect(lost.reasons.contains { $0.hasPrefix("lost at ") && $0.hasSuffix("near strip strip B") })
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
