import Asterix
import Feeds
import Foundation
import Testing

/// Alerts that exercise every branch of both encoders: each state, coasting, no altitude, no
/// callsign, negative and zero covariance terms, text that needs escaping.
func crosscheckAlerts() -> [Alert] {
    let states: [Alert.State] = [.raised, .updated, .acknowledged, .cleared]
    return (0..<24).map { i in
        let k = Double(i)
        var t = makeTrack(number: UInt16(200 + i % 7))
        t.time = may1 + k * 4.3
        t.latitude = 14.5 + k * 0.731
        t.longitude = -92.25 - k * 1.07
        t.vx = -120 + k * 11.7
        t.vy = 90 - k * 9.3
        t.stage = i % 5 == 3 ? .coasting : .confirmed
        t.source = [.psrOnly, .ssr, .modeS][i % 3]
        t.altitude = i % 4 == 1 ? nil : 30 + k * 97.5
        t.callsign = i % 3 == 2 ? Callsign("N\(i)X") : nil
        t.covariance = Covariance2(xx: (40 + k * 7) * (40 + k * 7), xy: (k - 12) * 210, yy: (300 - k * 9) * (300 - k * 9))
        t.ended = i % 8 == 7
        let first = i % 6 == 0 ? "<7500> & \"squawk\" 'hijack'" : "PSR-only"
        let reasons = [first, "\(150 + i * 10) m above ground", "night", "two\nlines"]
        return Alert(id: Alert.id(track: t.number, raisedTime: t.time - 30), state: states[i % 4], time: t.time,
                     raisedTime: t.time - 30, classification: ["low-level-border-approach", "transponder-off", "stone-skip"][i % 3],
                     score: 0.5 + k / 50, reasons: Array(reasons.prefix(1 + i % 4)), acknowledged: i % 4 == 2, track: t)
    }
}

@Suite("Alert crosscheck fixture")
struct AlertCrosscheckFixture {
    /// Writes DIR/alerts.jsonl and DIR/alerts.cot (one Cursor on Target event a line) of the same
    /// datagrams, alerts and heartbeats, when CENTINELA_ALERTS_OUT=DIR is set (tools/test.sh does):
    /// the input of `tools/.venv-cot/bin/python tools/cot_check.py DIR`, which has takproto read the
    /// events and compares them with the JSON. Otherwise into a temporary folder.
    @Test("the JSON lines and Cursor on Target events of the same alerts and heartbeats")
    func write() throws {
        let env = ProcessInfo.processInfo.environment["CENTINELA_ALERTS_OUT"]
        let dir = env ?? FileManager.default.temporaryDirectory.appendingPathComponent("alerts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if env == nil { try? FileManager.default.removeItem(atPath: dir) } }

        var json = try #require(AlertStream(format: .jsonLines, heartbeatInterval: 10))
        var cot = try #require(AlertStream(format: .cursorOnTarget, heartbeatInterval: 10))
        var jsonLines: [UInt8] = [], cotLines: [UInt8] = [], out: [UInt8] = []
        for (i, a) in crosscheckAlerts().enumerated() {
            // Every 5th without a store (no alert_seq), the others numbered from 900.
            let alertSeq = i % 5 == 4 ? nil : 900 + i
            let lastAlertSeq = i % 5 == 4 ? nil : 899 + i
            if json.heartbeat(at: a.time, activeAlerts: i % 5, lastAlertSeq: lastAlertSeq, into: &out) { jsonLines += out }
            if cot.heartbeat(at: a.time, activeAlerts: i % 5, lastAlertSeq: lastAlertSeq, into: &out) { cotLines += out + [0x0A] }
            json.datagram(for: a, alertSeq: alertSeq, into: &out)
            jsonLines += out
            cot.datagram(for: a, alertSeq: alertSeq, into: &out)
            #expect(!out.contains(0x0A), "a Cursor on Target event is one line")
            cotLines += out + [0x0A]
        }
        #expect(json.sequence == cot.sequence && json.sequence > crosscheckAlerts().count)
        #expect(FileManager.default.createFile(atPath: dir + "/alerts.jsonl", contents: Data(jsonLines)))
        #expect(FileManager.default.createFile(atPath: dir + "/alerts.cot", contents: Data(cotLines)))
    }
}
