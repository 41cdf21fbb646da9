@testable import Display
import Testing

@Suite struct ScreenWriterTests {
    private func sample(_ width: Int, _ height: Int, suspectRow: Int = 1) -> Screen {
        var s = Screen(width: width, height: height)
        s.put("UTC 12:00:00", column: 0, row: 0, style: Style(bold: true))
        s.put(" ! 1234 PSR", column: 0, row: suspectRow, style: .alarm)
        s.put("⠁⠂⠄⡀ │─", column: 3, row: height - 1, style: Style(colour: .blue, dim: true))
        return s
    }

    @Test func theBytesOfEachUpdateTurnTheLastScreenIntoTheNext() {
        var writer = ScreenWriter(colour: true)
        var terminal = AnsiTerminalModel(width: 30, height: 6)
        let first = sample(30, 6)
        terminal.apply(writer.update(to: first))
        #expect(terminal.cells == first.cells)
        var second = first
        second.put("UTC 12:00:01", column: 0, row: 0, style: Style(bold: true))
        second.put("   ", column: 0, row: 1)
        second.put("O", column: 29, row: 5, style: Style(colour: .green))
        terminal.apply(writer.update(to: second))
        #expect(terminal.cells == second.cells)
        #expect(terminal.problems.isEmpty)
    }

    @Test func onlyChangedCellsAreWritten() {
        var writer = ScreenWriter(colour: true)
        let first = sample(40, 10)
        let full = writer.update(to: first)
        var next = first
        next[20, 5] = Cell("+", Style(bold: true))
        let bytes = writer.update(to: next)
        // One cursor move, one style, one character and the closing reset; nothing else.
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}[6;21H\u{1B}[0;1m+\u{1B}[0m")
        #expect(writer.update(to: next).isEmpty) // nothing changed, nothing written
        #expect(full.count > 10 * bytes.count)
    }

    @Test func aResizeOrARequestRepaintsEverything() {
        var writer = ScreenWriter(colour: true)
        _ = writer.update(to: sample(30, 6))
        var terminal = AnsiTerminalModel(width: 25, height: 8)
        terminal.cells = Array(repeating: Cell("#"), count: 25 * 8) // whatever the old size left
        let resized = sample(25, 8)
        terminal.apply(writer.update(to: resized))
        #expect(terminal.cells == resized.cells)

        writer.invalidate()
        var fresh = AnsiTerminalModel(width: 25, height: 8)
        fresh.cells = Array(repeating: Cell("#"), count: 25 * 8)
        fresh.apply(writer.update(to: resized))
        #expect(fresh.cells == resized.cells)
    }

    @Test func noColourSendsNoColourButKeepsInverseAndBold() {
        var writer = ScreenWriter(colour: false)
        var terminal = AnsiTerminalModel(width: 30, height: 6)
        terminal.apply(writer.update(to: sample(30, 6)))
        let params = terminal.sgrs.flatMap { $0.split(separator: ";").compactMap { Int($0) } }
        #expect(!params.contains { (30...37).contains($0) })
        #expect(terminal[1, 1].style.inverse)
        #expect(terminal[1, 1].style.bold)
        #expect(terminal[1, 1].character == "!")
    }

    @Test func noColourIsAnyNonEmptyValue() {
        #expect(ScreenWriter.colourAllowed(environment: [:]))
        #expect(ScreenWriter.colourAllowed(environment: ["NO_COLOR": ""]))
        #expect(!ScreenWriter.colourAllowed(environment: ["NO_COLOR": "1"]))
        #expect(!ScreenWriter.colourAllowed(environment: ["NO_COLOR": "no"]))
    }
}
