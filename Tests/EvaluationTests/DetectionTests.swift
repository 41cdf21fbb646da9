import Foundation
import Surveillance
import Testing
@testable import Evaluation

/// Alerts scored against the truth's labels, on a session written by hand so every answer is
/// known by construction: flights standing at points 5–10 km apart (far beyond the 1 km cut-off,
/// so no track can be assigned to two of them), a plot on each every second, and tracks on them.
@Suite struct DetectionTests {
    /// - s1 (suspect) crosses the border at 80 s; track 1 follows it; alerted at 50 s.
    /// - s2 (suspect) takes off at 10 s and lands at 90 s; no track, no alert.
    /// - s3 (suspect) drops its load at 70 s; track 6 follows it from 41 s; alerted at 75 s, late.
    /// - a (normal airliner, no role): track 6 follows it up to 40 s; alerted at 20 s.
    /// - n (hard negative): track 2 follows it; alerted at 30 s.
    /// - track 4 follows nothing (a false track); alerted at 40 s.
    static func session() throws -> (Scripted, [Alert]) {
        var s = Scripted()
        s.flight("s1", x: 0, y: 0, seconds: 0...100, label: "suspect:low-level-border-approach",
                 events: [80: ["border_crossing_north"]])
        s.flight("s2", x: 0, y: 10_000, seconds: 0...100, label: "suspect:clandestine-landing",
                 events: [10: ["take_off"], 90: ["landing"]])
        s.flight("s3", x: 10_000, y: 10_000, seconds: 0...100, label: "suspect:ultralight-incursion",
                 events: [70: ["drop"], 85: ["border_crossing_north"]])
        s.flight("a", x: 0, y: -5000, seconds: 0...100)
        s.flight("n", x: 5000, y: 0, seconds: 0...100, role: "hard-negative:crop-duster")
        for (x, y) in [(0.0, 0.0), (0, 10_000), (10_000, 10_000), (0, -5000), (5000, 0)] {
            s.plotsAt(x: x, y: y, seconds: 0...100)
        }
        s.track(1, x: 0, y: 0, seconds: 0...100)
        s.track(2, x: 5000, y: 0, seconds: 0...100)
        s.track(4, x: 20_000, y: 20_000, seconds: 10...60)
        // One life of track 6: on a, then on s3 (its first time stays that of its first plot).
        s.track(6, x: 0, y: -5000, seconds: 0...40)
        s.track(6, x: 10_000, y: 10_000, seconds: 41...100, firstTime: Scripted.start)
        let alerts = [
            try s.alert(track: 6, at: 20, class: "transponder-off"),
            try s.alert(track: 2, at: 30, class: "loiter-drop"),
            try s.alert(track: 4, at: 40),
            try s.alert(track: 1, at: 50),
            // Not a new alert: an update of track 1's.
            try s.alert(.updated, track: 1, at: 60, raisedAt: 50),
            try s.alert(track: 6, at: 75, class: "ultralight-incursion"),
        ]
        return (s, alerts)
    }

    @Test func eachSuspectSaysWhetherAndHowEarlyItWasAlerted() throws {
        let (s, alerts) = try Self.session()
        let d = try #require(try s.evaluate(alerts: alerts).detection)
        #expect(d.suspects.map(\.id) == ["s1", "s2", "s3"])
        let s1 = d.suspects[0], s2 = d.suspects[1], s3 = d.suspects[2]
        #expect(s1.label == "suspect:low-level-border-approach")
        #expect(s1.alerts == 1 && s1.firstAlert == 50 && s1.firstClass == "low-level-border-approach")
        #expect(s1.event == "border_crossing_north" && s1.eventTime == 80 && s1.lead == 30)
        // The take-off is not what an alert must precede; the landing is.
        #expect(s2.alerts == 0 && s2.firstAlert == nil && s2.lead == nil)
        #expect(s2.event == "landing" && s2.eventTime == 90)
        // The first of drop and crossing counts; an alert after it has a negative lead.
        #expect(s3.alerts == 1 && s3.firstAlert == 75 && s3.firstClass == "ultralight-incursion")
        #expect(s3.event == "drop" && s3.eventTime == 70 && s3.lead == -5)
    }

