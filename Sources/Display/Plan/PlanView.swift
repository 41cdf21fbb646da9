import Surveillance
#if canImport(Glibc)
import Glibc
#endif

/// The plan view: north up on a Braille canvas, centred on the view's centre. Under the tracks:
/// range rings around the map's centre (labelled in km), the coverage floor (dotted), restricted
/// areas, the border, radar sites (`R`), airports (`A`) and strips (`=`). Each track: its history
/// dots, a leader line to where it will be in a minute, and a symbol for its source and stage
/// (`TrackSymbol`); the selected track is boxed `[ ]`; suspects are red and inverse, with their number.
enum PlanView {
    static let leaderSeconds = 60.0
    /// At most this many rings, however far out one zooms.
    static let maximumRings = 40
    /// Marks a cell of the label layer nothing was written to.
    private static let unwritten: Unicode.Scalar = "\u{0}"

    static func draw(_ picture: Picture, view: ViewState, into screen: inout Screen, in r: Rect) {
        guard r.width > 0, r.height > 0 else { return }
        let map = picture.map
        let projection = Projection(centre: view.centre ?? map.centre, metresPerDot: view.scale,
                                    originX: Double(r.width), originY: Double(r.height * 2))
        var canvas = BrailleCanvas(columns: r.width, rows: r.height)
        let ringStep = ringSpacing(metresPerDot: view.scale, columns: r.width, rows: r.height)
        let rings = ringCount(projection, around: map.centre, step: ringStep, canvas: canvas)
        let ringStyle = Style(colour: .blue, dim: true)
        for k in stride(from: 1, through: rings, by: 1) { circle(&canvas, projection, map.centre, radius: Double(k) * ringStep, ringStyle) }
        for outline in map.coverageFloor { polyline(&canvas, projection, outline, Style(colour: .green, dim: true), closed: true, every: 3) }
        for area in map.restricted { polyline(&canvas, projection, area, Style(colour: .magenta), closed: true) }
        for line in map.border { polyline(&canvas, projection, line, Style(colour: .yellow), closed: false) }
        let order = TrackTable.order(picture, alertsFirst: true).reversed() // suspects drawn last, on top
        for entry in order {
            let style = TrackSymbol.style(entry.track)
            var dotStyle = style
            dotStyle.inverse = false
            for dot in entry.history {
                let d = projection.dot(dot)
                canvas.set(d.x, d.y, dotStyle)
            }
            let t = entry.track
            let ahead = t.groundSpeed * leaderSeconds
            let from = projection.dot(t.latitude, t.longitude)
            let heading = t.heading * Double.pi / 180
            let to = (x: from.x + ahead * sin(heading) / view.scale, y: from.y - ahead * cos(heading) / view.scale)
            canvas.line(from: from, to: to, dotStyle)
        }
        canvas.draw(into: &screen, column: r.column, row: r.row)

        // Marks and labels, clipped to the pane, then copied over the canvas (blanks in labels too).
        var clipped = Screen(width: r.width, height: r.height)
        clipped.fill(column: 0, row: 0, width: r.width, height: r.height, with: Cell(Self.unwritten))
        let centre = projection.dot(map.centre)
        for k in stride(from: 1, through: rings, by: 1) {
            // At the ring's north crossing; in a low pane where that is off the top, its east crossing.
            let radius = Double(k) * ringStep / view.scale
            let north = (x: centre.x, y: centre.y - radius)
            let label = ringLabel(Double(k) * ringStep)
            if north.y >= 0 { put(&clipped, label, x: north.x, y: north.y, dx: 1, ringStyle) }
            else { put(&clipped, label, x: centre.x + radius, y: centre.y, dx: 1, ringStyle) }
        }
        for place in map.places {
            let p = projection.dot(place.position)
            put(&clipped, String(symbol(place.kind)), x: p.x, y: p.y, dx: 0, Style(colour: .cyan, bold: true))
        }
        for entry in order {
            let t = entry.track
            let p = projection.dot(t.latitude, t.longitude)
            let style = TrackSymbol.style(t)
            put(&clipped, String(TrackSymbol.character(t)), x: p.x, y: p.y, dx: 0, style)
            let selected = t.number == view.selected
            if selected {
                let box = Style(colour: .cyan, bold: true)
                put(&clipped, "[", x: p.x, y: p.y, dx: -1, box)
                put(&clipped, "]", x: p.x, y: p.y, dx: 1, box)
            }
            if selected || TrackTable.isSuspect(t) {
                put(&clipped, " " + String(t.number), x: p.x, y: p.y, dx: selected ? 2 : 1, style)
            }
        }
        for row in 0..<r.height {
            for column in 0..<r.width where clipped[column, row].character != Self.unwritten {
                screen[r.column + column, r.row + row] = clipped[column, row]
            }
        }
    }

