import Geodesy
import Testing
@testable import Evaluation

/// GOSPA and OSPA of sets small enough to work out by hand.
@Suite struct SetDistanceTests {
    func point(_ x: Double, _ y: Double) -> PlanePoint { PlanePoint(x: x, y: y) }

    @Test func oneTrack300MetresOffItsFlightScores300() {
        let g = GOSPA.between(truths: [point(0, 0)], tracks: [point(300, 0)], p: 1, c: 1000)
        #expect(abs(g.distance - 300) < 1e-9)
        #expect(g.missed == 0 && g.falseTracks == 0)
    }

    @Test func aMissedFlightCostsHalfTheCutoff() {
        let g = GOSPA.between(truths: [point(0, 0)], tracks: [], p: 1, c: 1000)
        #expect(g.distance == 500 && g.missed == 1 && g.missedCost == 500 && g.falseTracks == 0)
    }

    @Test func aFalseTrackCostsHalfTheCutoff() {
        let g = GOSPA.between(truths: [], tracks: [point(5000, 0)], p: 1, c: 1000)
        #expect(g.distance == 500 && g.falseTracks == 1 && g.falseCost == 500 && g.missed == 0)
    }

    @Test func orderTwoAddsSquares() {
        // Two pairs 300 m and 400 m apart, one missed flight: √(300² + 400² + 1000²/2).
        let g = GOSPA.between(truths: [point(0, 0), point(10_000, 0), point(20_000, 0)],
                              tracks: [point(0, 300), point(10_400, 0)], p: 2, c: 1000)
        #expect(abs(g.distance - (90_000.0 + 160_000 + 500_000).squareRoot()) < 1e-9)
        #expect(abs(g.localisation - 250_000) < 1e-6 && g.missed == 1 && g.falseTracks == 0)
    }

    @Test func aTrackFartherThanTheCutoffIsAMissAndAFalseTrack() {
        let g = GOSPA.between(truths: [point(0, 0)], tracks: [point(1500, 0)], p: 1, c: 1000)
        #expect(g.distance == 1000 && g.missed == 1 && g.falseTracks == 1 && g.localisation == 0)
    }

    @Test func theAssignmentIsTheBestOneNotTheGreedyOne() {
        // Nearest pair first would take the 10 m pair and then pay 600 m for the other:
        // 610 m. The optimum pairs differently, 300 m + 290 m = 590 m.
        let g = GOSPA.between(truths: [point(-300, 0), point(10, 0)], tracks: [point(0, 0), point(300, 0)],
                              p: 1, c: 1000)
        #expect(abs(g.distance - 590) < 1e-9 && g.missed == 0 && g.falseTracks == 0)
    }

    @Test func ospaOfKnownSets() {
        // Same sizes: the mean assigned distance.
        #expect(abs(OSPA.between(truths: [point(0, 0), point(5000, 0)], tracks: [point(100, 0), point(5000, 300)],
                                 p: 1, c: 1000) - 200) < 1e-9)
        // One flight, nothing tracked: c.
        #expect(OSPA.between(truths: [point(0, 0)], tracks: [], p: 1, c: 1000) == 1000)
        // Two flights, one tracked 300 m off: (300 + 1000) / 2.
        #expect(abs(OSPA.between(truths: [point(0, 0), point(9000, 0)], tracks: [point(300, 0)],
                                 p: 1, c: 1000) - 650) < 1e-9)
        // p = 2, a pair beyond c counts c: √((400² + 1000²) / 2).
        #expect(abs(OSPA.between(truths: [point(0, 0), point(9000, 0)], tracks: [point(0, 400), point(9000, 2000)],
                                 p: 2, c: 1000) - ((160_000.0 + 1_000_000) / 2).squareRoot()) < 1e-9)
        // Nothing at all: 0.
        #expect(OSPA.between(truths: [], tracks: [], p: 1, c: 1000) == 0)
    }
}
