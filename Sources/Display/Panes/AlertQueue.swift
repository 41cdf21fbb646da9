/// The alert queue, newest first: `NEW` (active, not acknowledged: red and inverse), `ACK`
/// (active, acknowledged), `CLR` (cleared: dimmed); then the track, how long since it was
/// raised, the class and the reasons in plain words.
enum AlertQueue {
    static func draw(_ picture: Picture, into screen: inout Screen, in r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        let now = picture.time
        for (k, alert) in picture.alerts.prefix(r.height).enumerated() {
            let row = r.row + k
            let (mark, style): (String, Style) =
                !alert.isActive ? ("CLR", Style(dim: true))
                : alert.acknowledged ? ("ACK", Style(colour: .yellow))
                : ("NEW", .alarm)
            let age = now.map { Readouts.age($0 - alert.raisedTime) } ?? ""
            let reasons = alert.reasons.map(ScreenText.clean).joined(separator: "; ")
            let text = mark + " " + TrackTable.pad(String(alert.track), 5, right: true) + " "
                + TrackTable.pad(age, 6, right: true) + "  " + ScreenText.clean(alert.classification)
                + (reasons.isEmpty ? "" : ": " + reasons)
            screen.fill(column: r.column, row: row, width: r.width, height: 1, with: Cell(" ", style))
            screen.put(text, column: r.column, row: row, style: style, limit: r.width)
        }
        if picture.alerts.isEmpty {
            screen.put("no alerts", column: r.column, row: r.row, style: Style(dim: true), limit: r.width)
        }
    }

    static func title(_ picture: Picture) -> String {
        let active = picture.alerts.filter(\.isActive)
        let open = active.filter { !$0.acknowledged }.count
        return "Alerts: \(active.count) active, \(open) not acknowledged"
    }
}