    /// Text at the cell of a dot, `dx` cells to its right.
    private static func put(_ screen: inout Screen, _ text: String, x: Double, y: Double, dx: Int, _ style: Style) {
        guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else { return }
        let column = (BrailleCanvas.index(x) >> 1) + dx, row = BrailleCanvas.index(y) >> 2 // floor, also left of and above the pane
        screen.put(text, column: column, row: row, style: style)
    }

    static func symbol(_ kind: DisplayMap.Place.Kind) -> Character {
        switch kind {
        case .radar: "R"
        case .airport: "A"
        case .strip: "="
        }
    }

    /// 1, 2 or 5 × a power of ten km, the largest that puts about three rings between the
    /// centre and the farther edge (the nearer would crowd a wide, low pane with rings).
    static func ringSpacing(metresPerDot: Double, columns: Int, rows: Int) -> Double {
        let radius = Double(max(columns * 2, rows * 4)) / 2 * metresPerDot
        let wanted = max(radius / 3, 1)
        var step = 1000.0
        while step * 10 <= wanted { step *= 10 }
        while step > wanted && step > 100 { step /= 10 }
        for m in [5.0, 2.0, 1.0] where step * m <= wanted { return step * m }
        return step
    }

    static func ringLabel(_ metres: Double) -> String {
        let km = metres / 1000
        return (km == km.rounded() ? String(Int(km)) : fixed(km, 1)) + "km"
    }

    /// Enough rings to reach the view's farthest corner from the map's centre.
    private static func ringCount(_ p: Projection, around centre: DisplayMap.Point, step: Double, canvas: BrailleCanvas) -> Int {
        let c = p.dot(centre)
        let corners = [(0.0, 0.0), (Double(canvas.widthInDots), 0.0), (0.0, Double(canvas.heightInDots)),
                       (Double(canvas.widthInDots), Double(canvas.heightInDots))]
        let farthest = corners.map { ((($0.0 - c.x) * ($0.0 - c.x) + ($0.1 - c.y) * ($0.1 - c.y)).squareRoot()) }.max() ?? 0
        let rings = farthest * p.metresPerDot / step
        return rings.isFinite ? min(maximumRings, Int(min(rings, Double(maximumRings))) + 1) : 0
    }

    private static func circle(_ canvas: inout BrailleCanvas, _ p: Projection, _ centre: DisplayMap.Point, radius: Double, _ style: Style) {
        let c = p.dot(centre)
        let rDots = radius / p.metresPerDot
        let segments = max(24, min(360, Int(rDots)))
        var last = (x: c.x, y: c.y - rDots)
        for i in 1...segments {
            let a = Double(i) / Double(segments) * 2 * Double.pi
            let next = (x: c.x + rDots * sin(a), y: c.y - rDots * cos(a))
            canvas.line(from: last, to: next, style)
            last = next
        }
    }

    private static func polyline(_ canvas: inout BrailleCanvas, _ p: Projection, _ points: [DisplayMap.Point], _ style: Style,
                                 closed: Bool, every: Int = 1) {
        guard let first = points.first else { return }
        var last = p.dot(first)
        for point in points.dropFirst() {
            let next = p.dot(point)
            canvas.line(from: last, to: next, style, every: every)
            last = next
        }
        if closed, points.count > 2 { canvas.line(from: last, to: p.dot(first), style, every: every) }
    }
}
