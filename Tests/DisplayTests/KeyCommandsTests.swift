@testable import Display
import Surveillance
import Testing

@Suite struct KeyCommandsTests {
    @Test func acknowledgeTakesTheSelectedTracksAlertElseTheNewestOpenOne() {
        let t = Fixtures.time
        let picture = Fixtures.picture([Fixtures.track(1), Fixtures.track(2), Fixtures.track(3)], alerts: [
            Fixtures.alert(track: 1, id: "old", at: t - 60),
            Fixtures.alert(track: 2, id: "new", at: t - 10),
            Fixtures.alert(track: 3, id: "done", at: t, acknowledged: true),
        ])
        var view = ViewState()
        #expect(view.press(.character("a"), in: picture) == .acknowledge(alertID: "new"))
        view.selected = 1
        #expect(view.press(.character("a"), in: picture) == .acknowledge(alertID: "old"))
        view.selected = 3 // its alert is acknowledged already: the newest open one
        #expect(view.press(.character("a"), in: picture) == .acknowledge(alertID: "new"))
        var fresh = ViewState()
        #expect(fresh.press(.character("a"), in: Fixtures.picture()) == nil)
    }

    @Test func replayKeysAskTheHostAndOnlyInAReplay() {
        var picture = Fixtures.picture()
        var view = ViewState()
        for key in [" ", "n", ">", "<"] {
            #expect(view.press(.character(Character(key)), in: picture) == nil, "a live run cannot \(key)")
        }
        picture.replay = ReplayStatus(speed: 10)
        #expect(view.press(.character(" "), in: picture) == .pauseOrResume)
        #expect(view.press(.character("n"), in: picture) == .step)
        #expect(view.press(.character(">"), in: picture) == .faster)
        #expect(view.press(.character("<"), in: picture) == .slower)
        #expect(view.press(.character("q"), in: picture) == .quit)
    }

    /// The speeds `<` and `>` step through (the list in the README): 1, 2, 5, 10, 30, 60, 120,
    /// then as fast as possible.
    @Test func speedStepsGoAlongTheListAndStopAtItsEnds() {
        #expect(ReplaySpeeds.next(after: 10, faster: true) == 30)
        #expect(ReplaySpeeds.next(after: 10, faster: false) == 5)
        #expect(ReplaySpeeds.next(after: 120, faster: true) == nil)
        #expect(ReplaySpeeds.next(after: nil, faster: true) == nil)       // already as fast as it goes
        #expect(ReplaySpeeds.next(after: nil, faster: false) == 120)
        #expect(ReplaySpeeds.next(after: 1, faster: false) == 1)          // 1× is the slowest
        #expect(ReplaySpeeds.next(after: 3, faster: true) == 5)           // between steps: to the neighbours
        #expect(ReplaySpeeds.next(after: 3, faster: false) == 2)
    }

    @Test func followingKeepsTheSelectedTrackCentred() {
        var picture = Fixtures.picture([Fixtures.track(1, north: 8_000, east: 3_000), Fixtures.track(2)])
        var view = ViewState(metresPerDot: 200)
        _ = view.press(.tab, in: picture)
        #expect(view.selected == 1)
        _ = view.press(.character("f"), in: picture)
        // The track moves on; each redraw puts it back in the middle of the plan view.
        picture.apply(Fixtures.track(1, north: 9_500, east: 4_000, time: Fixtures.time + 4))
        let screen = DisplayRenderer.render(picture, view: &view, width: 80, height: 24)
        // 80×24: the plan view's drawing area is 80×7 cells from row 2, its centre dot (80, 14):
        // cell column 40, row 2 + 3.
        #expect(screen[40, 5].character == "O")
        #expect(screen.line(5).contains("[O] 1"))
        // Panning lets go of the track.
        _ = view.press(.left, in: picture)
        #expect(!view.follow)
    }

    @Test func zoomPanAndCentreChangeOnlyTheView() {
        let picture = Fixtures.picture([Fixtures.track(1, north: 8_000, east: 3_000)])
        var view = ViewState(metresPerDot: 200)
        #expect(view.press(.character("+"), in: picture) == nil)
        #expect(view.metresPerDot == 100)
        _ = view.press(.character("-"), in: picture)
        _ = view.press(.character("-"), in: picture)
        #expect(view.metresPerDot == 400)
        _ = view.press(.up, in: picture) // 16 dots of 400 m: 6.4 km north
        let moved = view.centre!
        #expect(abs((moved.latitude - Fixtures.centre.latitude) * 6_371_008.8 * Double.pi / 180 - 6_400) < 0.01)
        #expect(moved.longitude == Fixtures.centre.longitude)
        _ = view.press(.character("j"), in: picture)
        _ = view.press(.character("c"), in: picture)
        #expect(view.centre == Fixtures.point(north: 8_000, east: 3_000))
        _ = view.press(.character("0"), in: picture)
        #expect(view.centre == nil)
        for _ in 0..<20 { _ = view.press(.character("+"), in: picture) }
        #expect(view.metresPerDot == 5) // the closest zoom
    }

    @Test func helpOpensWithQuestionMarkAndAnyKeyClosesIt() {
        let picture = Fixtures.picture([Fixtures.track(1)])
        var view = ViewState()
        _ = view.press(.character("?"), in: picture)
        #expect(view.help)
        let screen = DisplayRenderer.render(picture, view: &view, width: 80, height: 24)
        for key in ["Tab", "S-Tab", "a ", "f ", "c ", "+  -", "arrows", "s ", "space", "n ", "<  >", "Ctrl-L", "q "] {
            #expect(screen.text.contains("│ " + key), "\(key)")
        }
        #expect(view.press(.character("a"), in: picture) == nil) // closes the overlay, acknowledges nothing
        #expect(!view.help)
    }
}
