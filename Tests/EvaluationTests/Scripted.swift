import Geodesy
import Surveillance
import Testing
@testable import Evaluation

/// A small session written by hand in a plane: flights standing at fixed points, plots and track
/// updates placed on them, so every expected number can be worked out on paper.
struct Scripted {
    static let centre = GeodeticPosition(latitude: 31.3, longitude: -110.9)
    static let plane = try! StereographicPlane(centre: centre)
    /// UTC seconds of session second 0.
    static let start = 1_780_000_000.0

    var truthLines: [String] = []
    var tracks: [SystemTrack] = []
    var plots: [PlotSighting] = []

    static func geodetic(_ x: Double, _ y: Double) -> GeodeticPosition {
        plane.geodetic(from: PlanePoint(x: x, y: y))
    }

    /// One truth sample per second over `seconds`, with the label, role and events (by second) given.
    mutating func flight(_ id: String, x: Double, y: Double, seconds: ClosedRange<Int>, label: String = "normal",
                         role: String? = nil, events: [Int: [String]] = [:]) {
        let g = Self.geodetic(x, y)
        let roleKey = role.map { #","role":"\#($0)""# } ?? ""
        for t in seconds {
            let eventsKey = events[t].map { #","events":[\#($0.map { "\"\($0)\"" }.joined(separator: ","))]"# } ?? ""
            truthLines.append(#"{"t":\#(t).0,"id":"\#(id)","label":"\#(label)"\#(roleKey),"lat":\#(g.latitude),"lon":\#(g.longitude),"alt_m":3000.0,"agl_m":null,"speed_mps":0.0,"heading_deg":0.0,"vrate_mps":0.0,"transponder":true,"on_ground":false\#(eventsKey)}"#)
        }
    }

    /// One plot a second at a point (session seconds).
    mutating func plotsAt(x: Double, y: Double, seconds: ClosedRange<Int>) {
        let g = Self.geodetic(x, y)
        for t in seconds {
            plots.append(PlotSighting(time: Self.start + Double(t), latitude: g.latitude, longitude: g.longitude))
        }
    }

    /// One update a second of track `number` standing at a point; the last one ends it if asked.
    mutating func track(_ number: UInt16, x: Double, y: Double, seconds: ClosedRange<Int>,
                        stage: SystemTrack.Stage = .confirmed, firstTime: Double? = nil, endsAtLast: Bool = false) {
        let g = Self.geodetic(x, y)
        for t in seconds {
            tracks.append(SystemTrack(
                number: number, time: Self.start + Double(t), stage: stage, source: .ssr,
                latitude: g.latitude, longitude: g.longitude, x: x, y: y, vx: 0, vy: 0,
                covariance: Covariance2(xx: 100, xy: 0, yy: 100), altitude: 3000, verticalRate: 0,
                flightLevel: nil, mode3A: nil, address: nil, callsign: nil, manoeuvring: false,
                firstTime: firstTime ?? Self.start + Double(seconds.lowerBound), updates: 1,
                lastSensor: SensorID(sac: 1, sic: 1), ended: endsAtLast && t == seconds.upperBound))
        }
    }

    func truth() throws -> Truth {
        try Truth(bytes: Array(truthLines.joined(separator: "\n").utf8), start: Self.start)
    }

    func evaluate(alerts: [Alert]? = nil, rulesOff: [String] = [],
                  _ configure: (inout EvaluationSettings) -> Void = { _ in }) throws -> EvaluationReport {
        var settings = EvaluationSettings()
        settings.centre = Self.centre
        configure(&settings)
        return try Evaluator.evaluate(truth: truth(), tracks: tracks, plots: plots, alerts: alerts, rulesOff: rulesOff,
                                      settings: settings)
    }

    /// An alert state change of track `number` at session second `t`, carrying its update there.
    func alert(_ state: Alert.State = .raised, track number: UInt16, at t: Int, raisedAt raised: Int? = nil,
               class classification: String = "low-level-border-approach") throws -> Alert {
        let time = Self.start + Double(t)
        let update = try #require(tracks.first { $0.number == number && $0.time == time })
        let raisedTime = Self.start + Double(raised ?? t)
        return Alert(id: Alert.id(track: number, raisedTime: raisedTime), state: state, time: time, raisedTime: raisedTime,
                     classification: classification, score: 0.9, reasons: ["PSR-only"], acknowledged: false, track: update)
    }
}
