import Foundation
import Testing

/// The tracker's clock through the built `centinela replay`, from crafted recordings: a session's
/// first time is believed only once confirmed, and a whole feed going back in time is followed.
@Suite struct ReplayClockTests {
    typealias R = CraftedRecording
    static let hours3 = 3 * 3_600.0

    /// A recording that opens with one plot dated `shift` seconds off its reception, then the
    /// airliner's ten scans from `start`.
    static func wildFirstPlot(shift: Double, start: Double) throws -> R {
        var rec = R()
        try rec.frame(at: start - 2, plots: [R.plot(at: start - 2 + shift, rangeNM: 80, azimuth: 200, flightLevel: 300)])
        try rec.flight(scans: 10, from: start) { _, _, _ in }
        return rec
    }

    @Test func aFirstPlotHoursAheadDoesNotSetTheClock() throws {
        let start = R.midnight - 7_200
        let (s, updates) = try ReplayBadInputTests.replay(try Self.wildFirstPlot(shift: Self.hours3, start: start), "first-ahead")
        // Had it set the clock, every plot after it would be three hours late and refused.
        #expect(s.count("future plot(s) refused") == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.plots == 11 && s.started == 1 && s.used == 9 && s.confirmed == 1 && s.ended == 0 && s.live == 1)
        #expect(updates.compactMap { $0["t"] as? Double } == (0..<10).map { start + Double($0) * R.scanPeriod })
    }

    @Test func aFirstPlotHoursBehindIsRefusedAsLate() throws {
        let start = R.midnight - 7_200
        let (s, _) = try ReplayBadInputTests.replay(try Self.wildFirstPlot(shift: -Self.hours3, start: start), "first-behind")
        #expect(s.count("late plot(s) refused") == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        #expect(s.plots == 11 && s.started == 1 && s.used == 9 && s.confirmed == 1 && s.ended == 0 && s.live == 1)
    }

    @Test func theWholeFeedGoingHoursBackIsFollowedAndTheOldTrackEnds() throws {
        var rec = R()
        let start = R.midnight - 7_200, restarted = start - Self.hours3
        try rec.flight(scans: 10, from: start) { _, _, _ in }
        // The recorder restarts: the radar's plots, and their reception, three hours earlier, for
        // good. Its plots over 10 s (four scans) confirm the earlier time.
        try rec.flight(scans: 10, from: restarted) { _, _, _ in }
        let (s, updates) = try ReplayBadInputTests.replay(rec, "back")
        #expect(s.count("clock set back(s) to an earlier time every radar agreed on") == 1)
        #expect(s.problems.count == 1, "\(s.problems)")
        // Two tracks, one each side of the set-back; the first ended then; no plot refused.
        #expect(s.plots == 20 && s.started == 2 && s.used == 18 && s.confirmed == 2 && s.ended == 1 && s.live == 1)
        let ended = updates.filter { $0["ended"] as? Bool == true }
        let first = updates.first?["track"] as? Int
        #expect(ended.count == 1 && ended.first?["track"] as? Int == first)
        let later = updates.filter { $0["ended"] as? Bool != true && $0["track"] as? Int != first }
        #expect(later.compactMap { $0["t"] as? Double } == (0..<10).map { restarted + Double($0) * R.scanPeriod })
    }
}
