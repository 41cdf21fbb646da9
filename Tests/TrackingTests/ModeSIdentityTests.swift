import Geodesy
import Surveillance
import Testing
@testable import Tracking

/// A Mode S address is one aircraft: its plots go to the track carrying it rather than start a
/// second one, and two live tracks carrying it become one.
@Suite struct ModeSIdentityTests {
    typealias Aircraft = TrackerScene.Aircraft

    /// Flies `aircraft` for 10 scans with plots free of noise (the tracker is told σ 50 m /
    /// 0.1°, with a narrow gate: a Mahalanobis distance of 1.18), then sends one plot 200 m
    /// farther out in range than the aircraft: between 2.5 and 4 σ of the predicted radial
    /// innovation (its variance is the plot's 50² m² plus the track's, which after ten plots
    /// is at most as much again, plus 4 s of prediction) — outside the narrow gate, inside the
    /// address gate (5.7).
    static func offsetPlot(_ a: Aircraft) throws -> (tracker: Tracker, updates: [SystemTrack]) {
        var settings = try TrackerScene(rangeSigma: 50, azimuthSigma: 0.1).settings()
        settings.gateProbability = 0.5
        var exact = try TrackerScene(rangeSigma: 1e-9, azimuthSigma: 1e-12)
        var tracker = Tracker(settings: settings)
        var updates = TrackerTests.fly([a], scans: 10, scene: &exact, tracker: &tracker)
        var plot = exact.plot(of: a, at: 40)
        plot.range += 200
        tracker.process([plot], receivedAt: TrackerScene.start + 40.2, into: &updates)
        return (tracker, updates)
    }

    @Test func aPlotOutsideTheGateGoesToTheTrackOfItsAddressInsteadOfStartingAnother() throws {
        let address = ModeSAddress(0x0D_0001)
        let (tracker, updates) = try Self.offsetPlot(
            Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60, address: address))
        #expect(tracker.counts.started == 1 && tracker.counts.addressGated == 1)
        #expect(Set(updates.map(\.number)).count == 1 && updates.count == 11)
        #expect(updates.last?.address == address && updates.last?.time == TrackerScene.start + 40)
    }

    @Test func withoutAnAddressTheSamePlotStartsATrack() throws {
        // The control for the test above: the gate alone refuses the plot.
        let (tracker, updates) = try Self.offsetPlot(Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60))
        #expect(tracker.counts.started == 2 && tracker.counts.addressGated == 0)
        #expect(Set(updates.map(\.number)).count == 2)
    }

    @Test func twoConfirmedTracksOfOneAddressMergeIntoTheOlder() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let address = ModeSAddress(0x0D_1111)
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60, address: address)
        var updates = TrackerTests.fly([a], scans: 6, scene: &scene, tracker: &tracker)
        let first = try #require(updates.last?.number)
        // From scan 6 the address's plots come 3 km north of where the track expects them, far
        // outside any gate: they start a second track.
        var b = a
        b.north += 3_000
        updates += TrackerTests.fly([b], scans: 2, scene: &scene, tracker: &tracker, from: 6)
        let second = try #require(updates.last?.number)
        #expect(second != first && updates.last?.stage == .tentative && tracker.liveTracks == 2)
        #expect(tracker.counts.merged == 0)

        // Its third plot confirms it: it ends, merged into the first, which takes its state.
        updates.removeAll()
        updates += TrackerTests.fly([b], scans: 1, scene: &scene, tracker: &tracker, from: 8)
        #expect(updates.map(\.number) == [second, second, first])
        #expect(updates.map(\.ended) == [false, true, false])
        #expect(tracker.counts.merged == 1 && tracker.liveTracks == 1)
        let merged = try #require(updates.last)
        #expect(merged.stage == .confirmed && merged.time == TrackerScene.start + 32 && merged.address == address)

        // b's later plots go on updating the first track, which follows b.
        updates += TrackerTests.fly([b], scans: 5, scene: &scene, tracker: &tracker, from: 9)
        #expect(updates.suffix(5).allSatisfy { $0.number == first && !$0.ended })
        let last = try #require(updates.last)
        let truth = b.position(at: 13 * 4)
        #expect(abs(last.latitude - truth.latitude) * 111_000 < 150)
        #expect(abs(last.longitude - truth.longitude) * 95_000 < 150)
        #expect(tracker.counts.started == 2)
    }
}
