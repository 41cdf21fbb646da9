import Geodesy
import Surveillance
import Testing
@testable import Tracking

/// Plots dated far ahead of the tracker's clock: one bad plot or one bad radar is refused and
/// the picture goes on; a jump that two radars, or one radar over time, agree on is followed.
@Suite struct FuturePlotTests {
    typealias Aircraft = TrackerScene.Aircraft
    static let hours3 = 3 * 3_600.0

    /// One batch from `radar` of `aircraft`'s plot at session second `t`, its time of day moved
    /// by `shift` seconds, received at `t` + 0.2 s (the receive time is right; the plot's clock
    /// may not be).
    static func send(_ aircraft: [Aircraft], at t: Double, shift: Double = 0, by radar: SensorID = TrackerScene.nogales,
                     scene: inout TrackerScene, tracker: inout Tracker, into updates: inout [SystemTrack]) {
        let plots = aircraft.map { redated(scene.plot(of: $0, at: t, by: radar), at: t + shift) }
        tracker.process(plots, receivedAt: TrackerScene.start + t + 0.2, into: &updates)
    }

    /// `plot` with its time of day set to session second `t`.
    static func redated(_ plot: Plot, at t: Double) -> Plot {
        var p = plot
        p.time = TimeOfDay(seconds: (TrackerScene.start + t).truncatingRemainder(dividingBy: 86_400))
        return p
    }

    /// A tracker that has followed an aircraft from Nogales for `scans` scans, and its updates.
    static func following(scans: Int) throws -> (TrackerScene, Tracker, Aircraft, [SystemTrack]) {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        let updates = TrackerTests.fly([a], scans: scans, scene: &scene, tracker: &tracker)
        return (scene, tracker, a, updates)
    }

