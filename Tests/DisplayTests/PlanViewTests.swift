@testable import Display
import Surveillance
import Testing

/// A 40×30-cell pane at the top left: 80×120 dots, the centre on dot (40, 60), the border
/// between cells 19 and 20 and in the middle of row 15. At 200 m a dot, 10 km north is 50 dots
/// up (dot row 10: cell row 2) and 1 km east 5 dots right (dot column 45: cell column 22).
@Suite struct PlanViewTests {
    private let pane = Rect(column: 0, row: 0, width: 40, height: 30)
    private let view = ViewState(metresPerDot: 200)

    private func draw(_ picture: Picture, view: ViewState? = nil) -> Screen {
        var screen = Screen(width: 40, height: 30)
        PlanView.draw(picture, view: view ?? self.view, into: &screen, in: pane)
        return screen
    }

    @Test func aTrackLandsWhereItsDistanceAndTheScaleSay() {
        let screen = draw(Fixtures.picture([Fixtures.track(5, north: 10_000, east: 1_000, source: .psrOnly)]))
        #expect(screen[22, 2].character == "+")
        let south = draw(Fixtures.picture([Fixtures.track(5, north: -10_000, east: -1_000, source: .psrOnly)]))
        #expect(south[17, 27].character == "+") // 50 dots down: dot row 110, cell 27; 5 dots left: dot 35, cell 17
    }

    @Test func primaryOnlyAndTransponderTracksLookDifferentInEachStage() {
        var symbols: [Character] = []
        for source in [SystemTrack.Source.psrOnly, .modeS] {
            for stage in [SystemTrack.Stage.confirmed, .tentative, .coasting] {
                let screen = draw(Fixtures.picture([Fixtures.track(1, north: 10_000, east: 1_000, source: source, stage: stage)]))
                symbols.append(screen[22, 2].character.properties.isWhitespace ? " " : Character(screen[22, 2].character))
            }
        }
        #expect(Set(symbols).count == 6)
        #expect(!symbols.contains(" "))
        // SSR and Mode S are both transponder tracks: one symbol.
        let ssr = draw(Fixtures.picture([Fixtures.track(1, north: 10_000, east: 1_000, source: .ssr)]))
        #expect(Character(ssr[22, 2].character) == symbols[3])
    }

    @Test func aSuspectIsRedInverseAndNumbered() {
        let picture = Fixtures.picture([Fixtures.track(4711, north: 10_000, east: 1_000, source: .psrOnly),
                                        Fixtures.track(12, north: -10_000, east: -1_000, source: .psrOnly)],
                                       alerts: [Fixtures.alert(track: 4711)])
        let screen = draw(picture)
        #expect(screen[22, 2].style.inverse)
        #expect(screen[22, 2].style.colour == .red)
        #expect(screen.line(2).contains("+ 4711"))
        #expect(!screen[17, 27].style.inverse)
        #expect(!screen.line(27).contains("12"))
    }

    @Test func theSelectedTrackIsBoxed() {
        var v = view
        v.selected = 5
        let screen = draw(Fixtures.picture([Fixtures.track(5, north: 10_000, east: 1_000)]), view: v)
        #expect(screen.line(2).contains("[O] 5"))
    }

    @Test func rangeRingsAreLabelledInKilometres() {
        // 200 m a dot, 60 dots to the farther edge: 12 km; about three rings is 4 km apart, and
        // the largest 1-2-5 step not above that is 2 km.
        // The 2 km ring crosses north 10 dots above the centre: dot row 50, cell row 12; its
        // label starts one cell right of the centre's column 20.
        let screen = draw(Fixtures.picture())
        #expect(screen.line(12).dropFirst(21).hasPrefix("2km"))
        #expect(screen.text.contains("4km"))
        #expect(!screen.text.contains("3km"))
        // A 1 km ring would be 5 dots from the centre; at this spacing there is none, so the cell
        // a ring of 1 km would cross north (dot row 55, cell 13, column 20) is empty.
        #expect(screen[20, 13].character == " ")
    }

