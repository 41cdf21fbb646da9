import Geodesy
import Surveillance
import Testing
@testable import Tracking

@Suite struct TrackerTests {
    typealias Aircraft = TrackerScene.Aircraft

    /// Feeds `scans` scans of 4 s: each scan one batch per radar in `radars`, one plot per aircraft.
    static func fly(_ aircraft: [Aircraft], scans: Int, scene: inout TrackerScene, tracker: inout Tracker,
                    radars: [SensorID] = [TrackerScene.nogales], from first: Int = 0) -> [SystemTrack] {
        var updates: [SystemTrack] = []
        for scan in first..<(first + scans) {
            for (r, radar) in radars.enumerated() {
                let t = Double(scan) * 4 + Double(r) * 1.3
                let plots = aircraft.map { scene.plot(of: $0, at: t, by: radar) }
                tracker.process(plots, receivedAt: TrackerScene.start + t + 0.2, into: &updates)
            }
        }
        return updates
    }

    @Test func aStraightFlightIsConfirmedOnItsThirdPlotAndFollowed() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        let updates = Self.fly([a], scans: 30, scene: &scene, tracker: &tracker)

        #expect(updates.count == 30)
        #expect(Set(updates.map(\.number)).count == 1, "one aircraft, one track number")
        #expect(updates[0].stage == .tentative && updates[1].stage == .tentative)
        #expect(updates[2].stage == .confirmed)
        #expect(tracker.counts.confirmed == 1 && tracker.counts.started == 1)
        // After 2 minutes the velocity is known to a few m/s and the position to tens of metres.
        let last = try #require(updates.last)
        #expect(abs(last.vx - a.ve) < 5 && abs(last.vy - a.vn) < 5, "velocity \(last.vx), \(last.vy)")
        let truth = a.position(at: 29 * 4)
        #expect(abs(last.latitude - truth.latitude) * 111_000 < 60)
        #expect(abs(last.longitude - truth.longitude) * 95_000 < 60)
        #expect(last.source == .psrOnly && last.altitude == nil)
    }

    @Test func aSilentTrackCoastsThenEndsWithALastUpdate() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 30_000, north: -20_000, ve: 100, vn: 100)
        _ = Self.fly([a], scans: 10, scene: &scene, tracker: &tracker)
        var updates: [SystemTrack] = []
        // Nothing more from the radar: coasting after 1.5 scans (6 s), deleted after 5 (20 s).
        tracker.advance(to: TrackerScene.start + 36 + 7, into: &updates)
        #expect(updates.map(\.stage) == [.coasting])
        #expect(!updates[0].ended)
        tracker.advance(to: TrackerScene.start + 36 + 21, into: &updates)
        #expect(updates.count == 2 && updates[1].ended)
        #expect(tracker.liveTracks == 0 && tracker.counts.deleted == 1)
    }

    @Test func twoRadarsSeeingOneAircraftMakeOneTrack() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        // Between the two radars, seen by both, with a Mode S transponder.
        let a = Aircraft(east: 60_000, north: 20_000, ve: 0, vn: -120, address: ModeSAddress(0x0D0042))
        let updates = Self.fly([a], scans: 15, scene: &scene, tracker: &tracker,
                               radars: [TrackerScene.nogales, TrackerScene.aguaPrieta])
        #expect(updates.count == 30)
        #expect(Set(updates.map(\.number)).count == 1)
        #expect(Set(updates.map(\.lastSensor)) == [TrackerScene.nogales, TrackerScene.aguaPrieta])
        #expect(updates.last?.source == .modeS && updates.last?.address == ModeSAddress(0x0D0042))
        // Altitude from Mode C: 3000 m through the standard atmosphere and back, within 25 ft steps.
        let altitude = try #require(updates.last?.altitude)
        #expect(abs(altitude - 3000) < 10)
    }

    @Test func crossingAircraftKeepTheirOwnTracks() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        // Crossing paths at right angles, closest (1.06 km) after 67.5 s; one Mode S each.
        let a = Aircraft(east: 20_000, north: 60_000, ve: 100, vn: 0, address: ModeSAddress(0xA00001))
        let b = Aircraft(east: 26_000, north: 52_500, ve: 0, vn: 100, address: ModeSAddress(0xA00002))
        let updates = Self.fly([a, b], scans: 30, scene: &scene, tracker: &tracker)
        let byNumber = Dictionary(grouping: updates, by: \.number)
        #expect(byNumber.count == 2)
        for (_, history) in byNumber {
            #expect(Set(history.map(\.address)).count == 1, "a track never takes the other's plots")
            #expect(history.count == 30)
        }
    }

    @Test func identityIsStrongerThanAFewMetres() throws {
        // Two Mode S aircraft in formation 300 m apart: the gates overlap, the addresses decide.
        var scene = try TrackerScene(rangeSigma: 100, azimuthSigma: 0.15)
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 80_000, north: 0, ve: 0, vn: 150, address: ModeSAddress(0xA00011))
        let b = Aircraft(east: 80_300, north: 0, ve: 0, vn: 150, address: ModeSAddress(0xA00012))
        let updates = Self.fly([a, b], scans: 20, scene: &scene, tracker: &tracker)
        for (_, history) in Dictionary(grouping: updates, by: \.number) {
            #expect(Set(history.map(\.address)).count == 1)
        }
    }

    @Test func plotsAcrossMidnightStayOnTheirTrack() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        // Session second 0 is 04:30; 70,200 s later is midnight. Fly scans 17,545…17,564, 50 km out.
        let a = Aircraft(east: 50_000 + 100 * 70_180, north: 0, ve: -100, vn: 0)
        let updates = Self.fly([a], scans: 20, scene: &scene, tracker: &tracker, from: 17_545)
        #expect(updates.count == 20 && Set(updates.map(\.number)).count == 1)
        #expect(updates.last?.stage == .confirmed)
        #expect(zip(updates, updates.dropFirst()).allSatisfy { $0.time < $1.time })
    }

    @Test func badPlotsAreCountedAndNeverTracked() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        var updates: [SystemTrack] = []
        // Both radars see another aircraft first: they agree on the time, which the tracker then
        // believes (a session's first time needs confirming, see FuturePlotTests).
        let other = Aircraft(east: -60_000, north: 40_000, ve: 100, vn: 0)
        _ = Self.fly([other], scans: 1, scene: &scene, tracker: &tracker, radars: [TrackerScene.nogales, TrackerScene.aguaPrieta])
        let a = Aircraft(east: 50_000, north: 0, ve: -100, vn: 0, mode3A: Mode3A(octal: "4652"))
        let good = scene.plot(of: a, at: 2)
        var unknown = good
        unknown.sensor = SensorID(sac: 99, sic: 9)
        var tooFar = good
        tooFar.range = 600 * Units.metresPerNauticalMile
        var nanAzimuth = good
        nanAzimuth.azimuth = .nan
        var belowSea = good
        belowSea.flightLevel = -10
        tracker.process([unknown, tooFar, nanAzimuth, belowSea], receivedAt: TrackerScene.start + 2.2, into: &updates)
        #expect(tracker.counts.unknownSensor == 1)
        #expect(tracker.counts.invalidPlots == 2)
        #expect(tracker.counts.refusedFlightLevels == 1)
        // The plot with the impossible altitude is still a plot: it starts a track, with no altitude.
        #expect(updates.count == 1 && updates[0].altitude == nil && updates[0].flightLevel == nil)
    }

    @Test func latePlotsWithinTheWindowAreUsedAndOlderOnesCounted() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 50_000, north: 30_000, ve: -100, vn: 0)
        var updates = Self.fly([a], scans: 10, scene: &scene, tracker: &tracker)
        let number = try #require(updates.last?.number)
        updates.removeAll()
        // A batch 2 s older than the track's last plot (within the 4 s window), from the other radar.
        let late = scene.plot(of: a, at: 36 - 2, by: TrackerScene.aguaPrieta)
        tracker.process([late], receivedAt: TrackerScene.start + 36.5, into: &updates)
        #expect(tracker.counts.latePlotsUsed == 1)
        #expect(updates.map(\.number) == [number])
        // A plot from an hour ago (a clock stepped back): refused, counted, no track.
        let stale = scene.plot(of: a, at: 36 - 3600)
        tracker.process([stale], receivedAt: TrackerScene.start + 36.6, into: &updates)
        #expect(tracker.counts.latePlots == 1)
        #expect(updates.count == 1 && tracker.liveTracks == 1)
    }

    @Test func aClutterFloodStopsAtTheTrackLimit() throws {
        var scene = try TrackerScene()
        var settings = scene.settings()
        settings.maximumTracks = 500
        var tracker = Tracker(settings: settings)
        var updates: [SystemTrack] = []
        var random = scene.random
        // Four scans: one radar's plots over 12 s confirm the session's first time (10 s needed).
        for scan in 0..<4 {
            var plots: [Plot] = []
            for _ in 0..<2_000 {
                let east = Double(random.next() % 300_000) - 150_000
                let north = Double(random.next() % 300_000) - 150_000
                let frame = try LocalTangentPlane(centre: TrackerScene.nogalesAntenna)
                var g = frame.geodetic(from: ENU(east: east, north: north, up: 0))
                g.height = 2000
                plots.append(scene.plot(at: g, time: Double(scan) * 4, by: TrackerScene.nogales, detection: .psr))
            }
            tracker.process(plots, receivedAt: TrackerScene.start + Double(scan) * 4 + 0.5, into: &updates)
            #expect(tracker.liveTracks <= 500)
        }
        #expect(tracker.liveTracks == 500)
        #expect(tracker.counts.trackLimitPlots > 0)
        #expect(tracker.counts.plots == 8_000)
    }

    @Test func aTrackKeepsItsRecentPathAndLosesItWhenItEnds() throws {
        var scene = try TrackerScene()
        var tracker = Tracker(settings: scene.settings())
        let a = Aircraft(east: 40_000, north: 10_000, ve: -150, vn: 60)
        let updates = Self.fly([a], scans: 30, scene: &scene, tracker: &tracker)
        let number = try #require(updates.last?.number)
        let path = tracker.history(ofTrack: number)
        // The last 16 of its 30 updates, oldest first, each near where the aircraft was.
        #expect(path.count == 16)
        #expect(path.map(\.time) == updates.suffix(16).map(\.time))
        for p in path {
            let truth = a.position(at: p.time - TrackerScene.start)
            #expect(abs(p.latitude - truth.latitude) * 111_000 < 200 && abs(p.longitude - truth.longitude) * 95_000 < 200)
        }
        var ends: [SystemTrack] = []
        tracker.advance(to: TrackerScene.start + 200, into: &ends)
        #expect(ends.last?.ended == true)
        #expect(tracker.history(ofTrack: number).isEmpty)
    }

    /// The budget for a live track's state, history excluded: the track and the copies
    /// of it that the tracker keeps per slot for gating and management.
    @Test func aTrackFitsInOneKilobyte() {
        let perSlot = MemoryLayout<Track>.stride + MemoryLayout<TrackMotion>.stride + MemoryLayout<GateEntry>.stride
            + MemoryLayout<TrackLife>.stride + MemoryLayout<Double>.stride  // when it is due
        #expect(perSlot <= 1024, "\(perSlot) bytes a track")
    }
}

@Suite struct TrackNumberTests {
    @Test func aReleasedNumberRestsBeforeItIsReused() {
        var numbers = TrackNumbers(reuseDelay: 60, highest: 3)
        #expect(numbers.take(at: 0) == 1)
        #expect(numbers.take(at: 0) == 2)
        #expect(numbers.take(at: 0) == 3)
        numbers.release(2, at: 10)
        #expect(numbers.take(at: 69) == nil, "2 still resting, nothing fresh left")
        #expect(numbers.take(at: 70) == 2)
        #expect(numbers.take(at: 1000) == nil)
    }
}
