/// A rectangle of cells.
struct Rect: Equatable {
    var column: Int
    var row: Int
    var width: Int
    var height: Int
}

/// Where each pane goes. Row 0 is the status line, the last row the one-line help. Wide
/// terminals (at least `sideBySideWidth` columns) get the plan view on the left and the track
/// table over the alert queue on the right; narrower ones stack plan view, table and queue.
/// Each pane's first row is its title bar.
struct Layout: Equatable {
    var plan: Rect
    var table: Rect
    var queue: Rect
    /// The column of the line between plan view and the right-hand panes, when side by side.
    var divider: Int?

    static let sideBySideWidth = 140
    /// Below this the panes are not drawn, only a note to enlarge the terminal.
    static let minimumWidth = 40
    static let minimumHeight = 12

    static func of(width: Int, height: Int) -> Layout? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        let body = height - 2
        if width >= sideBySideWidth {
            let right = max(TrackTable.total(TrackTable.columns) + 1, width * 2 / 5)
            let left = width - right - 1
            let tableHeight = body * 3 / 5
            return Layout(plan: Rect(column: 0, row: 1, width: left, height: body),
                          table: Rect(column: left + 1, row: 1, width: right, height: tableHeight),
                          queue: Rect(column: left + 1, row: 1 + tableHeight, width: right, height: body - tableHeight),
                          divider: left)
        }
        let plan = body * 2 / 5
        let queue = max(4, body / 5)
        let table = body - plan - queue
        return Layout(plan: Rect(column: 0, row: 1, width: width, height: plan),
                      table: Rect(column: 0, row: 1 + plan, width: width, height: table),
                      queue: Rect(column: 0, row: 1 + plan + table, width: width, height: queue),
                      divider: nil)
    }
}

extension Rect {
    /// Below the title bar.
    var content: Rect { Rect(column: column, row: row + 1, width: width, height: max(0, height - 1)) }
}
