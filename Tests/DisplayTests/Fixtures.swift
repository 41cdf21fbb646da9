@testable import Display
import Surveillance

/// Pictures placed around a known centre, with positions given in metres from it.
enum Fixtures {
    static let centre = DisplayMap.Point(latitude: 31.0, longitude: -106.0)
    static let time = 1_780_000_000.0

    /// The position `north` and `east` metres from the centre, by the same flat-earth rule the
    /// display states (1° of latitude = 6 371 008.8 m × π/180; 1° of longitude that × cos latitude).
    static func point(north: Double, east: Double) -> DisplayMap.Point {
        let perDegree = 6_371_008.8 * Double.pi / 180
        return DisplayMap.Point(latitude: centre.latitude + north / perDegree,
                                longitude: centre.longitude + east / (perDegree * cosDegrees(centre.latitude)))
    }

    static func cosDegrees(_ d: Double) -> Double {
        // cos(31°), to 15 digits; written out so the fixture does not depend on the display's maths.
        d == 31.0 ? 0.857167300702112 : .nan
    }

    static func track(_ n: UInt16, north: Double = 0, east: Double = 0, source: SystemTrack.Source = .modeS,
                      stage: SystemTrack.Stage = .confirmed, speed: Double = 0, heading: Double = 0,
                      time: Double = Fixtures.time, callsign: String? = nil, squawk: String? = nil) -> DisplayTrack {
        let p = point(north: north, east: east)
        return DisplayTrack(number: n, time: time, stage: stage, source: source, latitude: p.latitude, longitude: p.longitude,
                            groundSpeed: speed, heading: heading, flightLevel: source == .psrOnly ? nil : 45,
                            altitude: source == .psrOnly ? 900 : nil, heightAboveGround: 150, borderDistance: 4_200,
                            mode3A: squawk.flatMap { Mode3A(octal: $0) }, callsign: callsign.flatMap { Callsign($0) })
    }

    static func alert(track: UInt16, id: String? = nil, at t: Double = Fixtures.time, state: Alert.State = .raised,
                      acknowledged: Bool = false, classification: String = "transponder-off",
                      reasons: [String] = ["PSR-only", "150 m above ground"]) -> DisplayAlert {
        DisplayAlert(id: id ?? "\(track)-\(Int(t))", state: state, time: t, raisedTime: t, classification: classification,
                     score: 0.9, reasons: reasons, acknowledged: acknowledged, track: track)
    }

    static func picture(_ tracks: [DisplayTrack] = [], alerts: [DisplayAlert] = [], map: DisplayMap? = nil) -> Picture {
        var p = Picture(map: map ?? DisplayMap(centre: centre))
        for t in tracks { p.apply(t) }
        for a in alerts { p.apply(a) }
        return p
    }

    /// The row of a screen whose text contains `text`.
    static func row(containing text: String, in screen: Screen) -> Int? {
        (0..<screen.height).first { screen.line($0).contains(text) }
    }
}

extension String {
    /// The cell column where `text` starts in a screen line (a cell holds one scalar).
    func column(of text: String) -> Int? {
        let hay = Array(unicodeScalars), needle = Array(text.unicodeScalars)
        guard needle.count <= hay.count else { return nil }
        return (0...(hay.count - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
    }
}
