@testable import Display

/// A terminal that understands only the sequences the display sends (cursor position, SGR reset /
/// bold / dim / inverse / colour, clear, private modes): applying the writer's bytes to it shows
/// what a real terminal would. Anything else, or a character written past the right edge (which
/// a terminal would wrap), is recorded as a problem.
struct AnsiTerminalModel {
    let width: Int
    let height: Int
    var cells: [Cell]
    var row = 0
    var column = 0
    var style = Style.plain
    var problems: [String] = []
    /// Every SGR parameter list seen, e.g. "0;1;7;31".
    var sgrs: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: .blank, count: width * height)
    }

    subscript(column: Int, row: Int) -> Cell { cells[row * width + column] }

    func line(_ r: Int) -> String { String(String.UnicodeScalarView((0..<width).map { self[$0, r].character })) }

    mutating func apply(_ bytes: [UInt8]) {
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars { put(scalar) }
            text = []
        }
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x1B else {
                if b < 0x20 || b == 0x7F { problems.append("control byte \(b)") }
                text.append(b)
                i += 1
                continue
            }
            flushText()
            guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else {
                problems.append("ESC not followed by [ at \(i)")
                i += 1
                continue
            }
            var j = i + 2
            while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
            guard j < bytes.count else {
                problems.append("unterminated sequence at \(i)")
                return
            }
            let params = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            switch bytes[j] {
            case UInt8(ascii: "H"):
                let parts = params.split(separator: ";").compactMap { Int($0) }
                row = (parts.first ?? 1) - 1
                column = (parts.count > 1 ? parts[1] : 1) - 1
            case UInt8(ascii: "m"):
                sgrs.append(params)
                sgr(params)
            case UInt8(ascii: "J") where params == "2":
                cells = Array(repeating: .blank, count: width * height)
            case UInt8(ascii: "h") where params.hasPrefix("?"), UInt8(ascii: "l") where params.hasPrefix("?"):
                break
            default:
                problems.append("unexpected sequence \(params)\(Character(Unicode.Scalar(bytes[j])))")
            }
            i = j + 1
        }
        flushText()
    }

    private mutating func put(_ s: Unicode.Scalar) {
        guard row >= 0, row < height, column >= 0, column < width else {
            problems.append("write at row \(row + 1) column \(column + 1), outside \(width)×\(height)")
            column += 1
            return
        }
        cells[row * width + column] = Cell(s, style)
        column += 1
    }

    private mutating func sgr(_ params: String) {
        for p in params.split(separator: ";", omittingEmptySubsequences: false).map({ Int($0) ?? 0 }) {
            switch p {
            case 0: style = .plain
            case 1: style.bold = true
            case 2: style.dim = true
            case 7: style.inverse = true
            case 30...37: style.colour = Colour(rawValue: UInt8(p - 30 + 1))!
            default: problems.append("unexpected SGR \(p)")
            }
        }
    }
}
