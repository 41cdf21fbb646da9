import Surveillance

/// The track table: a row per track, stable-sorted by track number (or suspects first), the
/// selected row kept in view, suspect rows marked `!` and drawn red and inverse.
enum TrackTable {
    struct Column: Sendable {
        let title: String
        let width: Int
        let value: @Sendable (DisplayTrack, Picture) -> String
    }

    /// Left to right. When the pane is narrower than all of them, columns go in `dropOrder`.
    static let columns: [Column] = [
        Column(title: "TRK", width: 5) { t, _ in String(t.number) },
        Column(title: "SRC", width: 3) { t, _ in sourceName(t.source) },
        Column(title: "SQWK", width: 4) { t, _ in t.mode3A?.description ?? "" },
        Column(title: "CALLSIGN", width: 8) { t, _ in t.callsign?.description ?? "" },
        Column(title: "FL/ALT", width: 6) { t, _ in altitude(t) },
        Column(title: "AGL m", width: 5) { t, _ in t.heightAboveGround.map { Readouts.number($0, 0) } ?? "" },
        Column(title: "GS kt", width: 5) { t, _ in Readouts.number(t.groundSpeed * 3600 / 1852, 0) },
        Column(title: "HDG", width: 3) { t, _ in heading(t.heading) },
        Column(title: "BRD km", width: 6) { t, _ in t.borderDistance.map(kilometres) ?? "" },
        Column(title: "AGE", width: 5) { t, p in p.time.map { Readouts.age($0 - t.time) } ?? "" },
        Column(title: "SCORE", width: 5) { t, _ in t.score.map { Readouts.number($0, 2) } ?? "" },
        Column(title: "FLAGS", width: 5) { t, p in flags(t, p) },
    ]
    /// The least useful to an operator watching for low, unidentified flights go first.
    static let dropOrder = ["HDG", "AGE", "GS kt", "SRC", "AGL m", "SQWK", "CALLSIGN", "FL/ALT", "BRD km"]
    /// Two marker columns before the first: `>` the selected row, `!` a suspect.
    static let markerWidth = 2

    /// The tracks in table order.
    static func order(_ picture: Picture, alertsFirst: Bool) -> [Picture.Entry] {
        picture.tracks.values.sorted { a, b in
            if alertsFirst, isSuspect(a.track) != isSuspect(b.track) { return isSuspect(a.track) }
            return a.track.number < b.track.number
        }
    }

    static func isSuspect(_ t: DisplayTrack) -> Bool { t.score != nil }

    /// The columns that fit in `width`.
    static func fitting(_ width: Int) -> [Column] {
        var shown = columns
        var dropping = dropOrder[...]
        while total(shown) > width, let next = dropping.popFirst() {
            shown.removeAll { $0.title == next }
        }
        return shown
    }

    static func total(_ columns: [Column]) -> Int {
        markerWidth + columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
    }

    /// Draws the header and as many rows as fit, scrolling `view.tableTop` to keep the selected row visible.
    static func draw(_ picture: Picture, view: inout ViewState, into screen: inout Screen, in r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        let shown = fitting(r.width)
        var x = r.column + markerWidth
        for c in shown {
            screen.put(pad(c.title, c.width, right: c.title != "CALLSIGN" && c.title != "FLAGS"), column: x, row: r.row,
                       style: Style(bold: true), limit: min(c.width, r.column + r.width - x))
            x += c.width + 1
        }
        let rows = order(picture, alertsFirst: view.alertsFirst)
        let visible = r.height - 1
        if let s = view.selected, let i = rows.firstIndex(where: { $0.track.number == s }) {
            if i < view.tableTop { view.tableTop = i }
            if i >= view.tableTop + visible { view.tableTop = i - visible + 1 }
        }
        view.tableTop = max(0, min(view.tableTop, rows.count - visible))
        for (k, entry) in rows.dropFirst(view.tableTop).prefix(max(0, visible)).enumerated() {
            let t = entry.track
            let row = r.row + 1 + k
            let selected = t.number == view.selected
            let style = rowStyle(t, selected: selected)
            screen.put((selected ? ">" : " ") + (isSuspect(t) ? "!" : " "), column: r.column, row: row, style: style)
            var x = r.column + markerWidth
            for c in shown {
                let text = pad(c.value(t, picture), c.width, right: c.title != "CALLSIGN" && c.title != "FLAGS")
                screen.put(text, column: x, row: row, style: style, limit: min(c.width, r.column + r.width - x))
                x += c.width
                if x < r.column + r.width { screen.put(" ", column: x, row: row, style: style) }
                x += 1
            }
        }
    }

    static func rowStyle(_ t: DisplayTrack, selected: Bool) -> Style {
        if isSuspect(t) { return .alarm }
        if t.mode3A?.isEmergency == true { return Style(colour: .red, bold: true) }
        var s = Style(bold: selected, dim: t.stage == .tentative)
        if selected { s.colour = .cyan }
        return s
    }

    /// Cut to the column, then padded to it (numbers to the right).
    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let cut = ScreenText.clean(s).prefix(width)
        let fill = String(repeating: " ", count: width - cut.count)
        return right ? fill + cut : cut + fill
    }

    static func sourceName(_ s: SystemTrack.Source) -> String {
        switch s {
        case .psrOnly: "PSR"
        case .ssr: "SSR"
        case .modeS: "MDS"
        }
    }

    /// `FL045` from the transponder, else the measured altitude `1250m`.
    static func altitude(_ t: DisplayTrack) -> String {
        if let fl = t.flightLevel {
            guard fl.isFinite, abs(fl) < 1000 else { return "-" }
            let v = Int(fl.rounded())
            let digits = String(abs(v))
            return (v < 0 ? "FL-" : "FL") + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        }
        return t.altitude.map { Readouts.number($0, 0) + "m" } ?? ""
    }

    static func heading(_ degrees: Double) -> String {
        guard degrees.isFinite, degrees >= 0, degrees < 360 else { return "-" }
        let v = Int(degrees.rounded()) % 360
        let s = String(v)
        return String(repeating: "0", count: 3 - s.count) + s
    }

    static func kilometres(_ metres: Double) -> String {
        let km = metres / 1000
        return Readouts.number(km, abs(km) < 100 ? 1 : 0)
    }

    /// C coasting, T tentative, H/R/E squawking 7500 hijack / 7600 radio failure / 7700
    /// emergency, A its alert acknowledged.
    static func flags(_ t: DisplayTrack, _ p: Picture) -> String {
        var s = ""
        if t.stage == .coasting { s += "C" }
        if t.stage == .tentative { s += "T" }
        switch t.mode3A?.code {
        case 0o7500: s += "H"
        case 0o7600: s += "R"
        case 0o7700: s += "E"
        default: break
        }
        if p.activeAlert(track: t.number)?.acknowledged == true { s += "A" }
        return s
    }
}
