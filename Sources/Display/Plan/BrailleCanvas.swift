/// A drawing surface of 2×4 dots a cell, shown with the Braille patterns U+2800–U+28FF. Each
/// cell keeps the style of the last thing drawn in it.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    var widthInDots: Int { columns * 2 }
    var heightInDots: Int { rows * 4 }
    private var bits: [UInt8]
    private var styles: [Style]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: .plain, count: self.columns * self.rows)
    }

    /// The Braille bit of the dot at (x mod 2, y mod 4): dots 1-2-3-7 down the left, 4-5-6-8 down the right.
    private static let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// The dot a coordinate falls in. Positions that went through degrees and back land a hair
    /// off the dot they were placed on; the tolerance keeps them there.
    static func index(_ v: Double) -> Int { Int((v + 1e-6).rounded(.down)) }

    mutating func set(_ x: Double, _ y: Double, _ style: Style) {
        guard x.isFinite, y.isFinite, abs(x) < 1e9, abs(y) < 1e9 else { return }
        set(Self.index(x), Self.index(y), style)
    }

    mutating func set(_ x: Int, _ y: Int, _ style: Style) {
        guard x >= 0, y >= 0, x < widthInDots, y < heightInDots else { return }
        let i = (y / 4) * columns + x / 2
        bits[i] |= Self.bit[x & 1][y & 3]
        styles[i] = style
    }

    /// A straight line between two dots, clipped to the canvas; `every` > 1 draws one dot in that
    /// many (dotted).
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), _ style: Style, every: Int = 1) {
        guard let (p, q) = clip(a, b) else { return }
        let dx = q.x - p.x, dy = q.y - p.y
        let steps = Int(max(abs(dx), abs(dy)).rounded(.up))
        for i in stride(from: 0, through: steps, by: max(1, every)) {
            let t = steps == 0 ? 0 : Double(i) / Double(steps)
            set(p.x + dx * t, p.y + dy * t, style)
        }
    }

    /// Liang–Barsky: the part of a segment inside the canvas, or nil when none is.
    private func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let edges = [(-dx, a.x), (dx, Double(widthInDots) - a.x), (-dy, a.y), (dy, Double(heightInDots) - a.y)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return nil }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }

    /// Copies the dots into a screen region at (column, row); cells without dots are left as they are.
    func draw(into screen: inout Screen, column: Int, row: Int) {
        for r in 0..<rows {
            for c in 0..<columns {
                let b = bits[r * columns + c]
                guard b != 0 else { continue }
                screen[column + c, row + r] = Cell(Unicode.Scalar(0x2800 + UInt32(b))!, styles[r * columns + c])
            }
        }
    }
}
