import Foundation
import Testing

/// `centinela evaluate --zones` on the shipped night session: what a person reading the detection
/// report relies on, whatever the classifier's quality is this week.
@Suite struct EvaluateDetectionTests {
    static let night = Centinela.packageRoot + "/recordings/northern-border-night"

    @Test func theNightReportListsEverySuspectWithItsEventAndTheCountsAddUp() throws {
        let r = try Centinela.run([
            "evaluate", Self.night + ".pcap", "--truth", Self.night + ".truth.jsonl.gz",
            "--noise", "50/1=116,0.18", "--noise", "50/2=60,0.1", "--noise", "50/3=100,0.15",
            "--zones", Centinela.packageRoot + "/recordings/northern-border.zones.geojson", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let d = try #require(report["detection"] as? [String: Any])

        // Every labelled flight of the scenario file, suspects with their labels, hard negatives
        // with their roles.
        let scenario = try #require(JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Self.night + ".scenario.json"))) as? [String: Any])
        let listed = try #require(scenario["flights"] as? [[String: Any]])
        let suspectLabels = Dictionary(uniqueKeysWithValues: listed.compactMap { f -> (String, String)? in
            guard let id = f["id"] as? String, let label = f["label"] as? String, label.hasPrefix("suspect:") else { return nil }
            return (id, label)
        })
        let roles = Dictionary(uniqueKeysWithValues: listed.compactMap { f -> (String, String)? in
            guard let id = f["id"] as? String, let role = f["role"] as? String else { return nil }
            return (id, role)
        })
        #expect(suspectLabels.count == 6 && roles.count == 7)
        let suspects = try #require(d["suspects"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: suspects.map { ($0["id"] as? String ?? "", $0["label"] as? String ?? "") }) == suspectLabels)
        let normals = try #require(d["normal_flights"] as? [[String: Any]])
        for (id, role) in roles {
            #expect(normals.contains { $0["id"] as? String == id && $0["role"] as? String == role }, "\(id)")
        }

        // What each alert had to come before, from the session's timeline (recordings/README.md).
        let events: [String: (String, Double)] = [
            "ultralight-1": ("border_crossing_north", 203), "twin-1": ("border_crossing_north", 727),
            "strip-1": ("landing", 806), "xpdr-off-1": ("border_crossing_north", 1000),
            "twin-2": ("border_crossing_north", 1078), "skip-1": ("border_crossing_north", 1617),
        ]
        for s in suspects {
            let id = s["id"] as? String ?? ""
            #expect(s["event"] as? String == events[id]?.0 && s["event_time"] as? Double == events[id]?.1, "\(id)")
            if let first = s["first_alert"] as? Double {
                #expect(abs((s["lead"] as? Double ?? .nan) - ((events[id]?.1 ?? .nan) - first)) < 1e-9, "\(id)")
                #expect((s["alerts"] as? Int ?? 0) > 0 && s["first_class"] is String, "\(id)")
            } else {
                #expect(s["alerts"] as? Int == 0 && s["lead"] == nil, "\(id)")
            }
        }

        // The counts add up: every alert raised is on a suspect, a normal flight, or none.
        let alerts = try #require(d["alerts"] as? [[String: Any]])
        let onSuspects = try #require(d["suspect_alerts"] as? Int), falseAlerts = try #require(d["false_alerts"] as? Int)
        let unmatched = try #require(d["unmatched_alerts"] as? Int)
        #expect(d["alerts_raised"] as? Int == alerts.count && alerts.count == onSuspects + falseAlerts + unmatched)
        #expect(suspects.reduce(0) { $0 + ($1["alerts"] as? Int ?? 0) } == onSuspects)
        #expect(normals.reduce(0) { $0 + ($1["alerts"] as? Int ?? 0) } == falseAlerts)
        #expect(alerts.count { ($0["label"] as? String)?.hasPrefix("suspect:") == true } == onSuspects)
        #expect(alerts.count { $0["flight"] == nil } == unmatched)
        let alerted = suspects.count { ($0["alerts"] as? Int ?? 0) > 0 }
        #expect(abs((d["recall"] as? Double ?? .nan) - Double(alerted) / 6) < 1e-12)
        let hours = try #require(d["normal_flight_hours"] as? Double)
        // Over a hundred airliners and light aircraft in 30 minutes: tens of flight-hours.
        #expect(hours > 10 && hours < 100)
        #expect(abs((d["false_alerts_per_flight_hour"] as? Double ?? .nan) - Double(falseAlerts) / hours) < 1e-9)
        // No --terrain: the report says which rules were off.
        #expect((d["rules_off"] as? [String] ?? []).contains { $0.hasPrefix("no terrain") })
    }

    @Test func evaluateDoesNotSendAlerts() throws {
        let r = try Centinela.run(["evaluate", Self.night + ".pcap", "--truth", Self.night + ".truth.jsonl.gz",
                                   "--zones", Centinela.packageRoot + "/recordings/northern-border.zones.geojson",
                                   "--alerts", "udp://127.0.0.1:9"])
        #expect(r.status == 2 && r.stderr.contains("--alerts"), "\(r.stderr)")
    }
}
