import Testing

/// Issue 5's targets on the shipped sessions, judged by what the operator sees: the alerts that
/// `replay`'s alert path raises (`SessionAlerts`), with the session's own ground and without any.
@Suite struct NightSessionProfileTests {
    @Test(arguments: [true, false])
    func everySuspectAlertedAndFewFalseAlerts(terrain: Bool) throws {
        let run = try SessionAlerts("northern-border-night", terrain: terrain)
        print(run.report("northern-border-night, \(terrain ? "with the session's ground" : "without terrain")"))
        for f in run.suspects {
            // Alerted before its border crossing, landing or drop (every suspect here is seen before it),
            // and at some point under the class of its profile.
            #expect((f.lead ?? -1) > 0, "\(f.id): first alert \(f.firstAlert.map { "at \(Int($0)) s" } ?? "never"), \(f.event?.name ?? "") at \(Int(f.event?.time ?? 0)) s")
            let profile = String(f.label.dropFirst("suspect:".count))
            #expect(f.classes.values.contains { $0.contains(profile) }, "\(f.id) never classed \(profile)")
        }
        #expect(Double(run.falseAlerts.count) <= run.normalFlightHours / 10)
    }

    @Test(arguments: ["smoke", "demo"])
    func noFalseAlertsOnTheSmallSessions(name: String) throws {
        let run = try SessionAlerts(name, terrain: true)
        print(run.report(name))
        #expect(run.falseAlerts.isEmpty)
    }
}
