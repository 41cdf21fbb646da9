@testable import Display
import Surveillance
import Testing

@Suite struct TrackTableTests {
    static let headers = ["TRK", "SRC", "SQWK", "CALLSIGN", "FL/ALT", "AGL m", "GS kt", "HDG", "BRD km", "AGE", "SCORE", "FLAGS"]

    private func render(_ picture: Picture, _ view: inout ViewState, width: Int = 80, height: Int = 24) -> Screen {
        DisplayRenderer.render(picture, view: &view, width: width, height: height)
    }

    @Test func at80x24EveryColumnFitsWithoutWrapping() {
        let tracks = (1...30).map { Fixtures.track(UInt16($0), north: Double($0) * 300, callsign: "AMX\($0)", squawk: "7500") }
        var view = ViewState()
        let screen = render(Fixtures.picture(tracks, alerts: [Fixtures.alert(track: 3)]), &view)
        let header = Fixtures.row(containing: "CALLSIGN", in: screen)!
        for h in Self.headers { #expect(screen.line(header).contains(h), "\(h)") }
        // Played through a terminal 80 wide, nothing is written past the edge (it would wrap).
        var writer = ScreenWriter(colour: true)
        var terminal = AnsiTerminalModel(width: 80, height: 24)
        terminal.apply(writer.update(to: screen))
        #expect(terminal.problems.isEmpty)
        // Each value sits under its header: the callsign of the first row starts where CALLSIGN does.
        let callsignColumn = screen.line(header).column(of: "CALLSIGN")!
        let first = screen.line(header + 1)
        #expect(first.dropFirst(callsignColumn).hasPrefix("AMX1 "))
    }

    @Test func aSuspectRowIsMarkedAndInverse() {
        let picture = Fixtures.picture([Fixtures.track(1), Fixtures.track(2), Fixtures.track(3)], alerts: [Fixtures.alert(track: 2)])
        var view = ViewState()
        let screen = render(picture, &view)
        let header = Fixtures.row(containing: "CALLSIGN", in: screen)!
        #expect(screen.line(header + 2).hasPrefix(" !    2 MDS"))
        #expect(screen[5, header + 2].style.inverse)
        #expect(screen.line(header + 1).hasPrefix("      1 MDS"))
        #expect(!screen[5, header + 1].style.inverse)
        #expect(screen.line(header + 2).contains(" 0.90 ")) // the alert's score
    }

    @Test func rowsAreInTrackNumberOrderOrSuspectsFirst() {
        let picture = Fixtures.picture([Fixtures.track(30), Fixtures.track(7), Fixtures.track(12)], alerts: [Fixtures.alert(track: 30)])
        var view = ViewState()
        var screen = render(picture, &view)
        var header = Fixtures.row(containing: "CALLSIGN", in: screen)!
        #expect((1...3).map { screen.line(header + $0).prefix(7) } == ["      7", "     12", " !   30"])
        view.alertsFirst = true
        screen = render(picture, &view)
        header = Fixtures.row(containing: "CALLSIGN", in: screen)!
        #expect((1...3).map { screen.line(header + $0).prefix(7) } == [" !   30", "      7", "     12"])
    }

    @Test func theSelectedRowStaysVisibleWhenTheTableScrolls() {
        let picture = Fixtures.picture((1...50).map { Fixtures.track(UInt16($0)) })
        var view = ViewState()
        for _ in 0..<40 { _ = view.press(.character("j"), in: picture) }
        #expect(view.selected == 40)
        var screen = render(picture, &view)
        #expect(screen.text.contains(">    40 MDS"))
        // And back up past the top of what is shown.
        for _ in 0..<35 { _ = view.press(.character("k"), in: picture) }
        screen = render(picture, &view)
        #expect(screen.text.contains(">     5 MDS"))
    }

    @Test func valuesAreInTheUnitsTheHeadersName() {
        // 100 m/s is 194 kt; 4 200 m to the border 4.2 km; FL045 from the transponder; PSR-only
        // shows its measured altitude; 7700 flags an emergency, a coasting track C.
        var t = Fixtures.track(9, speed: 100, heading: 5.4, squawk: "7700")
        t.stage = .coasting
        var p = Fixtures.track(10, source: .psrOnly, time: Fixtures.time - 12)
        p.stage = .tentative
        var view = ViewState()
        let screen = render(Fixtures.picture([t, p]), &view)
        let header = Fixtures.row(containing: "CALLSIGN", in: screen)!
        let row9 = screen.line(header + 1), row10 = screen.line(header + 2)
        for part in ["MDS 7700", "FL045", "  194 005", "   4.2", "CE"] { #expect(row9.contains(part), "\(part)") }
        for part in ["PSR", "900m", "  150", "12s", "T"] { #expect(row10.contains(part), "\(part)") }
    }

    @Test func numbersNoColumnCouldHoldShowAsADashAndStopNothing() throws {
        // What a broken feed could carry: positions and speeds that are not numbers or are huge.
        let wild = DisplayTrack(number: 66, time: Fixtures.time, stage: .confirmed, source: .modeS,
                                latitude: .nan, longitude: .infinity, groundSpeed: 1e300, heading: .infinity,
                                flightLevel: .nan, heightAboveGround: -1e300, borderDistance: .nan, score: .infinity)
        var picture = Fixtures.picture([Fixtures.track(1), wild])
        picture.sources = [SourceStatus(name: "feed", state: "connected", plotsPerSecond: .nan)]
        picture.replay = ReplayStatus(position: 1e300, speed: .infinity)
        var view = ViewState(metresPerDot: .nan, selected: 66, follow: true)
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = render(picture, &view, width: w, height: h)
            let row = try #require(Fixtures.row(containing: ">!   66", in: screen)) // a score: a suspect
            // SQWK, CALLSIGN blank; FL/ALT, AGL, GS, HDG, BRD a dash at the right of their widths (6, 5, 5, 3, 6).
            let dashes = ">!   66 MDS " + "    " + " " + "        " + " " + "     -" + " " + "    -" + " " + "    -" + " " + "  -" + " " + "     -"
            #expect(screen.line(row).contains(dashes))
            #expect(screen.line(0).contains("REPLAY --:--:-- ×-"))
            #expect(screen.line(0).contains("feed connected -/s"))
        }
    }

    @Test func narrowPanesDropTheLeastImportantColumnsFirst() {
        #expect(TrackTable.fitting(200).count == 12)
        let at70 = TrackTable.fitting(70).map(\.title)
        #expect(!at70.contains("HDG"))
        #expect(at70.contains("SCORE") && at70.contains("FLAGS") && at70.contains("BRD km"))
        let at40 = TrackTable.fitting(40)
        #expect(TrackTable.total(at40) <= 40)
        #expect(at40.map(\.title).starts(with: ["TRK"]))
        #expect(at40.map(\.title).contains("SCORE"))
    }
}
