import Asterix
import Foundation
import Surveillance
import Testing

/// `centinela replay` fed recordings crafted to hold bad input of one kind each, through the
/// built binary: it exits 0, tracks what can be tracked, and its summary counts each kind of
/// problem exactly as many times as the file holds it.
@Suite struct ReplayBadInputTests {
    typealias R = CraftedRecording
    static let scan = R.scanPeriod

    /// Writes the recording and replays it; the summary and the JSON lines of its track updates.
    static func replay(_ recording: R, _ name: String, _ options: [String] = []) throws
        -> (summary: ReplaySummary, updates: [[String: Any]]) {
        let path = Centinela.temporaryPath(name + ".pcap")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try recording.write(to: path)
        let r = try Centinela.run(["replay", path, "--jsonl", "-"] + options)
        #expect(r.status == 0, "\(r.stderr)")
        let updates = try r.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (try ReplaySummary(r.stderr), updates)
    }

    /// The crafted bytes are what the ASTERIX documents say, worked out by hand here rather than
    /// trusted to the encoders the file is written with.
    @Test func craftedBlocksHoldTheFieldsTheTestsMean() throws {
        // 23:59:58: 86,398 s × 128 = 11,058,944 = 0xA8BF00.
        let time = R.midnight - 2
        let plot = R.plot(at: time, rangeNM: 100, azimuth: 45, flightLevel: -10)
        // FSPEC 1111 0100: I048/010, /140, /020, /040, /090. SAC 50 SIC 1; time; TYP 2 (SSR)
        // in the top three bits; rho 100 NM = 25,600/256, theta 45° = 8,192 × 360/2¹⁶;
        // FL −10 = −40 quarter levels, 14-bit two's complement 0x3FD8.
        #expect(try R.block([plot]) == [0x30, 0x00, 0x10, 0xF4, 0x32, 0x01, 0xA8, 0xBF, 0x00, 0x40,
                                        0x64, 0x00, 0x20, 0x00, 0x3F, 0xD8])
        // Beyond range: rho 255 NM = 0xFF00; no flight level, TYP 1 (PSR).
        #expect(try R.block([R.plot(at: time, rangeNM: 255, azimuth: 0)]) ==
                [0x30, 0x00, 0x0E, 0xF0, 0x32, 0x01, 0xA8, 0xBF, 0x00, 0x20, 0xFF, 0x00, 0x00, 0x00])
        // North marker: FSPEC 1110 1001 0001 0000: I034/010, /000, /030, /041, FX, /120.
        // Type 1; period 4 s × 128 = 0x0200; height 1,200 m = 0x04B0; 31.3° × 2²³/180 =
        // 1,458,685.7 → 0x1641FE; −110.9° → −5,168,314.6 → 0xB12345 (24-bit two's complement).
        #expect(try R.northMarker(at: time) ==
                [0x22, 0x00, 0x15, 0xE9, 0x10, 0x32, 0x01, 0x01, 0xA8, 0xBF, 0x00, 0x02, 0x00,
                 0x04, 0xB0, 0x16, 0x41, 0xFE, 0xB1, 0x23, 0x45])
    }

    @Test func plotsBeyondTheRadarsRangeOrAtZeroRangeAreCountedAndNeverTracked() throws {
        var rec = R()
        let start = R.midnight - 3_600
        for k in 0..<10 {
            let t = start + Double(k) * Self.scan
            // The default radar reaches 250 NM; rho 255 NM and rho 0 cannot be an aircraft.
            try rec.frame(at: t, plots: [R.aircraft(at: t, seconds: Double(k) * Self.scan),
                                         R.plot(at: t, rangeNM: 255, azimuth: Double(10 * k)),
                                         R.plot(at: t, rangeNM: 0, azimuth: Double(10 * k))])
        }
        let (s, updates) = try Self.replay(rec, "range")
        #expect(s.plots == 30)
        #expect(s.count("impossible plot(s)") == 20)
        #expect(s.started == 1 && s.used == 9 && s.confirmed == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(Set(updates.compactMap { $0["track"] as? Int }).count == 1)
    }

    @Test func impossibleFlightLevelsAreDroppedAndTheirPlotsStillTrack() throws {
        var rec = R()
        let start = R.midnight - 3_600
        // FL −8 is sea level on a high-pressure day: kept. FL −10 and FL 2000 are not.
        let levels: [Double] = [-8, -8, -10, -8, -10, -8, -10, 2_000, -10, -8]
        for (k, level) in levels.enumerated() {
            let t = start + Double(k) * Self.scan
            try rec.frame(at: t, plots: [R.aircraft(at: t, seconds: Double(k) * Self.scan, flightLevel: level)])
        }
        let (s, updates) = try Self.replay(rec, "levels")
        #expect(s.count("impossible flight level(s) dropped") == 5)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.started == 1 && s.used == 9 && s.confirmed == 1)
        // The track reports the last level it was given that was possible, never a refused one.
        let levelsOut = updates.map { $0["fl"] as? Double }
        #expect(levelsOut.allSatisfy { $0 == -8 }, "\(levelsOut)")
    }

    @Test func aFlightAcrossMidnightStaysOneTrack() throws {
        var rec = R()
        let start = R.midnight - 20  // 23:59:40; the time of day wraps to 0 after five scans
        for k in 0...10 {
            let t = start + Double(k) * Self.scan
            try rec.frame(at: t, plots: [R.aircraft(at: t, seconds: Double(k) * Self.scan)])
        }
        let (s, updates) = try Self.replay(rec, "midnight")
        #expect(s.problems.isEmpty, "\(s.problems)")
        #expect(s.started == 1 && s.used == 10 && s.confirmed == 1)
        #expect(Set(updates.compactMap { $0["track"] as? Int }) == [updates.first?["track"] as? Int ?? -1])
        let times = updates.compactMap { $0["t"] as? Double }
        #expect(times == (0...10).map { start + Double($0) * Self.scan })
    }

    @Test func timeGoingBackIsRefusedAndTimeJumpingHoursAheadEndsTheTracks() throws {
        var rec = R()
        let start = R.midnight - 7_200
        func scan(_ k: Int, shift: Double = 0, plots: Int = 1) throws {
            let t = start + Double(k) * Self.scan + shift
            try rec.frame(at: t, plots: (0..<plots).map { i in
                R.plot(at: t, rangeNM: 60 + 200 * Double(k) * Self.scan / 1_852, azimuth: 45 + Double(i), flightLevel: 300)
            })
        }
        for k in 0..<6 { try scan(k) }
        // Three frames an hour in the past, two plots each: older than the late window.
        for k in 6..<9 { try scan(k, shift: -3_600, plots: 2) }
        for k in 6..<9 { try scan(k) }
        // Then three hours ahead, for good (the radar's five scans span 16 s, past the 10 s that
        // confirm a jump): the aircraft's track has been silent for hours and ends; its plots
        // start a new one.
        for k in 9..<14 { try scan(k, shift: 3 * 3_600) }
        let (s, updates) = try Self.replay(rec, "jumps")
        #expect(s.count("late plot(s) refused") == 6)
        #expect(s.count("future plot(s) refused") == 0)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.started == 2 && s.confirmed == 2 && s.ended == 1 && s.live == 1)
        // Every plot neither refused nor starting a track updated one.
        #expect(s.plots == 20 && s.used == 20 - 6 - 2)
        let ended = updates.filter { $0["ended"] as? Bool == true }
        #expect(ended.count == 1)
    }

    /// Three hours ahead is past the future window; 30 s is inside it, but the plot came half a
    /// second after the last frame, so it cannot be 30 s newer (before, it moved the clock on 30 s
    /// and ended the track).
    @Test(arguments: [3 * 3_600.0, 30])
    func onePlotAheadOfItsTimeIsRefusedAndTheTrackGoesOn(ahead: Double) throws {
        var rec = R()
        try rec.flight(scans: 10, from: R.midnight - 7_200) { k, t, rec in
            guard k == 4 else { return }
            // Received now, dated ahead (a corrupt or misconfigured radar).
            try rec.frame(at: t + 0.5, plots: [R.plot(at: t + ahead, rangeNM: 80, azimuth: 200, flightLevel: 300)],
                          northMarker: false)
        }
        let (s, updates) = try Self.replay(rec, "future-\(Int(ahead))")  // the cases run at once
        #expect(s.count("future plot(s) refused") == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.plots == 11 && s.started == 1 && s.used == 9 && s.confirmed == 1)
        #expect(s.ended == 0 && s.live == 1)
        #expect(Set(updates.compactMap { $0["track"] as? Int }).count == 1)
        #expect(!updates.contains { $0["ended"] as? Bool == true })
    }

    @Test func plotsFromRadarsOfUnknownPositionAreCountedAndCannotCrowdOutAKnownRadar() throws {
        var rec = R()
        let start = R.midnight - 3_600
        // 300 sources that never say where they are, more than the tracker remembers (256),
        // before the real radar's first north marker.
        let strangers = (0..<300).map { i in
            R.plot(at: start - 1, rangeNM: 50, azimuth: 90, sensor: SensorID(sac: UInt8(1 + i / 200), sic: UInt8(i % 200)))
        }
        try rec.frame(at: start - 1, plots: strangers, northMarker: false)
        for k in 0..<10 {
            let t = start + Double(k) * Self.scan
            try rec.frame(at: t, plots: [R.aircraft(at: t, seconds: Double(k) * Self.scan),
                                         R.plot(at: t, rangeNM: 80, azimuth: 200, sensor: SensorID(sac: 60, sic: 7))])
        }
        let (s, _) = try Self.replay(rec, "unknown")
        #expect(s.count("plot(s) from radars of unknown position") == 310)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.started == 1 && s.used == 9 && s.confirmed == 1)
    }

    @Test func aCorruptBlockIsCountedAndTheSessionGoesOn() throws {
        var rec = R()
        try rec.flight(scans: 10, from: R.midnight - 3_600) { k, t, rec in
            // A CAT048 block whose length (32) runs past the datagram's 7 bytes.
            if k == 4 { try rec.frame(at: t + 0.1, bytes: [0x30, 0x00, 0x20, 0xF0, 0x32, 0x01, 0xA8]) }
        }
        let (s, _) = try Self.replay(rec, "corrupt")
        #expect(s.frames == 11)
        #expect(s.count("decode error(s)") == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.started == 1 && s.used == 9 && s.confirmed == 1)
    }

    /// 25,000 false plots at one instant, each far from the others (a lattice 2 NM apart, with
    /// small plot noise so no two can share a gate): each would start a track. Before them, an
    /// airliner beyond the lattice (220 NM out) is seen on four scans, over the 10 s that confirm
    /// a session's first time, so the flood comes at a time the tracker believes: the airliner
    /// has a confirmed track (1 started, 3 plots used) when the flood comes.
    static func flood(_ rec: inout R, at t: Double) throws {
        for k in 0..<4 {
            let seconds = Double(k) * Self.scan
            try rec.frame(at: t - 16 + seconds, plots: [R.plot(at: t - 16 + seconds, rangeNM: 220 + 200 * seconds / 1_852,
                                                               azimuth: 45, flightLevel: 300)])
        }
        var lattice: [Cat048Record] = []
        var ring = 20.0
        while lattice.count < 25_000 {
            // Points on the ring at least 2 NM apart.
            let n = Int((Double.pi * ring).rounded(.down))
            for i in 0..<n where lattice.count < 25_000 {
                lattice.append(R.plot(at: t, rangeNM: ring, azimuth: 360 * Double(i) / Double(n)))
            }
            ring += 2
        }
        // Five datagrams of 5,000 plots (a datagram holds at most 64 KB).
        for part in 0..<5 {
            try rec.frame(at: t, plots: Array(lattice[(part * 5_000)..<((part + 1) * 5_000)]), northMarker: part == 0)
        }
    }

    static let quietNoise = ["--noise", "50/1=10,0.01"]

    @Test func aClutterFloodFillsTheTrackTableToItsLimitAndNoFurther() throws {
        var rec = R()
        try Self.flood(&rec, at: R.midnight - 3_600)
        let (s, updates) = try Self.replay(rec, "flood", Self.quietNoise)
        #expect(s.plots == 25_004)
        // The airliner's track and 19,999 of the flood's.
        #expect(s.started == 20_000 && s.live == 20_000)
        #expect(s.count("plot(s) not tracked: track limit reached") == 5_001)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(Set(updates.compactMap { $0["track"] as? Int }).count == 20_000)
    }

    @Test func afterAClutterFloodTheTrackerTracksAgain() throws {
        var rec = R()
        let start = R.midnight - 3_600
        try Self.flood(&rec, at: start)
        // 30 s later the flood's tentative tracks are long silent; an aircraft appears.
        for k in 0..<6 {
            let t = start + 30 + Double(k) * Self.scan
            try rec.frame(at: t, plots: [R.aircraft(at: t, seconds: Double(k) * Self.scan)])
        }
        let (s, _) = try Self.replay(rec, "flood-after", Self.quietNoise)
        // The airliner before the flood (silent since, its track ended), 19,999 of the flood's
        // tracks, and the aircraft after it.
        #expect(s.started == 20_001 && s.confirmed == 2 && s.used == 3 + 5 && s.ended == 1)
        #expect(s.count("plot(s) not tracked: track limit reached") == 5_001)
        #expect(s.live == 1)
    }
}
