@testable import Display
import Testing

@Suite struct KeyDecoderTests {
    private func decode(_ chunks: [String]) -> [Key] {
        var d = KeyDecoder()
        var keys: [Key] = []
        for c in chunks { keys += d.feed(Array(c.utf8)) }
        return keys + d.flush()
    }

    @Test func arrowsShiftTabAndPlainKeys() {
        #expect(decode(["\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"]) == [.up, .down, .right, .left])
        #expect(decode(["\u{1B}OA\u{1B}OD"]) == [.up, .left])            // application cursor mode
        #expect(decode(["\u{1B}[Z\t"]) == [.backTab, .tab])
        #expect(decode(["a q+?", "\u{0C}\r"]) == [.character("a"), .character(" "), .character("q"), .character("+"),
                                                 .character("?"), .redraw, .enter])
        #expect(decode(["\u{1B}[1;5C"]) == [.right])                       // Ctrl-Right is still right
    }

    @Test func aSequenceSplitAcrossReadsIsOneKey() {
        #expect(decode(["\u{1B}", "[", "A"]) == [.up])
        #expect(decode(["j\u{1B}[", "Bk"]) == [.character("j"), .down, .character("k")])
        #expect(decode(["\u{1B}[1;", "5D"]) == [.left])
    }

    @Test func aLoneEscapeIsEscapeOnlyWhenNothingFollows() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.hasPending)
        #expect(d.flush() == [.escape])
        #expect(decode(["\u{1B}q"]) == [.escape, .character("q")])
    }

    @Test func junkIsSkippedAndTheNextKeyStillCounts() {
        // A sequence of any length is skipped to its final byte (here `~`), stored nowhere.
        let long = "\u{1B}[" + String(repeating: "9;", count: 10_000) + "~"
        #expect(decode([long + "q"]) == [.character("q")])
        #expect(decode(["\u{1B}[5~", "q"]) == [.character("q")])           // PageUp: not ours
        #expect(decode(["é\u{0}\u{1}q"]) == [.character("q")])             // non-ASCII and control bytes
        #expect(decode(["\u{1B}[\u{1}q"]) == [.character("q")])           // a broken sequence
    }
}
