import Surveillance

/// How a track looks on the plan view. The shape tells the source: `+ x *` a primary-only
/// (PSR) track, `O o @` a transponder (SSR or Mode S) track; within each, confirmed, tentative
/// and coasting. Tentative is dimmed, coasting yellow; a suspect is red and inverse whatever it is.
enum TrackSymbol {
    static func character(_ t: DisplayTrack) -> Character {
        switch (t.source, t.stage) {
        case (.psrOnly, .confirmed): "+"
        case (.psrOnly, .tentative): "x"
        case (.psrOnly, .coasting): "*"
        case (_, .confirmed): "O"
        case (_, .tentative): "o"
        case (_, .coasting): "@"
        }
    }

    static func style(_ t: DisplayTrack) -> Style {
        if TrackTable.isSuspect(t) { return .alarm }
        switch t.stage {
        case .confirmed: return Style(colour: t.source == .psrOnly ? .white : .green, bold: true)
        case .tentative: return Style(colour: t.source == .psrOnly ? .white : .green, dim: true)
        case .coasting: return Style(colour: .yellow)
        }
    }
}