    @Test func onePlotFromTheFutureIsRefusedAndTheTrackGoesOn() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 10)
        // A corrupt plot three hours ahead of its reception, in a batch of its own.
        Self.send([a], at: 40, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        updates += TrackerTests.fly([a], scans: 10, scene: &scene, tracker: &tracker, from: 11)

        #expect(tracker.counts.futurePlots == 1)
        #expect(tracker.counts.latePlots == 0)
        #expect(Set(updates.map(\.number)).count == 1 && !updates.contains(where: \.ended))
        // Every plot but the bad one updated the track: 20 plots, the first started it.
        #expect(tracker.counts.used == 19 && tracker.liveTracks == 1)
        #expect(updates.last?.time == TrackerScene.start + 20 * 4)
    }

    /// A plot dated 30 s ahead, inside `futureWindow`: the receiver's clock moved 4 s since the
    /// last batch, not 30, so it is not the present either. Before, it moved the clock on 30 s,
    /// ended the track and made the next 30 s of plots late.
    @Test func onePlotDatedSecondsAheadOfItsReceptionIsRefusedToo() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 10)
        Self.send([a], at: 40, shift: 30, scene: &scene, tracker: &tracker, into: &updates)
        updates += TrackerTests.fly([a], scans: 10, scene: &scene, tracker: &tracker, from: 11)

        #expect(tracker.counts.futurePlots == 1 && tracker.counts.latePlots == 0)
        #expect(Set(updates.map(\.number)).count == 1 && !updates.contains(where: \.ended))
        #expect(tracker.counts.used == 19 && tracker.liveTracks == 1)
    }

    /// The whole picture silent for 40 s (the receiver's clock moves 40 s too): the next plots
    /// are the present at once, as before.
    @Test func aGapInTheWholePictureIsStillThePresent() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 10)
        // Scans 10 to 19 never come; scan 20 is 44 s after scan 9.
        updates += TrackerTests.fly([a], scans: 5, scene: &scene, tracker: &tracker, from: 20)
        #expect(tracker.counts.futurePlots == 0 && tracker.counts.latePlots == 0)
        #expect(tracker.counts.used + tracker.counts.started == 15)
        #expect(updates.last?.time == TrackerScene.start + 24 * 4)
    }

    /// Agua Prieta's plots all claim a time three hours ahead, or three hours behind: from the
    /// session's first plot, the claims of its clock never get past Nogales's plots of the present.
    @Test(arguments: [3.0, -3.0])
    func aRadarWithItsClockHoursOffIsRefusedWhileAnotherRadarKeepsTime(hours: Double) throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        var updates: [SystemTrack] = []
        for scan in 0..<20 {
            let t = Double(scan) * 4
            Self.send([a], at: t, scene: &scene, tracker: &tracker, into: &updates)
            Self.send([a], at: t + 1.3, shift: hours * 3_600, by: TrackerScene.aguaPrieta,
                      scene: &scene, tracker: &tracker, into: &updates)
        }
        let (refused, other) = hours > 0 ? (tracker.counts.futurePlots, tracker.counts.latePlots)
                                         : (tracker.counts.latePlots, tracker.counts.futurePlots)
        #expect(refused == 20 && other == 0 && tracker.counts.clockSetBacks == 0)
        #expect(tracker.counts.used == 19)
        #expect(Set(updates.map(\.number)).count == 1 && !updates.contains(where: \.ended))
        #expect(updates.last?.time == TrackerScene.start + 19 * 4)
    }

    @Test func oneRadarJumpingHoursAheadIsFollowedOnceItsPlotsSpanTheConfirmationTime() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 10)
        let before = TrackerScene.start + 36
        #expect(tracker.clock == before)
        // The radar (and the recording) resumes three hours later: scans at +0, 4, 8 s are held
        // (8 s < the 10 s confirmation span); the fourth confirms the new time.
        // (Where the aircraft would have been 40 s on: it stays in the radar's view.)
        updates.removeAll()
        let resumed = 3 * 3_600.0 + 40
        for scan in 0..<3 {
            Self.send([a], at: 40 + Double(scan) * 4, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        }
        #expect(updates.isEmpty && tracker.clock == before)
        Self.send([a], at: 52, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)

        // The old track, silent for hours, ends; the four plots, held ones first, make a new
        // confirmed track; nothing was refused.
        #expect(updates.filter(\.ended).map(\.number) == [1])
        let fresh = updates.filter { !$0.ended }
        #expect(fresh.map(\.time) == (0..<4).map { TrackerScene.start + resumed + Double($0) * 4 })
        #expect(Set(fresh.map(\.number)).count == 1 && fresh.last?.stage == .confirmed)
        #expect(tracker.counts.futurePlots == 0 && tracker.counts.latePlots == 0)
        #expect(tracker.clock == TrackerScene.start + resumed + 12)
    }

    @Test func twoRadarsJumpingTogetherAreFollowedAtOnce() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 10)
        updates.removeAll()
        let resumed = 3 * 3_600.0 + 40
        Self.send([a], at: 40, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        #expect(updates.isEmpty)
        Self.send([a], at: 41.25, shift: Self.hours3, by: TrackerScene.aguaPrieta, scene: &scene, tracker: &tracker, into: &updates)
        // The second radar agrees: both plots are tracked (one track started, one update).
        let fresh = updates.filter { !$0.ended }
        #expect(fresh.map(\.time) == [TrackerScene.start + resumed, TrackerScene.start + resumed + 1.25])
        #expect(updates.filter(\.ended).count == 1 && tracker.counts.futurePlots == 0)
    }

    @Test func claimsOfDifferentFuturesDoNotConfirmEachOther() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 5)
        // Two radars, each with its own wrong clock: 3 h and 7 h ahead.
        Self.send([a], at: 20, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        Self.send([a], at: 21.3, shift: 7 * 3_600, by: TrackerScene.aguaPrieta, scene: &scene, tracker: &tracker, into: &updates)
        updates += TrackerTests.fly([a], scans: 5, scene: &scene, tracker: &tracker, from: 6)
        #expect(tracker.counts.futurePlots == 2)
        #expect(Set(updates.map(\.number)).count == 1 && !updates.contains(where: \.ended))
    }

    @Test func aBatchMixingPresentAndFuturePlotsKeepsThePresentOnes() throws {
        var (scene, tracker, a, updates) = try Self.following(scans: 5)
        let bad = Self.redated(scene.plot(of: a, at: 20), at: 20 + Self.hours3)
        let good = scene.plot(of: a, at: 20)
        tracker.process([bad, good], receivedAt: TrackerScene.start + 20.2, into: &updates)
        #expect(tracker.counts.futurePlots == 1 && tracker.counts.used == 5)
        #expect(updates.last?.time == TrackerScene.start + 20)
    }

    static func heldBatch(_ n: Int, at time: Double, sensor: Int = 0) -> [PlacedPlot] {
        Array(repeating: PlacedPlot(
            measurement: PositionMeasurement(x: 0, y: 0, covariance: Covariance2(xx: 1, xy: 0, yy: 1)),
            time: time, altitude: nil, altitudeVariance: 0, flightLevel: nil, detection: .psr,
            mode3A: nil, address: nil, callsign: nil, sensor: sensor, latitude: 0, longitude: 0), count: n)
    }

    @Test func aClaimKeepsAtMostItsLimitDroppingTheOldestBatch() {
        var claims = TimeClaims()
        #expect(claims.hold(Self.heldBatch(5, at: 100), window: 60, limit: 12).isEmpty)
        #expect(claims.hold(Self.heldBatch(5, at: 104), window: 60, limit: 12).isEmpty)
        #expect(claims.releaseConfirmed(span: 10) == nil)
        // The third batch passes the limit: the first goes, but the claim has been made over
        // 100…112 s all the same, so 10 s confirm it.
        let refused = claims.hold(Self.heldBatch(5, at: 112), window: 60, limit: 12)
        #expect(refused.map(\.plots) == [5] && claims.count == 10)
        #expect(claims.releaseConfirmed(span: 13) == nil)
        let released = claims.releaseConfirmed(span: 10)
        #expect(released?.claim.batches.map(\.count) == [5, 5] && released?.claim.earliest == 100)
        #expect(claims.count == 0)
    }

    /// One radar whose plots pass the hold limit before they span the confirmation time (a
    /// dense picture: 10,000 aircraft on a 4 s scan give 22,500 plots in 10 s, the default limit
    /// is 20,000). Its time is still believed once its plots have spanned it; only the batches
    /// dropped for room are lost. Before, the dropped batches took the span with them and the
    /// tracker never started.
    @Test func aRadarDenserThanTheHoldLimitStillHasItsTimeBelieved() throws {
        var scene = try TrackerScene()
        var settings = scene.settings()
        settings.futureHoldLimit = 8
        var tracker = Tracker(settings: settings)
        let aircraft = (0..<5).map { Aircraft(east: 20_000 + 8_000 * Double($0), north: 10_000, ve: -150, vn: 60) }
        let updates = TrackerTests.fly(aircraft, scans: 8, scene: &scene, tracker: &tracker)
        // Scans at 0, 4 and 8 s go for room (5 plots each; two batches are 10, past 8); the one
        // at 12 s makes the span 12 s and is tracked, and every scan after it.
        #expect(tracker.counts.futurePlots == 15)
        #expect(tracker.counts.started == 5 && tracker.liveTracks == 5)
        #expect(Set(updates.filter { $0.stage == .confirmed }.map(\.number)).count == 5)
    }

    @Test func twoClaimsThatDisagreeAreBothKeptAndAThirdEvictsTheStalest() {
        var claims = TimeClaims()
        // A wild plot three hours on, then plots of another time: neither refuses the other.
        #expect(claims.hold(Self.heldBatch(1, at: 10_900), window: 60, limit: 100).isEmpty)
        #expect(claims.hold(Self.heldBatch(2, at: 100), window: 60, limit: 100).isEmpty)
        #expect(claims.hold(Self.heldBatch(2, at: 104), window: 60, limit: 100).isEmpty)
        #expect(claims.count == 5)
        // A third time: the claim last heard of longest ago (the plots at 100–104 s) goes.
        let refused = claims.hold(Self.heldBatch(1, at: 50_000), window: 60, limit: 100)
        #expect(refused.map(\.plots) == [4] && refused.map(\.time) == [104])
        // Two radars agreeing confirm at once; the other claim is refused with it.
        _ = claims.hold(Self.heldBatch(1, at: 50_001, sensor: 1), window: 60, limit: 100)
        let released = claims.releaseConfirmed(span: 10)
        #expect(released?.claim.count == 2 && released?.refused.map(\.plots) == [1])
        #expect(claims.count == 0)
    }

    // MARK: The first time of a session

    @Test func aFirstPlotHoursAheadOfTheOthersDoesNotSetTheClock() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        var updates: [SystemTrack] = []
        // The session opens with one corrupt plot three hours ahead of its reception.
        Self.send([a], at: 0, shift: Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        #expect(updates.isEmpty && !tracker.clock.isFinite)
        updates += TrackerTests.fly([a], scans: 10, scene: &scene, tracker: &tracker, from: 1)
        // The radar's own plots over 10 s confirm their time: the corrupt plot is refused, and
        // all ten plots make one track, confirmed, nothing late.
        #expect(tracker.counts.futurePlots == 1 && tracker.counts.latePlots == 0)
        #expect(tracker.counts.started == 1 && tracker.counts.used == 9)
        #expect(Set(updates.map(\.number)).count == 1 && !updates.contains(where: \.ended))
        #expect(updates.map(\.time) == (1...10).map { TrackerScene.start + Double($0) * 4 })
        #expect(tracker.clock == TrackerScene.start + 40)
    }

    @Test func aFirstPlotHoursBehindTheOthersIsCountedLate() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        var updates: [SystemTrack] = []
        Self.send([a], at: 0, shift: -Self.hours3, scene: &scene, tracker: &tracker, into: &updates)
        updates += TrackerTests.fly([a], scans: 10, scene: &scene, tracker: &tracker, from: 1)
        #expect(tracker.counts.latePlots == 1 && tracker.counts.futurePlots == 0)
        #expect(tracker.counts.started == 1 && tracker.counts.used == 9 && tracker.counts.deleted == 0)
    }

    @Test func twoRadarsAgreeingOnTheFirstTimeAreTrackedAtOnce() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        let updates = TrackerTests.fly([a], scans: 1, scene: &scene, tracker: &tracker,
                                       radars: [TrackerScene.nogales, TrackerScene.aguaPrieta])
        // (Times of day are in 1/128 s: 1.3 s is 1.296875 s.)
        #expect(updates.map(\.time) == [TrackerScene.start, TrackerScene.start + 1.296875])
        #expect(tracker.counts.futurePlots == 0 && tracker.clock == TrackerScene.start + 1.296875)
    }

    // MARK: The whole feed going back

    @Test func everyRadarGoingHoursBackIsFollowedEndingTheOldTracks() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let radars = [TrackerScene.nogales, TrackerScene.aguaPrieta]
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        var updates = TrackerTests.fly([a], scans: 10, scene: &scene, tracker: &tracker, radars: radars)
        let first = try #require(updates.last?.number)
        updates.removeAll()
        // A recorder restarted: both radars' plots, and their reception, three hours earlier.
        for scan in 10..<12 {
            for (r, radar) in radars.enumerated() {
                let t = Double(scan) * 4 + Double(r) * 1.3
                let plot = Self.redated(scene.plot(of: a, at: t, by: radar), at: t - Self.hours3)
                tracker.process([plot], receivedAt: TrackerScene.start + t - Self.hours3 + 0.2, into: &updates)
            }
        }
        // Two radars agree on the earlier time at its second plot: the old track ends (reported),
        // and the plots of the earlier time make a new track; nothing is refused.
        #expect(tracker.counts.clockSetBacks == 1 && tracker.counts.endedByClockSetBack == 1)
        #expect(updates.filter(\.ended).map(\.number) == [first])
        let fresh = updates.filter { !$0.ended }
        #expect(fresh.count == 4 && Set(fresh.map(\.number)).count == 1 && fresh.first?.number != first)
        #expect(fresh.last?.stage == .confirmed)
        #expect(tracker.counts.latePlots == 0 && tracker.counts.futurePlots == 0)
        #expect(tracker.clock == TrackerScene.start + 44 + 1.296875 - Self.hours3)
    }
}