    @Test func ringsWhoseNorthIsOffALowPaneAreLabelledEast() {
        // 40×5 cells: 80×20 dots, the centre on dot (40, 10). 40 dots to the farther edge at 200 m:
        // 8 km, rings 2 km (10 dots) apart. The 2 km ring's north is dot row 0, in the pane; the
        // 4 km ring's is off the top, so it is labelled at its east crossing, dot (60, 10): cell
        // column 30, row 2, the label one cell right.
        var screen = Screen(width: 40, height: 5)
        PlanView.draw(Fixtures.picture(), view: view, into: &screen, in: Rect(column: 0, row: 0, width: 40, height: 5))
        #expect(screen.line(0).dropFirst(21).hasPrefix("2km"))
        #expect(screen.line(2).dropFirst(31).hasPrefix("4km"))
    }

    @Test func placesHaveTheirOwnSymbols() {
        let map = DisplayMap(centre: Fixtures.centre, places: [
            .init(kind: .radar, name: "Cerro", position: Fixtures.point(north: 10_000, east: 1_000)),
            .init(kind: .airport, name: "MMCS", position: Fixtures.point(north: -10_000, east: -1_000)),
            .init(kind: .strip, name: "Rancho", position: Fixtures.point(north: 10_000, east: -1_000)),
        ])
        let screen = draw(Fixtures.picture(map: map))
        let marks = [screen[22, 2].character, screen[17, 27].character, screen[17, 2].character]
        #expect(Set(marks).count == 3)
        #expect(!marks.contains(" "))
    }

    @Test func historyDotsMarkWhereATrackHasBeen() {
        // Earlier at 10 km south, 5 km west: dot (15, 110), the right-hand dot of the third row of
        // cell (7, 27), Braille dot 6 (0x20). No ring crosses that cell (the 10 km ring passes
        // 5 km west at dot row 103, the 12 km ring at 114).
        var picture = Fixtures.picture([Fixtures.track(5, north: -10_000, east: -5_000)])
        picture.apply(Fixtures.track(5, north: -10_000, east: 1_000, time: Fixtures.time + Picture.historySpacing))
        let screen = draw(picture)
        #expect(screen[7, 27].character == "\u{2820}")
        #expect(screen[22, 27].character == "O") // the track where it is now
    }

    @Test func theLeaderLineShowsOneMinuteOfFlight() {
        // 10 km south, 1 km east: dot (45, 110), cell (22, 27). 50 m/s east for a minute is 3 km,
        // 15 dots: dots 45…60 of dot row 110, so cells 23 to 29 of row 27 carry Braille dots and
        // cell 31 does not.
        let screen = draw(Fixtures.picture([Fixtures.track(5, north: -10_000, east: 1_000, speed: 50, heading: 90)]))
        #expect(screen[22, 27].character == "O")
        for column in 23...29 { #expect((0x2801...0x28FF).contains(screen[column, 27].character.value), "column \(column)") }
        #expect(screen[31, 27].character == " ")
    }

    @Test func theBorderIsDrawnAndTheCoverageFloorDotted() {
        // A border 9 km north (45 dots up: dot row 15, the bottom dots of cell row 3) and a floor
        // 9 km south (dot row 105: the second dots of cell row 26), both across the whole pane.
        let map = DisplayMap(centre: Fixtures.centre,
                             border: [[Fixtures.point(north: 9_000, east: -20_000), Fixtures.point(north: 9_000, east: 20_000)]],
                             coverageFloor: [[Fixtures.point(north: -9_000, east: -20_000), Fixtures.point(north: -9_000, east: 20_000)]])
        let screen = draw(Fixtures.picture(map: map))
        func lit(row: Int, bits: (UInt32, UInt32)) -> Int {
            (0..<40).reduce(0) { n, c in
                let v = screen[c, row].character.value
                guard (0x2800...0x28FF).contains(v) else { return n }
                return n + (v & bits.0 != 0 ? 1 : 0) + (v & bits.1 != 0 ? 1 : 0)
            }
        }
        // Solid: all 80 dots of its dot row (a ring label may cover a few cells).
        #expect(lit(row: 3, bits: (0x40, 0x80)) >= 72)
        // Dotted, one dot in three: about 27 of 80, give or take where the rings cross it.
        #expect((20...40).contains(lit(row: 26, bits: (0x02, 0x10))))
    }
}
