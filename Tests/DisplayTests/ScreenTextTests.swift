@testable import Display
import Testing

@Suite struct ScreenTextTests {
    @Test func controlCharactersAndEscapeSequencesAreRemoved() {
        #expect(ScreenText.clean("\u{1B}[2J\u{1B}[31mlow\u{1B}[0m") == "low")
        #expect(ScreenText.clean("a\u{1B}]0;title\u{07}b") == "ab")           // OSC to BEL
        #expect(ScreenText.clean("a\u{1B}]8;;http://x\u{1B}\\b") == "ab")    // OSC to ST
        #expect(ScreenText.clean("a\u{9B}31mb\u{85}c") == "abc")               // C1 CSI and NEL
        #expect(ScreenText.clean("one\r\ntwo\tthree\u{7F}\u{0}") == "onetwothree")
        #expect(ScreenText.clean("\u{1B}") == "")                               // cut off after ESC
        #expect(ScreenText.clean("x\u{1B}[12") == "x")                          // cut off inside CSI
    }

    @Test func onlySingleWidthCharactersReachTheScreen() {
        #expect(ScreenText.clean("Ñandú → 5 km") == "Ñandú → 5 km")
        #expect(ScreenText.clean("飞机✈️") == "???")          // wide and emoji: one ? each; the variation selector has no column
        #expect(ScreenText.clean("e\u{301}") == "e")          // a combining accent would share the cell
        #expect(ScreenText.clean("a\u{202E}b") == "ab")       // bidi override
    }

    @Test func textIsCutToItsColumn() {
        var s = Screen(width: 20, height: 2)
        let used = s.put("\u{1B}[1mLONGCALLSIGN", column: 3, row: 0, limit: 6)
        #expect(used == 6)
        #expect(s.line(0) == "   LONGCA           ")
        s.put("edge-of-screen", column: 15, row: 1)
        #expect(s.line(1) == "               edge-")
    }
}
