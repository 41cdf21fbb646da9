import Foundation
import Geodesy
import Pipeline
import Recording
import Simulation
import Surveillance
import Tracking
@testable import Profiling

/// A shipped session run as `centinela replay` runs it: the real tracker frame by frame and the
/// alert path (`SuspectWatch`: classifier and alert lifecycle), each alert matched to the flight
/// of the session's truth nearest its track (within 3 km) when it was raised.
struct SessionAlerts {
    /// One truth flight as an operator would judge its alerts.
    struct Flight {
        var id: String
        /// `role` when the scenario gives one (hard negatives), else `label`.
        var label: String
        var suspect: Bool
        /// Session seconds in the air (on the ground there are no plots, nothing to alert on).
        var airborne = 0
        /// The first border crossing northbound, landing or drop, and when (session seconds): what
        /// an alert must come before.
        var event: (name: String, time: Double)?
        /// Ids of the alerts raised on it, first first.
        var alerts: [String] = []
        /// Session second of its first alert.
        var firstAlert: Double?
        /// The classes each of its alerts carried (by alert id), in order, each change once.
        var classes: [String: [String]] = [:]
        var reasonsAtRaise = ""
        /// Seconds from the first alert to `event`; negative when the alert came after it.
        var lead: Double? { firstAlert.flatMap { a in event.map { $0.time - a } } }
    }

    /// A raised alert on no suspect: on a normal flight, or on no flight at all.
    struct FalseAlert {
        var flight: String?
        var track: UInt16
        var time: Double
        var classification: String
        var reasons: String
    }

    static let recordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings").path

    private(set) var flights: [String: Flight] = [:]
    private(set) var falseAlerts: [FalseAlert] = []
    /// Hours in the air of the flights labelled `normal` (hard negatives included).
    private(set) var normalFlightHours = 0.0

    /// Runs `recordings/NAME.pcap` with the zones of the shipped sessions; the truth is the
    /// session's own (`recordings/NAME.scenario.json`, seed 1, the seed the recording was made with);
    /// `terrain` gives the classifier the session's ground, else none.
    init(_ name: String, terrain: Bool, profiles: ProfileSettings = ProfileSettings()) throws {
        let scenario = try Scenario(json: try RecordingFile.load(path: "\(Self.recordings)/\(name).scenario.json"))
        let session = try scenario.session(seed: 1)
        let zones = try Zones(geoJSON: try RecordingFile.load(path: Self.recordings + "/northern-border.zones.geojson"))

        // Truth by whole session second; label, airborne time and first telling event by flight.
        var bySecond: [Int: [(id: String, point: Zones.Point)]] = [:]
        for raw in session.truthLines().split(separator: UInt8(ascii: "\n")) {
            let o = try JSONSerialization.jsonObject(with: Data(raw)) as! [String: Any]
            let id = o["id"] as! String, t = o["t"] as! Double, label = o["label"] as! String
            var f = flights[id] ?? Flight(id: id, label: (o["role"] as? String) ?? label, suspect: label.hasPrefix("suspect:"))
            if o["on_ground"] as! Bool == false { f.airborne += 1 }
            if f.event == nil, let e = (o["events"] as? [String])?.first(where: { ["border_crossing_north", "landing", "drop"].contains($0) }) {
                f.event = (e, t)
            }
            flights[id] = f
            bySecond[Int(t), default: []].append((id, Zones.Point(latitude: o["lat"] as! Double, longitude: o["lon"] as! Double)))
        }
        normalFlightHours = Double(flights.values.filter { !$0.suspect }.map(\.airborne).reduce(0, +)) / 3600

        var reader = try RecordingFile.open(path: "\(Self.recordings)/\(name).pcap")
        var run = TrackingRun(settings: TrackerSettings())
        var watch = SuspectWatch(context: ProfileContext(zones: zones, ground: terrain ? session.ground : nil), profiles: profiles)!
        var updates: [SystemTrack] = [], changes: [Alert] = []
        var flightOfAlert: [String: String?] = [:]
        while let frame = try reader.next() {
            updates.removeAll(keepingCapacity: true)
            changes.removeAll(keepingCapacity: true)
            run.process(frame, into: &updates)
            watch.judge(updates, into: &changes)
            for a in changes {
                let t = a.track.time - session.start
                if a.state == .raised {
                    let here = Zones.Point(latitude: a.track.latitude, longitude: a.track.longitude)
                    let near = bySecond[Int(t.rounded())]?.map { ($0.id, Zones.distance(here, $0.point)) }.min { $0.1 < $1.1 }
                    let id = near.flatMap { $0.1 < 3_000 ? $0.0 : nil }
                    flightOfAlert[a.id] = id
                    if let id {
                        flights[id]!.alerts.append(a.id)
                        if flights[id]!.firstAlert == nil { (flights[id]!.firstAlert, flights[id]!.reasonsAtRaise) = (t, a.reasons.joined(separator: " · ")) }
                    }
                    if !(id.map { flights[$0]!.suspect } ?? false) {
                        falseAlerts.append(FalseAlert(flight: id, track: a.track.number, time: t, classification: a.classification,
                                                      reasons: a.reasons.joined(separator: " · ")))
                    }
                }
                if let id = flightOfAlert[a.id] ?? nil, flights[id]!.classes[a.id]?.last != a.classification {
                    flights[id]!.classes[a.id, default: []].append(a.classification)
                }
            }
        }
    }

    var suspects: [Flight] { flights.values.filter(\.suspect).sorted { $0.id < $1.id } }

    /// The table `swift test --filter NightSessionProfileTests` prints: every suspect and hard
    /// negative, then every false alert.
    func report(_ title: String) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count + 1), withPad: " ", startingAt: 0) }
        var lines = ["\(title)", pad("flight", 14) + pad("label", 36) + pad("alerts", 7) + pad("first alert", 12)
                     + pad("lead", 32) + pad("classes (each alert's, in turn)", 52) + "reasons at raise"]
        for f in flights.values.filter({ $0.suspect || $0.label.hasPrefix("hard-negative") }).sorted(by: { ($0.label, $0.id) < ($1.label, $1.id) }) {
            let lead = f.event.map { e in f.lead.map { "\(Int($0)) s before \(e.name) (\(Int(e.time)) s)" } ?? "\(e.name) at \(Int(e.time)) s" } ?? "-"
            lines.append(pad(f.id, 14) + pad(f.label, 36) + pad("\(f.alerts.count)", 7) + pad(f.firstAlert.map { "\(Int($0)) s" } ?? "-", 12)
                         + pad(lead, 32) + pad(f.alerts.map { f.classes[$0]!.joined(separator: " → ") }.joined(separator: "; "), 52)
                         + f.reasonsAtRaise)
        }
        let hours = (normalFlightHours * 100).rounded() / 100
        lines.append("suspects alerted \(suspects.count { !$0.alerts.isEmpty })/\(suspects.count); false alerts \(falseAlerts.count) in \(hours) flight-hours of normal traffic")
        for a in falseAlerts {
            lines.append("  false alert: \(a.flight ?? "no flight within 3 km") track \(a.track) at \(Int(a.time)) s \(a.classification): \(a.reasons)")
        }
        return lines.joined(separator: "\n")
    }
}
