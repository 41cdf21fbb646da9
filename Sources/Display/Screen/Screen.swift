/// A grid of cells, row by row from the top left: what the terminal should show.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * width + column] }
        set {
            guard column >= 0, column < width, row >= 0, row < height else { return }
            cells[row * width + column] = newValue
        }
    }

    public func contains(column: Int, row: Int) -> Bool {
        column >= 0 && column < width && row >= 0 && row < height
    }

    /// Writes `text` from (column, row) rightwards, cleaned of control characters and anything
    /// not single-width, cut at `limit` columns and at the screen's edge. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style = .plain, limit: Int = .max) -> Int {
        guard row >= 0, row < height else { return 0 }
        let end = limit >= width - column ? width : column + max(0, limit) // `limit` may be .max
        var c = column
        for scalar in ScreenText.clean(text).unicodeScalars {
            guard c < end else { break }
            if c >= 0 { cells[row * width + c] = Cell(scalar, style) }
            c += 1
        }
        return max(0, c - column)
    }

    /// Sets every cell of a rectangle.
    public mutating func fill(column: Int, row: Int, width w: Int, height h: Int, with cell: Cell = .blank) {
        for r in max(0, row)..<min(height, row + h) where r >= 0 {
            for c in max(0, column)..<min(width, column + w) where c >= 0 {
                cells[r * width + c] = cell
            }
        }
    }

    /// Restyles a stretch of a row (a marked table row) without changing its characters.
    public mutating func restyle(column: Int, row: Int, width w: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<min(width, column + w) {
            cells[row * width + c].style = style
        }
    }

    /// One row as text, for tests and text captures.
    public func line(_ row: Int) -> String {
        var s = String.UnicodeScalarView()
        for c in 0..<width { s.append(cells[row * width + c].character) }
        return String(s)
    }

    /// The whole screen as text, a line per row, trailing blanks kept.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
