@testable import Display
import Testing

@Suite struct AlertQueueTests {
    private func queue(_ picture: Picture, width: Int = 80, height: Int = 6) -> Screen {
        var screen = Screen(width: width, height: height)
        AlertQueue.draw(picture, into: &screen, in: Rect(column: 0, row: 0, width: width, height: height))
        return screen
    }

    @Test func newestFirstInPlainWordsWithTheirState() {
        let t = Fixtures.time
        var picture = Fixtures.picture([Fixtures.track(1)], alerts: [
            Fixtures.alert(track: 11, at: t - 300, state: .cleared),
            Fixtures.alert(track: 12, at: t - 125, acknowledged: true, classification: "stone-skip", reasons: ["low", "fast"]),
            Fixtures.alert(track: 13, at: t - 5),
        ])
        picture.apply(Fixtures.track(1, time: t)) // the picture's time
        let screen = queue(picture)
        #expect(screen.line(0).hasPrefix("NEW    13     5s  transponder-off: PSR-only; 150 m above ground"))
        #expect(screen.line(1).hasPrefix("ACK    12  2m05s  stone-skip: low; fast"))
        #expect(screen.line(2).hasPrefix("CLR    11  5m00s  transponder-off"))
        #expect(screen[0, 0].style.inverse && screen[0, 0].style.colour == .red)
        #expect(screen[79, 0].style.inverse) // the whole line stands out
        #expect(!screen[0, 1].style.inverse)
        #expect(screen[0, 2].style.dim)
    }

    @Test func hostileReasonsReachTheScreenWithoutTheirControls() {
        let alert = Fixtures.alert(track: 6, classification: "x\u{1B}[2Jy",
                                   reasons: ["\u{1B}]0;pwned\u{07}low\u{9B}31mflight\r\n", "\u{1B}[999;999Hgone"])
        let screen = queue(Fixtures.picture(alerts: [alert]))
        #expect(screen.line(0).contains("xy: lowflight; gone"))
        #expect(!screen.cells.contains { $0.character.value < 0x20 || (0x7F...0x9F).contains($0.character.value) })
        var writer = ScreenWriter(colour: true)
        var terminal = AnsiTerminalModel(width: 80, height: 6)
        terminal.apply(writer.update(to: screen))
        #expect(terminal.problems.isEmpty)
        #expect(terminal.line(0) == screen.line(0))
    }

    @Test func longReasonsAreCutAtThePaneEdge() {
        let alert = Fixtures.alert(track: 6, reasons: [String(repeating: "r", count: 300)])
        let screen = queue(Fixtures.picture(alerts: [alert]), width: 40)
        #expect(screen.line(0).count == 40)
        #expect(screen.line(0).hasSuffix("rrrr"))
    }
}
