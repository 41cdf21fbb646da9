/// The keys, as the one-line help at the bottom and the `?` overlay list them.
enum Help {
    static let line = "q quit  ? help  Tab/j k select  a ack  f follow  c centre  +/- zoom  arrows pan  s sort  "
        + "space pause  n step  < > speed"
    /// For fewer than `line.count` columns: the most used keys, and where to find the rest.
    static let shortLine = "? all keys  q quit  j/k select  a ack  f follow  +/- zoom  space pause  < > speed"

    static let keys: [(String, String)] = [
        ("Tab  j", "select the next track (table order)"),
        ("S-Tab  k", "select the previous track"),
        ("a", "acknowledge the selected track's alert, else the newest"),
        ("f", "follow the selected track (keep it centred)"),
        ("c", "centre the plan view on the selected track"),
        ("0", "centre on the map again, stop following"),
        ("+  -", "zoom in / out"),
        ("arrows", "pan the plan view (stops following)"),
        ("s", "table order: by number / suspects first"),
        ("space", "replay: pause / resume"),
        ("n", "replay, paused: one more scan"),
        ("<  >", "replay: slower / faster (1 2 5 10 30 60 120 max)"),
        ("Ctrl-L", "repaint the screen"),
        ("?", "this help (any key closes it)"),
        ("q", "quit"),
    ]

    static func drawLine(into screen: inout Screen, row: Int, width: Int) {
        screen.fill(column: 0, row: row, width: width, height: 1, with: Cell(" ", Style(inverse: true)))
        screen.put(width >= line.count ? line : shortLine, column: 0, row: row, style: Style(inverse: true), limit: width)
    }

    /// A framed box in the middle of the screen.
    static func drawOverlay(into screen: inout Screen) {
        let keyWidth = keys.map(\.0.count).max() ?? 0
        let lines = keys.map { TrackTable.pad($0.0, keyWidth, right: false) + "  " + $0.1 }
        let w = min(screen.width, (lines.map(\.count).max() ?? 0) + 4)
        let h = min(screen.height, lines.count + 2)
        let x = (screen.width - w) / 2, y = (screen.height - h) / 2
        let frame = Style(colour: .cyan, bold: true)
        screen.fill(column: x, row: y, width: w, height: h)
        screen.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", column: x, row: y, style: frame, limit: w)
        screen.put(" Keys ", column: x + 2, row: y, style: frame, limit: w - 4)
        for r in 1..<max(1, h - 1) {
            screen.put("│", column: x, row: y + r, style: frame)
            screen.put("│", column: x + w - 1, row: y + r, style: frame)
            screen.put(lines[r - 1], column: x + 2, row: y + r, limit: w - 4)
        }
        screen.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", column: x, row: y + h - 1, style: frame, limit: w)
    }
}
