#if canImport(Glibc)
import Glibc
#endif

/// Turns the difference between the screen on the terminal and the next one into ANSI bytes:
/// only changed cells are written (a cursor move, then a run of characters); after a resize, or
/// when asked, everything is repainted.
public struct ScreenWriter: Sendable {
    /// False under `NO_COLOR`: no colour is ever sent, bold, dim and inverse still are.
    public let colour: Bool
    private var shown: Screen?

    public init(colour: Bool) {
        self.colour = colour
    }

    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    public static func colourAllowed(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The same, from this process's environment.
    public static func colourAllowed() -> Bool {
        colourAllowed(environment: getenv("NO_COLOR").map { ["NO_COLOR": String(cString: $0)] } ?? [:])
    }

    /// Forget what the terminal shows: the next `update` repaints everything.
    public mutating func invalidate() { shown = nil }

    /// The bytes that take the terminal from the last screen written to `next`.
    public mutating func update(to next: Screen) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        let previous = shown.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        if previous == nil { out += Self.ascii("\u{1B}[0m\u{1B}[2J") }
        var style: Style? = previous == nil ? .plain : nil // unknown until the first SGR
        for row in 0..<next.height {
            var cursorAt: Int? = nil // the column the cursor is at on this row, if known
            for column in 0..<next.width {
                let cell = next[column, row]
                if let previous, previous[column, row] == cell { continue }
                if cursorAt != column { moveCursor(&out, row: row, column: column) }
                if style != cell.style {
                    sgr(&out, cell.style)
                    style = cell.style
                }
                utf8(&out, cell.character)
                cursorAt = column + 1
            }
        }
        if !out.isEmpty { out += Self.ascii("\u{1B}[0m") }
        shown = next
        return out
    }

    private func moveCursor(_ out: inout [UInt8], row: Int, column: Int) {
        out += [0x1B, UInt8(ascii: "[")]
        decimal(&out, row + 1)
        out.append(UInt8(ascii: ";"))
        decimal(&out, column + 1)
        out.append(UInt8(ascii: "H"))
    }

    /// Always from a reset, so each cell's look never depends on the one before.
    private func sgr(_ out: inout [UInt8], _ s: Style) {
        out += [0x1B, UInt8(ascii: "["), UInt8(ascii: "0")]
        if s.bold { out += [UInt8(ascii: ";"), UInt8(ascii: "1")] }
        if s.dim { out += [UInt8(ascii: ";"), UInt8(ascii: "2")] }
        if s.inverse { out += [UInt8(ascii: ";"), UInt8(ascii: "7")] }
        if colour, s.colour != .none {
            out += [UInt8(ascii: ";"), UInt8(ascii: "3"), UInt8(ascii: "0") + s.colour.rawValue - 1]
        }
        out.append(UInt8(ascii: "m"))
    }

    private func decimal(_ out: inout [UInt8], _ v: Int) {
        if v >= 10 { decimal(&out, v / 10) }
        out.append(UInt8(ascii: "0") + UInt8(v % 10))
    }

    private func utf8(_ out: inout [UInt8], _ s: Unicode.Scalar) {
        let v = s.value
        switch v {
        case ..<0x80: out.append(UInt8(v))
        case ..<0x800: out += [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)]
        case ..<0x10000: out += [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)]
        default:
            out += [UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)]
        }
    }

    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
}
