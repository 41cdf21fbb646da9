import Surveillance

extension EvaluationReport {
    /// The report as text for people: the session in five lines, then a table of flights and one
    /// of the tracks worth a look (false, or switching between flights).
    public func text() -> String {
        let s = settings
        var out = ""
        if let first = instants.first, let last = instants.last {
            out += "instants: \(instants.count), t \(fixed(first.t, 1))–\(fixed(last.t, 1)) s every \(fixed(s.step, 2)) s\n"
        }
        out += "GOSPA (p \(fixed(s.p, 1)), c \(fixed(s.cutoff, 0)) m): mean \(fixed(meanGOSPA, 1)) m"
        out += "; parts (m^p) localisation \(fixed(meanLocalisation, 1)), missed \(fixed(meanMissedCost, 1)), false \(fixed(meanFalseCost, 1))\n"
        out += "OSPA: mean \(fixed(meanOSPA, 1)) m\n"
        let falseOf = "\(falseTracks) of \(tracks.count) confirmed"
        out += "completeness \(percent(completeness)); track breaks \(breaks); identity switches \(identitySwitches); false tracks \(falseOf)\n"
        out += "latency: median \(seconds(medianLatency)), max \(seconds(maxLatency)); never tracked \(neverTracked) of \(flights.count) flights\n"

        out += "\n"
        var rows = [["flight", "label", "detectable", "tracked", "complete", "breaks", "latency", "error", "tracks"]]
        for f in flights {
            rows.append([f.id, f.label, "\(f.detectableInstants)", "\(f.trackedInstants)", percent(f.completeness),
                         "\(f.breaks)", seconds(f.latency), f.meanError.map { "\(fixed($0, 0)) m" } ?? "–",
                         f.tracks.map(String.init).joined(separator: " ")])
        }
        out += table(rows, rightAligned: [2, 3, 4, 5, 6, 7])

        let notable = tracks.filter { $0.isFalse || $0.identitySwitches > 0 }
        if !notable.isEmpty {
            out += "\n"
            var rows = [["track", "first plot", "instants", "assigned", "switches", "false", "flights"]]
            for k in notable {
                rows.append(["\(k.number)", "\(fixed(k.firstTime - start, 1)) s", "\(k.instants)", "\(k.assignedInstants)",
                             "\(k.identitySwitches)", k.isFalse ? "yes" : "no", k.flights.joined(separator: " ")])
            }
            out += table(rows, rightAligned: [0, 1, 2, 3, 4])
        }
        if let detection { out += "\n" + detection.text() }
        return out
    }
}

extension EvaluationReport.Detection {
    /// The alerts against the labels: a summary, the suspects (alerted? how early?), the normal
    /// flights worth a look (hard negatives, false alerts).
    func text() -> String {
        let alerted = suspects.count { $0.alerts > 0 }
        var out = "detection: \(alerted) of \(suspects.count) suspect flights alerted (recall \(percent(recall))); "
        out += "precision over flights \(percent(precision))\n"
        out += "alerts raised \(alerts.count): \(suspectAlerts) on suspect flights, \(falseAlerts) false on normal flights "
        out += "(\(falseAlertsPerFlightHour.map { fixed($0, 2) } ?? "-") per flight-hour over \(fixed(normalFlightHours, 1)) h detectable), "
        out += "\(unmatchedAlerts) on no flight\n"
        for r in rulesOff { out += "rules off: \(r)\n" }

        out += "\n"
        var rows = [["suspect", "label", "seen", "alerts", "first alert", "class", "event", "at", "lead"]]
        for s in suspects {
            rows.append([s.id, s.label, seconds(s.firstDetectable), "\(s.alerts)", seconds(s.firstAlert), s.firstClass ?? "-",
                         s.event ?? "-", seconds(s.eventTime), seconds(s.lead)])
        }
        out += table(rows, rightAligned: [2, 3, 4, 7, 8])

        if !normals.isEmpty {
            out += "\n"
            var rows = [["normal flight", "role", "alerts", "first alert", "class"]]
            for n in normals {
                rows.append([n.id, n.role ?? "-", "\(n.alerts)", seconds(n.firstAlert), n.firstClass ?? "-"])
            }
            out += table(rows, rightAligned: [2, 3])
        }
        return out
    }
}

/// Rows as aligned columns, two spaces apart; the first row is the heading.
private func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths = [Int](repeating: 0, count: rows[0].count)
    for row in rows {
        for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    var out = ""
    for row in rows {
        var line = ""
        for (i, cell) in row.enumerated() {
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            if i > 0 { line += "  " }
            line += rightAligned.contains(i) ? pad + cell : cell + pad
        }
        // The last column is left-aligned: its padding would only trail.
        while line.last == " " { line.removeLast() }
        out += line + "\n"
    }
    return out
}

private func percent(_ x: Double?) -> String { x.map { fixed($0 * 100, 1) + " %" } ?? "-" }

private func seconds(_ x: Double?) -> String { x.map { fixed($0, 1) + " s" } ?? "-" }
