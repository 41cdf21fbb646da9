import Testing

/// `centinela replay` of a recording with a gap: the tracker steps through each whole second of
/// it as a live run's quiet does, so a recording of a live run replays to the same updates.
@Suite struct ReplayQuietTests {
    typealias R = CraftedRecording

    @Test func aGapInARecordingCoastsThenEndsTheTracksBeforeTheNextFrame() throws {
        var rec = R()
        let start = R.midnight - 3_600
        try rec.flight(scans: 8, from: start) { _, _, _ in }
        // 30 s without a frame (7.5 scans), then the radar again with one plot far from the track.
        let after = start + 7 * R.scanPeriod + 30
        try rec.frame(at: after, plots: [R.plot(at: after, rangeNM: 150, azimuth: 200)])
        let (s, updates) = try ReplayBadInputTests.replay(rec, "gap")
        #expect(s.started == 2 && s.confirmed == 1 && s.ended == 1)
        let first = updates.first?["track"] as? Int
        let rows = updates.map { ($0["track"] as? Int, $0["stage"] as? String, $0["ended"] as? Bool) }
        try #require(rows.count == 11, "\(rows)")
        #expect(rows[..<8].allSatisfy { $0.0 == first && $0.2 == false })
        // Silent more than 1.5 scans: coasting; more than 5: ended. Both before the next frame.
        #expect(rows[8] == (first, "coasting", false), "\(rows)")
        #expect(rows[9] == (first, "coasting", true), "\(rows)")
        #expect(rows[10].0 != first && rows[10].1 == "tentative", "\(rows)")
    }
}
