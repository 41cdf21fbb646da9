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

    @Test func aRadarWithItsClockHoursAheadIsRefusedWhileAnotherRadarKeepsTime() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        var updates: [SystemTrack] = []
        for scan in 0..<20 {
            let t = Double(scan) * 4
            Self.send([a], at: t, scene: &scene, tracker: &tracker, into: &updates)
            // Agua Prieta's plots all claim a time three hours ahead.
            Self.send([a], at: t + 1.3, shift: Self.hours3, by: TrackerScene.aguaPrieta,
                      scene: &scene, tracker: &tracker, into: &updates)
        }
        #expect(tracker.counts.futurePlots == 20)
        #expect(tracker.counts.latePlots == 0 && tracker.counts.used == 19)
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

    @Test func theHoldKeepsAtMostItsLimitDroppingTheOldestBatch() {
        func batch(_ n: Int, at time: Double) -> [PlacedPlot] {
            Array(repeating: PlacedPlot(
                measurement: PositionMeasurement(x: 0, y: 0, covariance: Covariance2(xx: 1, xy: 0, yy: 1)),
                time: time, altitude: nil, altitudeVariance: 0, flightLevel: nil, detection: .psr,
                mode3A: nil, address: nil, callsign: nil, sensor: 0, latitude: 0, longitude: 0), count: n)
        }
        var hold = FuturePlotHold()
        #expect(hold.hold(batch(5, at: 100), window: 60, limit: 12) == 0)
        #expect(hold.hold(batch(5, at: 104), window: 60, limit: 12) == 0)
        #expect(!hold.isConfirmed(span: 10))
        // The third batch passes the limit: the first goes; the span left is 104…112.
        #expect(hold.hold(batch(5, at: 112), window: 60, limit: 12) == 5)
        #expect(hold.count == 10 && !hold.isConfirmed(span: 10) && hold.isConfirmed(span: 8))
        // A claim hours from the held ones refuses them all.
        #expect(hold.hold(batch(2, at: 10_000), window: 60, limit: 12) == 10)
        let released = hold.release()
        #expect(released.map(\.count) == [2] && hold.count == 0)
    }
}