    @Test func alertsOnNormalFlightsAreFalseAndThoseOnNoFlightAreCountedApart() throws {
        let (s, alerts) = try Self.session()
        let d = try #require(try s.evaluate(alerts: alerts).detection)
        // Track 6's first alert came while it followed the airliner, its second while on s3.
        #expect(d.alerts.map(\.flight) == ["a", "n", nil, "s1", "s3"])
        #expect(d.alerts.map(\.t) == [20, 30, 40, 50, 75])
        #expect(d.suspectAlerts == 2 && d.falseAlerts == 2 && d.unmatchedAlerts == 1)
        // The hard negative is listed by its role; the airliner because it drew an alert.
        #expect(d.normals == [
            .init(id: "a", role: nil, alerts: 1, firstAlert: 20, firstClass: "transponder-off"),
            .init(id: "n", role: "hard-negative:crop-duster", alerts: 1, firstAlert: 30, firstClass: "loiter-drop"),
        ])
        // Two normal flights detectable for 101 one-second instants each.
        #expect(abs(d.normalFlightHours - 202.0 / 3600) < 1e-12)
        #expect(abs(try #require(d.falseAlertsPerFlightHour) - 2 / (202.0 / 3600)) < 1e-9)
        // Flights alerted: s1, s3 (suspect), a, n (normal). Suspects: 2 of 3.
        #expect(d.precision == 0.5)
        #expect(abs(try #require(d.recall) - 2.0 / 3) < 1e-12)
    }

    @Test func noAlertsGivenMeansNoDetectionPart() throws {
        let (s, _) = try Self.session()
        #expect(try s.evaluate().detection == nil)
        // Alerts given but none raised: every suspect missed, nothing false, no precision to speak of.
        let d = try #require(try s.evaluate(alerts: [], rulesOff: ["no terrain"]).detection)
        #expect(d.suspects.allSatisfy { $0.alerts == 0 } && d.recall == 0 && d.precision == nil)
        #expect(d.falseAlertsPerFlightHour == 0 && d.rulesOff == ["no terrain"])
    }

    @Test func theJSONCarriesTheDetectionForTools() throws {
        let (s, alerts) = try Self.session()
        let report = try s.evaluate(alerts: alerts, rulesOff: ["no terrain: low level is off"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(report.json())) as? [String: Any])
        let d = try #require(object["detection"] as? [String: Any])
        #expect(d["alerts_raised"] as? Int == 5)
        #expect(d["suspect_alerts"] as? Int == 2 && d["false_alerts"] as? Int == 2 && d["unmatched_alerts"] as? Int == 1)
        #expect(d["rules_off"] as? [String] == ["no terrain: low level is off"])
        let suspects = try #require(d["suspects"] as? [[String: Any]])
        #expect(suspects.map { $0["id"] as? String } == ["s1", "s2", "s3"])
        #expect(suspects[2]["lead"] as? Double == -5 && suspects[2]["event"] as? String == "drop")
        // Unknown values are absent, as elsewhere in the report.
        #expect(suspects[1]["lead"] == nil && suspects[1]["first_alert"] == nil)
        let normals = try #require(d["normal_flights"] as? [[String: Any]])
        #expect(normals.map { $0["role"] as? String } == [nil, "hard-negative:crop-duster"])
        let raised = try #require(d["alerts"] as? [[String: Any]])
        #expect(raised.map { $0["class"] as? String } == ["transponder-off", "loiter-drop", "low-level-border-approach",
                                                          "low-level-border-approach", "ultralight-incursion"])
        #expect(raised[2]["flight"] == nil && raised[3]["label"] as? String == "suspect:low-level-border-approach")
        // And the table for people names every suspect with its event and lead.
        let lines = report.text().split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("detection: 2 of 3 suspect flights alerted") })
        #expect(lines.contains { $0.hasPrefix("s3 ") && $0.contains("ultralight-incursion") && $0.contains("drop") && $0.hasSuffix("-5.0 s") })
        #expect(lines.contains { $0.hasPrefix("n ") && $0.contains("hard-negative:crop-duster") && $0.contains("loiter-drop") })
    }
}
