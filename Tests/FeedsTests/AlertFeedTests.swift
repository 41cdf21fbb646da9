import Asterix
import Feeds
import Foundation
import FoundationXML
import Sockets
import TestSupport
import Testing

/// An alert on the fixture track, with text that needs escaping in both formats.
func makeAlert(_ state: Alert.State = .raised, number: UInt16 = 42) -> Alert {
    var t = makeTrack(number: number)
    t.source = .psrOnly
    return Alert(id: Alert.id(track: number, raisedTime: may1 - 10), state: state, time: may1, raisedTime: may1 - 10,
                 classification: "low-level-border-approach", score: 0.83,
                 reasons: ["PSR-only", "150 m above ground", "6 km S of border <heading N> & \"fast\"", "line\nbreak"],
                 acknowledged: state == .acknowledged, track: t)
}

/// The JSON object in one datagram (exactly one line).
func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
    #expect(bytes.last == 0x0A && bytes.dropLast().firstIndex(of: 0x0A) == nil, "one line")
    return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

/// Elements of an XML document with their attributes and text, as Foundation's XML parser reads
/// them (it fails on anything not well-formed).
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = "" }
    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ bytes: [UInt8]) -> XMLElements? {
        let parser = XMLParser(data: Data(bytes))
        let d = XMLElements()
        parser.delegate = d
        return parser.parse() ? d : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    subscript(_ name: String) -> [String: String] { elements.first { $0.name == name }?.attributes ?? [:] }
}

@Suite("Alert feeds")
struct AlertFeedTests {
    @Test("JSON: one line with the documented fields, in order, with their values")
    func json() throws {
        var out: [UInt8] = []
        AlertJSON.append(makeAlert(), sequence: 17, alertSeq: 905, to: &out)
        let keys = ["type", "version", "seq", "alert_seq", "id", "state", "time", "t", "raised_t", "track", "class", "score",
                    "reasons", "acknowledged", "track_t", "stage", "source", "lat", "lon", "alt_m", "vrate_mps",
                    "speed_mps", "heading_deg", "mode3a", "callsign", "cov_xx_m2", "cov_xy_m2", "cov_yy_m2",
                    "track_ended"]
        let text = String(decoding: out, as: UTF8.self)
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
        let o = try jsonObject(out)
        #expect(Set(o.keys) == Set(keys))
        #expect(o["type"] as? String == "alert" && o["version"] as? Int == 1 && o["seq"] as? Int == 17)
        #expect(o["alert_seq"] as? Int == 905)
        #expect(o["id"] as? String == "42-1777615940500" && o["state"] as? String == "raised")
        #expect(o["time"] as? String == "2026-05-01T06:12:30.500Z" && o["t"] as? Double == may1)
        #expect(o["raised_t"] as? Double == may1 - 10 && o["track"] as? Int == 42)
        #expect(o["class"] as? String == "low-level-border-approach" && o["score"] as? Double == 0.83)
        #expect(o["reasons"] as? [String] == makeAlert().reasons)
        #expect(o["acknowledged"] as? Bool == false && o["source"] as? String == "psr_only")
        #expect(o["stage"] as? String == "confirmed" && o["alt_m"] as? Double == 3_048)
        #expect(abs((o["speed_mps"] as? Double ?? 0) - 188.97) < 0.01)
        #expect(abs((o["heading_deg"] as? Double ?? 0) - 162.98) < 0.01)
        #expect(o["cov_xy_m2"] as? Double == -2_500 && o["track_ended"] as? Bool == false)

        out = []
        AlertJSON.appendHeartbeat(time: may1, sequence: 18, activeAlerts: 3, lastAlertSeq: 905, interval: 5, to: &out)
        let h = try jsonObject(out)
        #expect(h["type"] as? String == "heartbeat" && h["seq"] as? Int == 18 && h["active"] as? Int == 3)
        #expect(h["time"] as? String == "2026-05-01T06:12:30.500Z" && h["interval_s"] as? Double == 5)
        #expect(h["last_alert_seq"] as? Int == 905)

        // Without a store the numbers are unknown: null, the key still there.
        out = []
        AlertJSON.append(makeAlert(), sequence: 19, alertSeq: nil, to: &out)
        #expect(try jsonObject(out)["alert_seq"] is NSNull)
        out = []
        AlertJSON.appendHeartbeat(time: may1, sequence: 20, activeAlerts: 3, lastAlertSeq: nil, interval: 5, to: &out)
        #expect(try jsonObject(out)["last_alert_seq"] is NSNull)
    }

