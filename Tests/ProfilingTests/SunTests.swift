import Testing
@testable import Profiling

/// Published values: Meeus, Astronomical Algorithms (2nd ed.), example 25.a (1992 October 13.0 TD:
/// apparent declination −7°47′04″ = −7.7844° by the low-precision method) and example 28.b (same
/// instant: equation of time +13 min 42.7 s); the 2026 June solstice (21 June 08:24 UTC, USNO) with
/// the declination at the obliquity, 23.436°.
@Suite struct SunTests {
    /// 1992-10-13 00:00 UTC; TT − UTC (≈ 59 s then) moves the sun by far less than the tolerances.
    let meeusInstant = 718_934_400.0

    @Test func declinationAndEquationOfTimeMatchMeeus() {
        let c = Sun.coordinates(time: meeusInstant)
        #expect(abs(c.declination - -7.7844) < 0.01)
        #expect(abs(c.equationOfTime - 13.712) < 0.05)
    }

    @Test func solsticeDeclinationAndNoonElevation() {
        let solstice = 1_782_030_240.0  // 2026-06-21 08:24 UTC
        #expect(abs(Sun.coordinates(time: solstice).declination - 23.436) < 0.01)
        // At the subsolar point the sun is overhead; 40° further north it stands 50° high at noon.
        let e = Sun.coordinates(time: solstice).equationOfTime
        let subsolarLongitude = -(8.4 * 60 + e - 720) / 4
        #expect(abs(Sun.elevation(latitude: 23.436, longitude: subsolarLongitude, time: solstice) - 90) < 0.1)
        #expect(abs(Sun.elevation(latitude: 63.436, longitude: subsolarLongitude, time: solstice) - 50) < 0.1)
    }

    @Test func theNightSessionIsNight() {
        // 2026-05-28 06:00 UTC over Agua Prieta: 23:00 local, the sun far below −6°.
        #expect(Sun.elevation(latitude: 31.3, longitude: -109.5, time: 1_779_948_000) < -20)
        // Local noon there the same day (about 19:20 UTC) is day.
        #expect(Sun.elevation(latitude: 31.3, longitude: -109.5, time: 1_779_996_000) > 70)
    }
}
