/// Text from the data (callsigns, reasons, classes, source names) made safe for a cell grid: no
/// control characters or escape sequences that could move the cursor or restyle the terminal,
/// and only characters one column wide, so the columns of a table never shift.
public enum ScreenText {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        while let s = it.next() {
            switch s.value {
            case 0x1B: skipEscape(&it)
            case 0x9B: skipUntilFinal(&it)              // C1 CSI
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipString(&it) // C1 OSC, DCS, SOS, PM, APC
            case 0x00...0x1F, 0x7F...0x9F: break       // C0, DEL, C1
            case 0x0300...0x036F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F:
                break                                   // combining, zero-width, bidi controls: no column of their own
            default: out.append(isSingleWidth(s) ? s : "?")
            }
        }
        return String(out)
    }

    /// Letters of the Latin, Greek and Cyrillic scripts, punctuation, arrows, box drawing and
    /// Braille: what every terminal font draws one column wide. Anything else (CJK, emoji) could
    /// take two and is shown as `?`.
    static func isSingleWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x52F, 0x2010...0x2027, 0x2030...0x205E,
             0x2190...0x21FF, 0x2500...0x259F, 0x2800...0x28FF: true
        default: false
        }
    }

    /// After ESC: a CSI (`[`) runs to its final byte, an OSC/DCS/SOS/PM/APC to its terminator,
    /// anything else is a two-character sequence.
    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) {
        guard let next = it.next() else { return }
        switch next {
        case "[": skipUntilFinal(&it)
        case "]", "P", "X", "^", "_": skipString(&it)
        default: break
        }
    }

    private static func skipUntilFinal(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if (0x40...0x7E).contains(s.value) { return }
            if !(0x20...0x3F).contains(s.value) { return } // not a CSI byte: the sequence is broken, stop here
        }
    }

    /// Up to BEL, ST (0x9C) or ESC `\`.
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = it.next(); return }
        }
    }
}
