import Asterix
import Feeds
import Testing

// SystemTrack → CAT062 record, read back by our own (separately tested) decoder: each value within
// half an LSB of what the track said, in the item's own unit worked out from the specification.

@Suite("CAT062 track records")
struct Cat062TrackRecordTests {
    @Test("every item carries the track's value within half its LSB")
    func everyFieldRoundTrips() throws {
        var settings = Cat062TrackSettings()
        settings.sensor = SensorID(sac: 7, sic: 200)
        settings.serviceID = 3
        let t = makeTrack()
        let r = try #require(roundTrip([t], settings: settings).first)

        #expect(r.sensor == SensorID(sac: 7, sic: 200), "010 is the tracker, not the radar")
        #expect(r.serviceID == 3)
        #expect(r.trackNumber == 42)
        close(r.timeOfTrack?.seconds, may1TimeOfDay, within: 1.0 / 256, "070 time of day")
        let deg = 180.0 / 33_554_432
        close(r.wgs84?.latitudeDegrees, 31.3012, within: deg / 2, "105 latitude")
        close(r.wgs84?.longitudeDegrees, -110.9423, within: deg / 2, "105 longitude")
        close(r.cartesian?.xMetres, -12_345.6, within: 0.25, "100 x")
        close(r.cartesian?.yMetres, 67_890.1, within: 0.25, "100 y")
        close(r.velocity?.vxMetresPerSecond, 55.3, within: 0.125, "185 vx")
        close(r.velocity?.vyMetresPerSecond, -180.7, within: 0.125, "185 vy")
        close(r.measuredFlightLevel, 100.25, within: 0.125, "136 flight level")
        // 3,048 m is 10,000 ft; −5.08 m/s is −1,000 ft/min.
        close(r.geometricAltitudeFeet, 10_000, within: 3.125, "130 altitude")
        close(r.rateOfClimbFeetPerMinute, -1_000, within: 3.125, "220 rate of climb")
        #expect(r.mode3A?.description == "4215")
        #expect(r.address == ModeSAddress(hex: "0D0A1B"))
        #expect(r.aircraftDerived?.identification?.description == "AMX123")
        #expect(r.targetIdentification == nil, "the callsign travels in 380 ID; 245 is reserved")
        // 500: σx 120 m, σy 80 m; COV is sign(σxy)·√|σxy| = −50 m.
        let accuracy = try #require(r.accuracy)
        close(accuracy.positionMetres?.x, 120, within: 0.25, "500 APC x")
        close(accuracy.positionMetres?.y, 80, within: 0.25, "500 APC y")
        close(accuracy.covarianceMetres, -50, within: 0.25, "500 COV")
        // 290: first plot 20 s ago.
        close(r.updateAges?.trackAgeSeconds, 20, within: 0.125, "290 track age")
        // 200: straight, descending at 1,000 ft/min.
        #expect(r.modeOfMovement?.turn == .constantCourse)
        #expect(r.modeOfMovement?.vertical == .descent)
    }

    @Test("track status says tentative, coasting, last message and which transponder data is fresh")
    func status() throws {
        var tentative = makeTrack(number: 1)
        tentative.stage = .tentative
        tentative.updates = 1
        var coasting = makeTrack(number: 2)
        coasting.stage = .coasting
        coasting.source = .ssr
        var ended = makeTrack(number: 3)
        ended.ended = true
        ended.source = .psrOnly
        ended.mode3A = Mode3A(octal: "7700")
        let r = roundTrip([tentative, coasting, ended, makeTrack(number: 4)])
        try #require(r.count == 4)
        let s = r.map { $0.status! }

        #expect(s[0].tentative && !s[0].coasting && !s[0].lastMessage)
        #expect(s[0].firstMessage, "a track's first update is its first message")
        #expect(!s[1].tentative && s[1].coasting)
        #expect(s[2].lastMessage, "TSE on the update that ends the track")
        #expect(!s[3].tentative && !s[3].coasting && !s[3].lastMessage && !s[3].firstMessage)

        // Mode S fresh: nothing expired. SSR: Mode S expired. PSR-only: SSR and Mode S expired,
        // and the data is non-cooperative only (SDS 2).
        #expect(!s[3].psrAgeExpired && !s[3].ssrAgeExpired && !s[3].modeSAgeExpired)
        #expect(!s[1].ssrAgeExpired && s[1].modeSAgeExpired)
        #expect(!s[2].psrAgeExpired && s[2].ssrAgeExpired && s[2].modeSAgeExpired)
        #expect(s[2].surveillanceDataSource == 2 && s[3].surveillanceDataSource == 0)
        // A PSR-only track with a height has it from a 3-D radar (SRC 2).
        #expect(s[2].altitudeSource == 2)
        // 7700 is a general emergency (EMS 1).
        #expect(s[2].emergencyStatus == 1 && s[3].emergencyStatus == 0)
    }

