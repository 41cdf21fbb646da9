import Testing
@testable import Evaluation

/// Breaks, identity switches, false tracks, completeness and latency on scripted sessions.
@Suite struct ContinuityTests {
    /// Flights A, B, C standing 20 km apart for 40 s. A is held by track 1, deleted at 20 s, and
    /// then by track 2 (one break). Track 3 holds B until B stops drawing plots, then jumps to C
    /// (one identity switch, no break: B was no longer detectable). Track 5 stands where no
    /// flight is (a false track); track 4 is tentative on A and must not count at all.
    func session() -> Scripted {
        var s = Scripted()
        s.flight("A", x: 0, y: 0, seconds: 0...39)
        s.flight("B", x: 20_000, y: 0, seconds: 0...39)
        s.flight("C", x: 40_000, y: 0, seconds: 0...39)
        s.plotsAt(x: 0, y: 0, seconds: 0...39)
        s.plotsAt(x: 20_000, y: 0, seconds: 0...19)  // detectable through 21 s with a 3 s window
        s.plotsAt(x: 40_000, y: 0, seconds: 10...39)
        s.track(1, x: 0, y: 0, seconds: 0...20, endsAtLast: true)
        s.track(2, x: 0, y: 0, seconds: 20...39)
        s.track(3, x: 20_000, y: 0, seconds: 0...21)
        s.track(3, x: 40_000, y: 0, seconds: 22...39, firstTime: Scripted.start)
        s.track(4, x: 100, y: 0, seconds: 0...39, stage: .tentative)
        s.track(5, x: 60_000, y: 0, seconds: 0...39)
        return s
    }

    @Test func oneBreakAndOneIdentitySwitchAreCountedOnceEach() throws {
        let r = try session().evaluate { $0.detectionWindow = 3 }
        #expect(r.breaks == 1)
        #expect(r.identitySwitches == 1)
        let byId = Dictionary(uniqueKeysWithValues: r.flights.map { ($0.id, $0) })
        #expect(byId["A"]?.breaks == 1 && byId["A"]?.tracks == [1, 2])
        #expect(byId["B"]?.breaks == 0 && byId["B"]?.tracks == [3])
        #expect(byId["C"]?.breaks == 0 && byId["C"]?.tracks == [3])
        let three = r.tracks.first { $0.number == 3 }
        #expect(three?.identitySwitches == 1 && three?.flights == ["B", "C"])
    }

    @Test func aTrackOnNoFlightIsFalseAndATentativeOneIsNotCounted() throws {
        let r = try session().evaluate { $0.detectionWindow = 3 }
        #expect(r.falseTracks == 1)
        #expect(r.tracks.filter(\.isFalse).map(\.number) == [5])
        #expect(!r.tracks.contains { $0.number == 4 })
    }

    @Test func gospaCountsOnlyDetectableFlights() throws {
        let r = try session().evaluate { $0.detectionWindow = 3 }
        // At 5 s: A and B tracked exactly, C not yet detectable, track 5 false: c/2.
        #expect(r.instants[5].truths == 2 && r.instants[5].gospa.distance == 500)
        // At 15 s: C detectable and untracked (c/2), track 5 false (c/2).
        #expect(r.instants[15].truths == 3 && r.instants[15].gospa.distance == 1000)
    }

    @Test func completenessCountsDetectableInstantsWithATrack() throws {
        let r = try session().evaluate { $0.detectionWindow = 3 }
        let byId = Dictionary(uniqueKeysWithValues: r.flights.map { ($0.id, $0) })
        // A: 40 of 40. B: detectable 0...21 and tracked throughout. C: detectable 10...39,
        // tracked 22...39: 18 of 30.
        #expect(byId["A"]?.completeness == 1 && byId["B"]?.detectableInstants == 22 && byId["B"]?.completeness == 1)
        #expect(byId["C"]?.detectableInstants == 30 && byId["C"]?.trackedInstants == 18)
        #expect(r.completeness == Double(40 + 22 + 18) / Double(40 + 22 + 30))
    }

    @Test func latencyRunsFromFirstDetectableToFirstTracked() throws {
        var s = Scripted()
        s.flight("D", x: 0, y: 0, seconds: 0...20)
        s.plotsAt(x: 0, y: 0, seconds: 5...20)
        s.track(7, x: 0, y: 0, seconds: 5...7, stage: .tentative)
        s.track(7, x: 0, y: 0, seconds: 8...20, firstTime: Scripted.start + 5)
        let r = try s.evaluate()
        #expect(r.flights[0].firstDetectable == 5)
        #expect(r.flights[0].latency == 3)
        #expect(r.medianLatency == 3 && r.maxLatency == 3 && r.neverTracked == 0)
    }

