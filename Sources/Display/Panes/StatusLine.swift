import Surveillance

/// The top line: the UTC time of the picture, how stale it is, each source, the outputs and,
/// in a replay, its position, speed and PAUSED.
enum StatusLine {
    /// Seconds without data (by the host's clock) after which the picture is flagged STALE.
    static let staleAfter = 5.0

    static func draw(_ picture: Picture, into screen: inout Screen, row: Int, width: Int) {
        var x = 0
        func part(_ text: String, _ style: Style = .plain) {
            guard x < width else { return }
            if x > 0 { x += screen.put(" │ ", column: x, row: row, style: Style(dim: true), limit: width - x) }
            x += screen.put(text, column: x, row: row, style: style, limit: width - x)
        }
        part(picture.time.map(Readouts.dateTime) ?? "no data yet", Style(bold: true))
        if let age = picture.dataAge, age >= staleAfter, !(picture.replay.map { $0.paused || $0.finished } ?? false) {
            part("STALE " + Readouts.age(age), .alarm)
        }
        if let replay = picture.replay {
            var text = "REPLAY " + (replay.position.map(Readouts.clock) ?? "--:--:--") + " " + Readouts.speed(replay.speed)
            if replay.finished { text += " END" }
            part(text, Style(colour: .cyan, bold: true))
            if replay.paused { part("PAUSED", Style(colour: .yellow, bold: true, inverse: true)) }
        }
        for s in picture.sources {
            let style: Style = switch s.state {
            case "connected": .plain
            case "lost", "stopped": .alarm
            default: Style(colour: .yellow, bold: true)
            }
            part(ScreenText.clean(s.name) + " " + ScreenText.clean(s.state) + " " + Readouts.number(s.plotsPerSecond, 0) + "/s drops "
                 + String(s.drops) + " errors " + String(s.decodeErrors), style)
        }
        for o in picture.outputs { part("→ " + ScreenText.clean(o)) }
        if picture.refusedTracks > 0 { part("table full: \(picture.refusedTracks) refused", .alarm) }
    }
}