    @Test("Cursor on Target: well-formed XML with the DOMAIN §6 attributes; text escaped")
    func cursorOnTarget() throws {
        var out: [UInt8] = []
        CursorOnTarget.append(makeAlert(), sequence: 17, alertSeq: 905, staleAfter: 60, to: &out)
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><event "))
        let xml = try #require(XMLElements.parse(out))
        #expect(xml.elements.map(\.name) == ["event", "point", "detail", "track", "contact", "remarks", "centinela"])
        #expect(xml["event"] == ["version": "2.0", "uid": "CENTINELA.TRK.42", "type": "a-s-A-C-F", "how": "m-f",
                                 "time": "2026-05-01T06:12:30.500Z", "start": "2026-05-01T06:12:30.500Z",
                                 "stale": "2026-05-01T06:13:30.500Z"])
        #expect(xml["point"]["lat"] == "31.3012" && xml["point"]["lon"] == "-110.9423")
        #expect(xml["point"]["hae"] == "3048.0" && xml["point"]["le"] == "9999999.0")
        // The ellipse [[14400, −2500], [−2500, 6400]] m² has a major-axis variance of 15116.99 m²
        // (numpy.linalg.eigvalsh), whose root is 122.951 m.
        #expect(abs((Double(xml["point"]["ce"] ?? "") ?? 0) - 122.951) < 0.001)
        #expect(abs((Double(xml["track"]["course"] ?? "") ?? 0) - 162.98) < 0.01)
        #expect(abs((Double(xml["track"]["speed"] ?? "") ?? 0) - 188.97) < 0.01)
        #expect(xml["contact"] == ["callsign": "TRK42 AMX123"])
        #expect(xml.elements[5].text == makeAlert().reasons.joined(separator: " · "))
        #expect(xml["centinela"] == ["seq": "17", "alert_seq": "905", "alert": "42-1777615940500", "state": "raised",
                                     "class": "low-level-border-approach", "score": "0.83", "acknowledged": "false"])

        var coasting = makeAlert(.cleared)
        coasting.track.stage = .coasting
        coasting.track.altitude = nil
        coasting.reasons = ["tab\there", "bell\u{7}"]
        out = []
        CursorOnTarget.append(coasting, sequence: 18, alertSeq: nil, staleAfter: 60, to: &out)
        let cleared = try #require(XMLElements.parse(out))
        #expect(cleared["centinela"]["seq"] == "18" && cleared["centinela"]["alert_seq"] == nil, "no store, no alert_seq")
        #expect(cleared["event"]["type"] == "a-u-A" && cleared["event"]["how"] == "m-p")
        #expect(cleared["event"]["stale"] == cleared["event"]["time"] && cleared["point"]["hae"] == "9999999.0")
        #expect(cleared.elements[5].text == "tab\there · bell\u{FFFD}")

        out = []
        CursorOnTarget.appendHeartbeat(time: may1, sequence: 19, activeAlerts: 2, lastAlertSeq: 905, interval: 5, to: &out)
        let ping = try #require(XMLElements.parse(out))
        #expect(ping["event"]["type"] == "t-x-c-t" && ping["event"]["uid"] == "CENTINELA.FEED")
        #expect(ping["event"]["stale"] == "2026-05-01T06:12:35.500Z")
        #expect(ping["centinela"] == ["seq": "19", "active": "2", "last_alert_seq": "905", "interval": "5.0"])
    }

    @Test("sequence numbers go up by one across alerts and heartbeats; heartbeats at the interval",
          arguments: [AlertFeedFormat.jsonLines, .cursorOnTarget])
    func sequenceAndHeartbeats(format: AlertFeedFormat) throws {
        var stream = try #require(AlertStream(format: format, heartbeatInterval: 5))
        var heartbeatTimes: [Double] = []
        var datagrams: [[UInt8]] = []
        var out: [UInt8] = []
        // Data time in 0.7 s steps for 30 s, an alert every 3rd step, then a 100 s gap.
        for k in 0..<44 {
            let time = may1 + Double(k) * 0.7 + (k == 43 ? 100 : 0)
            if stream.heartbeat(at: time, activeAlerts: 1, lastAlertSeq: k / 3, into: &out) {
                heartbeatTimes.append(time - may1)
                datagrams.append(out)
            }
            if k % 3 == 0 {
                stream.datagram(for: makeAlert(.updated), alertSeq: k / 3 + 1, into: &out)
                datagrams.append(out)
            }
        }
        // Due at 0, 5, 10, … on the grid of the first; each goes with the first step at or past it.
        let expected = [0.0, 5.6, 10.5, 15.4, 20.3, 25.2, 130.1]
        #expect(heartbeatTimes.count == expected.count)
        for (got, want) in zip(heartbeatTimes, expected) { #expect(abs(got - want) < 1e-6, "\(got) vs \(want)") }
        let sequences = try datagrams.map { d -> Int in
            if format == .jsonLines { return try #require(jsonObject(d)["seq"] as? Int) }
            return try #require(XMLElements.parse(d)?["centinela"]["seq"].flatMap { Int($0) })
        }
        #expect(sequences == Array(1...datagrams.count) && stream.sequence == datagrams.count)
        #expect(AlertStream(format: format, heartbeatInterval: 0) == nil)
    }

    @Test("alerts and heartbeats over loopback UDP, each datagram intact and numbered",
          arguments: [AlertFeedFormat.jsonLines, .cursorOnTarget])
    func loopback(format: AlertFeedFormat) throws {
        let receiver = try LoopbackReceiver()
        let feed = try AlertFeed(#require(AlertStream(format: format)),
                                 to: UDPAddress("udp://127.0.0.1:\(receiver.port)"))
        feed.tick(at: may1, activeAlerts: 0, lastAlertSeq: 0)
        feed.send(makeAlert(.raised), alertSeq: 1)
        feed.send(makeAlert(.acknowledged), alertSeq: 2)
        feed.tick(at: may1 + 1, activeAlerts: 1, lastAlertSeq: 2)  // not due
        feed.tick(at: may1 + 5, activeAlerts: 1, lastAlertSeq: 2)
        feed.send(makeAlert(.cleared), alertSeq: 3)
        #expect(feed.sender.sent == 5 && feed.sender.failed == 0)
        var kinds: [String] = [], alertSeqs: [String] = []
        for seq in 1...5 {
            let d = try #require(receiver.receive(), "datagram \(seq) lost on loopback")
            if format == .jsonLines {
                let o = try jsonObject(d)
                #expect(o["seq"] as? Int == seq)
                kinds.append((o["state"] as? String) ?? (o["type"] as! String))
                alertSeqs.append("\((o["alert_seq"] ?? o["last_alert_seq"]) as? Int ?? -1)")
            } else {
                let x = try #require(XMLElements.parse(d))
                #expect(x["centinela"]["seq"] == String(seq))
                kinds.append(x["centinela"]["state"] ?? x["event"]["type"]!)
                alertSeqs.append(x["centinela"]["alert_seq"] ?? x["centinela"]["last_alert_seq"] ?? "-1")
            }
        }
        let heartbeat = format == .jsonLines ? "heartbeat" : "t-x-c-t"
        #expect(kinds == [heartbeat, "raised", "acknowledged", heartbeat, "cleared"])
        // The store's numbers ride along: on each alert its own, on each heartbeat the last one sent.
        #expect(alertSeqs == ["0", "1", "2", "2", "3"])
        #expect(format.defaultDestination.hasPrefix("udp://127.0.0.1:"))
    }
}