    @Test("mode of movement: turning while manoeuvring, climb and level from the vertical rate")
    func modeOfMovement() throws {
        var turning = makeTrack(number: 1)
        turning.manoeuvring = true
        turning.verticalRate = 10
        var level = makeTrack(number: 2)
        level.verticalRate = 0.5
        var unknown = makeTrack(number: 3)
        unknown.altitude = nil
        let r = roundTrip([turning, level, unknown])
        try #require(r.count == 3)
        #expect(r[0].modeOfMovement?.turn == .undetermined, "turning, side not known")
        #expect(r[0].modeOfMovement?.vertical == .climb)
        #expect(r[1].modeOfMovement?.vertical == .level)
        #expect(r[2].modeOfMovement?.vertical == .undetermined)
        #expect(r[2].geometricAltitudeRaw == nil && r[2].rateOfClimbRaw == nil,
                "no altitude measured: neither 130 nor a placeholder 220")
    }

    @Test("time of day wraps at midnight instead of running past 24 h")
    func midnight() throws {
        var t = makeTrack()
        // 1999-12-31T23:59:59Z, and 0.999 s later which rounds to the next midnight.
        t.time = 946_684_799
        var u = t
        u.time = 946_684_799.999
        let r = roundTrip([t, u])
        try #require(r.count == 2)
        #expect(r[0].timeOfTrack?.seconds == 86_399)
        #expect(r[1].timeOfTrack?.ticks == 0)
    }

    @Test("values an item cannot carry leave the item out instead of wrapping or clamping")
    func outOfRange() throws {
        var t = makeTrack()
        t.latitude = .nan                       // no geodetic position
        t.x = 4_200_000                         // past the 24-bit ±4,194,304 m of I062/100
        t.vx = 9_000                            // past ±8,192 m/s
        t.flightLevel = 1_600                   // the definition stops at FL 1,500
        t.altitude = 50_000                     // 164,000 ft, past 150,000 ft
        t.covariance = Covariance2(xx: 40_000 * 40_000, xy: 0, yy: 100)  // σx 40 km > 32,767.5 m
        t.firstTime = t.time - 64               // older than I062/290's 63.75 s
        let r = try #require(roundTrip([t]).first)
        #expect(r.wgs84 == nil)
        #expect(r.cartesian == nil)
        #expect(r.velocity == nil)
        #expect(r.measuredFlightLevelRaw == nil)
        #expect(r.geometricAltitudeRaw == nil)
        #expect(r.accuracy == nil)
        #expect(r.updateAges == nil)
        // What is in range still goes out.
        #expect(r.trackNumber == 42)
        close(r.rateOfClimbFeetPerMinute, -1_000, within: 3.125, "220 rate of climb")

        // Just inside the limits: kept.
        var edge = makeTrack()
        edge.flightLevel = -15
        edge.x = -4_194_304
        edge.latitude = -90
        let e = try #require(roundTrip([edge]).first)
        #expect(e.measuredFlightLevel == -15)
        #expect(e.cartesian?.xMetres == -4_194_304)
        #expect(e.wgs84?.latitudeDegrees == -90)
    }

    @Test("Mode 3/A: CAT048's L bit is not passed on as CAT062's CH (code changed)")
    func mode3AFlags() throws {
        var t = makeTrack()
        t.mode3A = Mode3A(item: 0x2000 | 0o1234)
        let r = try #require(roundTrip([t]).first)
        #expect(r.mode3A?.description == "1234")
        #expect(r.mode3AChanged == false)
    }
}
