import Asterix
import Foundation
import Geodesy
import Pipeline
import Recording
import Simulation
import Surveillance
import Testing
import Tracking
@testable import Profiling

/// The real tracker over the shipped night session, every update assessed with the shipped zones
/// and the session's own ground; per truth flight, the highest score of the tracks near it.
@Suite struct NightSessionProfileTests {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings").path

    /// What `centinela replay` does, with the tracker's defaults.
    static func trackUpdates() throws -> [SystemTrack] {
        var reader = try RecordingFile.open(path: base + "/northern-border-night.pcap")
        var run = TrackingRun(settings: TrackerSettings())
        var updates: [SystemTrack] = []
        while let frame = try reader.next() { run.process(frame, into: &updates) }
        return updates
    }

    struct TruthPoint { var id: String; var lat: Double; var lon: Double }

    @Test func suspectsScoreAboveTheThresholdAndTrafficBelow() throws {
        let scenario = try Scenario(json: try RecordingFile.load(path: Self.base + "/northern-border-night.scenario.json"))
        let session = try scenario.session(seed: 1)
        let zones = try Zones(geoJSON: try RecordingFile.load(path: Self.base + "/northern-border.zones.geojson"))
        let settings = ProfileSettings()
        var classifier = ProfileClassifier(context: ProfileContext(zones: zones, ground: session.ground), settings: settings)

        // Truth by whole session second; labels and border crossings by flight.
        let text = String(decoding: try RecordingFile.load(path: Self.base + "/northern-border-night.truth.jsonl.gz"), as: UTF8.self)
        var bySecond: [Int: [TruthPoint]] = [:]
        var label: [String: String] = [:], crossing: [String: Double] = [:]
        for raw in text.split(separator: "\n").dropFirst() {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
            let id = try #require(o["id"] as? String), t = try #require(o["t"] as? Double)
            label[id] = (o["role"] as? String) ?? (o["label"] as? String)
            if (o["events"] as? [String])?.contains("border_crossing_north") == true, crossing[id] == nil { crossing[id] = t }
            bySecond[Int(t), default: []].append(TruthPoint(id: id, lat: try #require(o["lat"] as? Double), lon: try #require(o["lon"] as? Double)))
        }

        // Per flight: the highest score near it, its class and words, and the first time above the threshold.
        struct Best { var score = 0.0; var profile: ProfileClass?; var summary = ""; var firstAlert: Double? }
        var best: [String: Best] = [:]
        for u in try Self.trackUpdates() {
            let a = classifier.assess(u)
            let second = Int((u.time - session.start).rounded())
            let here = Zones.Point(latitude: u.latitude, longitude: u.longitude)
            // The flight nearest the track, within 3 km.
            guard let near = bySecond[second]?.map({ ($0.id, Zones.distance(here, Zones.Point(latitude: $0.lat, longitude: $0.lon))) })
                .min(by: { $0.1 < $1.1 }), near.1 < 3_000 else { continue }
            var b = best[near.0] ?? Best()
            if a.score > b.score { (b.score, b.profile, b.summary) = (a.score, a.profile, a.summary) }
            if a.score >= settings.alertThreshold, b.firstAlert == nil { b.firstAlert = u.time - session.start }
            best[near.0] = b
        }

        var suspects = 0, suspectsAlerted = 0, normal = 0, normalAlerted = 0
        print("flight          label                                  best  class                      first alert  vs crossing  reasons")
        for (id, b) in best.sorted(by: { ($0.value.score, $0.key) > ($1.value.score, $1.key) }) {
            let l = label[id] ?? "?"
            let alerted = b.score >= settings.alertThreshold
            if l.hasPrefix("suspect:") { suspects += 1; if alerted { suspectsAlerted += 1 } } else { normal += 1; if alerted { normalAlerted += 1 } }
            guard l != "normal" || alerted else { continue }  // print labelled flights, and any normal one that alerted
            let first = b.firstAlert.map { "\(Int($0)) s" } ?? "-"
            let lead = zip(b.firstAlert, crossing[id]).map { "\(Int($0.1 - $0.0)) s before" } ?? "-"
            print([id.padding(toLength: 15, withPad: " ", startingAt: 0), l.padding(toLength: 38, withPad: " ", startingAt: 0),
                   String(Int(b.score * 100)).padding(toLength: 4, withPad: " ", startingAt: 0) + " ",
                   (b.profile?.rawValue ?? "-").padding(toLength: 26, withPad: " ", startingAt: 0), first.padding(toLength: 12, withPad: " ", startingAt: 0),
                   lead.padding(toLength: 12, withPad: " ", startingAt: 0), b.summary].joined(separator: " "))
        }
        print("suspects alerted \(suspectsAlerted)/\(suspects); normal flights seen \(normal), alerted \(normalAlerted)")
        #expect(suspectsAlerted * 2 > suspects)
        #expect(normalAlerted * 10 < normal)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
