import Surveillance

/// Draws a whole screen from the picture and the view. Pure: the same picture, view and size
/// give the same screen; the only change it makes to the view is following the selected track
/// and scrolling the table to keep it visible.
public enum DisplayRenderer {
    public static func render(_ picture: Picture, view: inout ViewState, width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        guard let layout = Layout.of(width: width, height: height) else {
            screen.put("Centinela: enlarge the terminal to at least \(Layout.minimumWidth)×\(Layout.minimumHeight)",
                       column: 0, row: 0, limit: width)
            return screen
        }
        if view.follow, let t = view.selectedTrack(in: picture) { view.centre = t.position }

        StatusLine.draw(picture, into: &screen, row: 0, width: width)
        titleBar(planTitle(view), into: &screen, layout.plan)
        PlanView.draw(picture, view: view, into: &screen, in: layout.plan.content)
        titleBar(tableTitle(picture, view, rows: layout.table.content.height - 1), into: &screen, layout.table)
        TrackTable.draw(picture, view: &view, into: &screen, in: layout.table.content)
        let open = picture.alerts.contains { $0.isActive && !$0.acknowledged }
        titleBar(AlertQueue.title(picture), into: &screen, layout.queue, style: open ? .alarm : Style(dim: true))
        AlertQueue.draw(picture, into: &screen, in: layout.queue.content)
        if let d = layout.divider {
            for row in 1..<(height - 1) { screen[d, row] = Cell("│", Style(dim: true)) }
        }
        Help.drawLine(into: &screen, row: height - 1, width: width)
        if view.help { Help.drawOverlay(into: &screen) }
        return screen
    }

    private static func titleBar(_ title: String, into screen: inout Screen, _ r: Rect, style: Style = Style(dim: true)) {
        screen.put(String(repeating: "─", count: r.width), column: r.column, row: r.row, style: Style(dim: true), limit: r.width)
        screen.put("─ " + title + " ", column: r.column, row: r.row, style: style, limit: r.width)
    }

    private static func planTitle(_ view: ViewState) -> String {
        var t = "Plan  \(fixed(view.scale, 0)) m/dot"
        if view.follow, let s = view.selected { t += "  following \(s)" }
        return t
    }

    private static func tableTitle(_ picture: Picture, _ view: ViewState, rows: Int) -> String {
        let n = picture.tracks.count
        let first = n == 0 ? 0 : view.tableTop + 1
        return "Tracks \(first)–\(min(n, view.tableTop + max(0, rows))) of \(n)" + (view.alertsFirst ? "  suspects first" : "  by number")
    }
}
