@testable import Display
import Testing

@Suite struct LayoutTests {
    private func picture() -> Picture {
        var p = Fixtures.picture((1...40).map { Fixtures.track(UInt16($0), north: Double($0) * 500, east: 1_000, callsign: "N\($0)") },
                                 alerts: [Fixtures.alert(track: 7)])
        p.sources = [SourceStatus(name: "radar-north", state: "connected", plotsPerSecond: 120)]
        p.replay = ReplayStatus(position: Fixtures.time, speed: 10)
        return p
    }

    /// Played through a terminal of the size: no write past an edge, and the panes in their places.
    private func show(width: Int, height: Int) -> AnsiTerminalModel {
        var view = ViewState(selected: 7)
        let screen = DisplayRenderer.render(picture(), view: &view, width: width, height: height)
        var writer = ScreenWriter(colour: true)
        var terminal = AnsiTerminalModel(width: width, height: height)
        terminal.apply(writer.update(to: screen))
        #expect(terminal.problems.isEmpty)
        #expect(terminal.cells == screen.cells)
        return terminal
    }

    @Test func at80x24ThePanesAreStackedAndAllThere() {
        let t = show(width: 80, height: 24)
        #expect(t.line(0).hasPrefix("2026-05-28 20:26:40Z │ REPLAY"))
        #expect(t.line(1).hasPrefix("─ Plan"))
        let tracks = (0..<24).first { t.line($0).hasPrefix("─ Tracks") }!
        let alerts = (0..<24).first { t.line($0).hasPrefix("─ Alerts") }!
        #expect(tracks > 1 && alerts > tracks + 2)
        #expect(t.line(tracks + 1).contains("CALLSIGN"))
        #expect(t.line(alerts + 1).hasPrefix("NEW     7"))
        #expect(t.line(23).hasPrefix("? all keys  q quit")) // the short help: the full one is longer than 80
        #expect(t.line(23).count == 80)
    }

    @Test func wideTerminalsPutThePlanViewBesideTheTables() {
        let t = show(width: 200, height: 60)
        let tracks = (0..<60).first { t.line($0).contains("─ Tracks") }!
        #expect(tracks == 1)
        let column = t.line(1).column(of: "─ Tracks")!
        #expect(column > 100)
        #expect(t[column - 1, 10].character == "│")   // the divider
        #expect(t.line(1).hasPrefix("─ Plan"))
        #expect(t.line(59).hasPrefix("q quit  ? help  Tab/j k select"))
    }

    @Test func tooSmallATerminalGetsANoteNotAMess() {
        let t = show(width: 30, height: 8)
        #expect(t.line(0).hasPrefix("Centinela: enlarge the termina"))
        #expect((1..<8).allSatisfy { t.line($0).allSatisfy { $0 == " " } })
    }
}
