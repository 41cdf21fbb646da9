import Testing
@testable import Surveillance

@Suite struct TimeOfDayTests {
    @Test func differencesTakeTheShortWayRoundMidnight() {
        let before = TimeOfDay(seconds: 86_399), after = TimeOfDay(seconds: 1)
        #expect(after.seconds(since: before) == 2)
        #expect(before.seconds(since: after) == -2)
        #expect(TimeOfDay(seconds: 100.5).seconds(since: TimeOfDay(seconds: 40)) == 60.5)
    }

    /// 2026-05-28T00:00:00Z is 1,779,926,400 s after 1970 (20,601 days).
    @Test func aTimeOfDayIsDatedByTheReceiveTimeAcrossMidnight() {
        let midnight = 1_779_926_400.0
        // Stamped 23:59:59, received at 00:00:01: the day before.
        #expect(TimeOfDay(seconds: 86_399).utc(near: midnight + 1) == midnight - 1)
        // Stamped 00:00:01, received at 23:59:59 the day before (a fast clock): the next day.
        #expect(TimeOfDay(seconds: 1).utc(near: midnight - 1) == midnight + 1)
        #expect(TimeOfDay(seconds: 4 * 3600 + 30 * 60).utc(near: midnight + 4.5 * 3600 + 0.3) == midnight + 4.5 * 3600)
    }

    @Test func printsAsHoursMinutesSecondsMilliseconds() {
        // 3600.5 s = 01:00:00.500; 1/128 s = 7.8125 ms rounds to 008.
        #expect(TimeOfDay(seconds: 3600.5).description == "01:00:00.500")
        #expect(TimeOfDay(ticks: 1).description == "00:00:00.008")
    }
}

@Suite struct IdentityTests {
    @Test func mode3AIsFourOctalDigits() throws {
        let code = try #require(Mode3A(octal: "7500"))
        #expect(code.code == 0o7500)
        #expect(code.isEmergency)
        #expect(code.description == "7500")
        #expect(Mode3A(item: 0x0008).description == "0010")
        #expect(Mode3A(octal: "7800") == nil)  // 8 is no octal digit
        #expect(Mode3A(octal: "123") == nil)
        #expect(Mode3A(item: 0x8000 | 0o1200).notValidated)
    }

    @Test func callsignsUseTheICAOSixBitAlphabet() throws {
        // "AB1" → A=1, B=2, '1'=49, then five spaces (32).
        let c = try #require(Callsign("AB1"))
        let expected: UInt64 = [1, 2, 49, 32, 32, 32, 32, 32].reduce(0) { $0 << 6 | $1 }
        #expect(c.bits == expected)
        #expect(c.description == "AB1")
        #expect(Callsign("TOOLONG12") == nil)
        #expect(Callsign("A-1") == nil)
        // Code 0 is outside the alphabet: shown, not hidden.
        let odd = Callsign(bits: expected & ~(0x3F << 42))
        #expect(odd.description == "?B1")
        #expect(!odd.isValid)
    }

    @Test func addressesAreSixHexDigits() {
        #expect(ModeSAddress(0x0D1234).description == "0D1234")
        #expect(ModeSAddress(hex: "3c6586")?.value == 0x3C6586)
        #expect(ModeSAddress(hex: "3C65") == nil)
        #expect(SensorID(sac: 25, sic: 201).description == "25/201")
    }
}

@Suite struct NamedCaseTests {
    /// The names the JSON lines and the store write, each read back to its case; anything else is no case.
    @Test func namesReadBackToTheirCases() {
        #expect(SystemTrack.Stage.allCases.map(\.name) == ["tentative", "confirmed", "coasting"])
        #expect(SystemTrack.Source.allCases.map(\.name) == ["psr_only", "ssr", "mode_s"])
        #expect(Alert.State.allCases.map(\.name) == ["raised", "updated", "cleared", "acknowledged"])
        #expect(SystemTrack.Stage.allCases.allSatisfy { SystemTrack.Stage(name: $0.name) == $0 })
        #expect(SystemTrack.Source.allCases.allSatisfy { SystemTrack.Source(name: $0.name) == $0 })
        #expect(Alert.State.allCases.allSatisfy { Alert.State(name: $0.name) == $0 })
        #expect(SystemTrack.Source(name: "psrOnly") == nil && Alert.State(name: "Raised") == nil && SystemTrack.Stage(name: "") == nil)
    }

    /// Direction of motion clockwise from north: east 90°, south 180°, west 270°; still is 0.
    @Test func headingIsClockwiseFromNorth() {
        var t = SystemTrack(number: 1, time: 0, stage: .confirmed, source: .ssr, latitude: 0, longitude: 0, x: 0, y: 0,
                            vx: 0, vy: 0, covariance: Covariance2(xx: 1, xy: 0, yy: 1), altitude: nil, verticalRate: 0,
                            flightLevel: nil, mode3A: nil, address: nil, callsign: nil, manoeuvring: false, firstTime: 0,
                            updates: 1, lastSensor: SensorID(sac: 0, sic: 1), ended: false)
        #expect(t.heading == 0)
        for (vx, vy, heading) in [(0.0, 10.0, 0.0), (10, 0, 90), (0, -10, 180), (-10, 0, 270), (-10, 10, 315)] {
            t.vx = vx
            t.vy = vy
            #expect(abs(t.heading - heading) < 1e-12, "\(vx), \(vy)")
        }
    }
}
