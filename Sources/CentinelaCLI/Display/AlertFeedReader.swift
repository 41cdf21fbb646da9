import Display
import Foundation
import Surveillance

/// The `display` client's side of a JSON-lines alert feed: alerts as the queue shows them, and
/// the feed's sequence numbers checked, so a lost datagram is said on the status line rather than
/// missed in silence.
struct AlertFeedReader {
    private(set) var alerts = 0
    private(set) var heartbeats = 0
    /// Datagrams that were not an alert or a heartbeat of a version this reader knows.
    private(set) var malformed = 0
    /// Datagrams the sequence numbers say never arrived.
    private(set) var missed = 0
    /// The store's number of the last alert change received: what `centinela alerts --since`
    /// recovers from after a gap.
    private(set) var lastAlertSeq: Int?
    private var lastSeq: Int?

    /// The alert a datagram carries, if it is one.
    mutating func read(_ datagram: [UInt8]) -> DisplayAlert? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(datagram)) as? [String: Any],
              object["version"] as? Int == 1, let seq = object["seq"] as? Int else {
            malformed += 1
            return nil
        }
        switch object["type"] as? String {
        case "heartbeat":
            count(seq)
            heartbeats += 1
            return nil
        case "alert":
            guard let alert = Self.alert(object) else {
                malformed += 1
                return nil
            }
            count(seq)
            alerts += 1
            if let s = object["alert_seq"] as? Int { lastAlertSeq = s }
            return alert
        default:
            malformed += 1
            return nil
        }
    }

    /// A gap counts the numbers skipped; a number at or below the last one (the tracker started
    /// again, numbering from 1) starts the count afresh.
    private mutating func count(_ seq: Int) {
        if let lastSeq, seq > lastSeq + 1 { missed += seq - lastSeq - 1 }
        lastSeq = seq
    }

    private static func alert(_ o: [String: Any]) -> DisplayAlert? {
        guard let id = o["id"] as? String, let stateName = o["state"] as? String,
              let state = Alert.State(name: stateName),
              let time = o["t"] as? Double, let raised = o["raised_t"] as? Double,
              let track = o["track"] as? Int, let number = UInt16(exactly: track),
              let classification = o["class"] as? String, let score = o["score"] as? Double,
              let reasons = o["reasons"] as? [String], let acknowledged = o["acknowledged"] as? Bool else { return nil }
        return DisplayAlert(id: id, state: state, time: time, raisedTime: raised, classification: classification,
                            score: score, reasons: reasons, acknowledged: acknowledged, track: number)
    }
}