    @Test func aFlightLostAndRegainedByTheSameTrackHasNoBreak() throws {
        var s = Scripted()
        s.flight("E", x: 0, y: 0, seconds: 0...30)
        s.plotsAt(x: 0, y: 0, seconds: 0...30)
        s.track(9, x: 0, y: 0, seconds: 0...10)
        s.track(9, x: 0, y: 0, seconds: 20...30, firstTime: Scripted.start)
        let r = try s.evaluate { $0.staleness = 4 }
        // Out of the picture 15...19 (its 10 s update is more than 4 s old), then back.
        #expect(r.flights[0].breaks == 0 && r.flights[0].trackedInstants == 26)
    }

    @Test func aTrackIsExtrapolatedAlongItsVelocity() throws {
        var s = Scripted()
        s.flight("F", x: 1000, y: 0, seconds: 0...10)
        s.plotsAt(x: 1000, y: 0, seconds: 0...10)
        // One update at 0 s, 1000 m west of the flight, flying east at 100 m/s: on the flight
        // at 10 s; 500 m off at 5 s.
        s.track(11, x: 0, y: 0, seconds: 0...0)
        s.tracks[0].vx = 100
        let r = try s.evaluate { $0.staleness = 30 }
        #expect(abs(r.instants[5].gospa.distance - 500) < 1)
        #expect(abs(r.instants[10].gospa.distance) < 1)
    }
}

@Suite struct TrackErrorTests {
    /// A track standing 300 m east of its flight for the whole session.
    @Test func aFlightsMeanErrorIsTheDistanceToItsTrack() throws {
        var s = Scripted()
        s.flight("A", x: 0, y: 0, seconds: 0...9)
        s.plotsAt(x: 0, y: 0, seconds: 0...9)
        s.track(1, x: 300, y: 0, seconds: 0...9)
        let report = try s.evaluate()
        let error = try #require(report.flights.first?.meanError)
        #expect(abs(error - 300) < 0.01)
    }

    /// With a transponder altitude, height counts too: 300 m across and 400 m above is 500 m away,
    /// so aircraft stacked on one airway are told apart.
    @Test func aTransponderAltitudeCountsInTheDistance() throws {
        var s = Scripted()
        s.flight("A", x: 0, y: 0, seconds: 0...9)
        s.plotsAt(x: 0, y: 0, seconds: 0...9)
        s.track(1, x: 300, y: 0, seconds: 0...9)
        s.tracks = s.tracks.map {
            var t = $0
            t.altitude = 3400
            t.flightLevel = 110
            return t
        }
        let report = try s.evaluate()
        let error = try #require(report.flights.first?.meanError)
        #expect(abs(error - 500) < 0.01)
    }
}

@Suite struct HysteresisTests {
    /// Flights A (x = 0) and B (x = 400 m) stand still; their tracks drift towards each other until,
    /// from second 5, each is nearer the other flight (250 m from its own, 150 m from the other).
    func crossing() -> Scripted {
        var s = Scripted()
        s.flight("A", x: 0, y: 0, seconds: 0...9)
        s.flight("B", x: 400, y: 0, seconds: 0...9)
        s.plotsAt(x: 0, y: 0, seconds: 0...9)
        s.plotsAt(x: 400, y: 0, seconds: 0...9)
        let first = Scripted.start
        s.track(1, x: 0, y: 0, seconds: 0...4, firstTime: first)
        s.track(1, x: 250, y: 0, seconds: 5...9, firstTime: first)
        s.track(2, x: 400, y: 0, seconds: 0...4, firstTime: first)
        s.track(2, x: 150, y: 0, seconds: 5...9, firstTime: first)
        return s
    }

    @Test func aFlightKeepsItsTrackWhileAnotherIsNotNearerByTheHysteresis() throws {
        let report = try crossing().evaluate()
        #expect(report.breaks == 0 && report.identitySwitches == 0)
        #expect(report.flights.map(\.tracks) == [[1], [2]])
    }

    @Test func withoutHysteresisTheOptimalAssignmentSwapsThem() throws {
        let report = try crossing().evaluate { $0.hysteresis = 0 }
        #expect(report.breaks == 2 && report.identitySwitches == 2)
        // GOSPA is the optimal assignment either way: 150 + 150 m from second 5.
        #expect(abs((report.instants.last?.gospa.distance ?? 0) - 300) < 1e-6)
    }
}
