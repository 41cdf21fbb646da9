import Asterix

/// Alerts as Cursor on Target 2.0 events (what TAK clients put on a map), one event a datagram,
/// written as bytes like `AlertJSON`. The mapping (README, "Alert output"):
/// - `uid` `CENTINELA.TRK.<track number>`: stable per track, so a client moves one symbol.
/// - `type` `a-s-A-C-F` (suspect fixed wing) while the alert is active; on `cleared`, `a-u-A`
///   (unknown air) with `stale` = `time`, so the client drops the suspect symbol at once instead of
///   leaving a stale suspect on the map.
/// - `how` `m-p` while the track coasts (predicted), else `m-f` (fused).
/// - `time` = `start` = the alert's time; `stale` = time + `staleAfter`.
/// - `point`: WGS-84 lat/lon; `hae` the track's altitude above sea level (no geoid correction:
///   off by the undulation, tens of metres, well within the radar's height error), 9999999.0
///   while unknown; `ce` the 1-σ semi-major axis of the position covariance (conservative for a
///   circular error); `le` always 9999999.0: the tracker keeps no vertical variance.
/// - `detail`: `track course speed` (degrees clockwise from the system plane's north, not true
///   north: the alert carries no plane to convert with; m/s),
///   `contact callsign` `TRK<n>` (and the aircraft's callsign when known), `remarks` the reasons
///   joined by " · ", and `centinela` with the feed's sequence number, the store's `alert_seq`,
///   alert id, state, class and score (a custom element: TAK clients keep and ignore it).
/// Every text from the data is XML-escaped.
public enum CursorOnTarget {
    /// CoT's "unknown" for `hae`, `ce` and `le`.
    public static let unknown = 9_999_999.0
    /// The uid of the heartbeat events.
    public static let feedUID = "CENTINELA.FEED"

    public static func uid(track: UInt16) -> String { "CENTINELA.TRK.\(track)" }

    /// Appends the event of `a`, numbered `sequence` on its feed and `alertSeq` in the store (nil
    /// when there is no store: the attribute is left out).
    public static func append(_ a: Alert, sequence: Int, alertSeq: Int?, staleAfter: Double, to out: inout [UInt8]) {
        let t = a.track
        let cleared = a.state == .cleared
        eventStart(uid: uid(track: t.number), type: cleared ? "a-u-A" : "a-s-A-C-F",
                   how: t.stage == .coasting ? "m-p" : "m-f", time: a.time,
                   stale: cleared ? a.time : a.time + staleAfter, &out)
        out.append(contentsOf: "<point lat=\"".utf8); number(t.latitude, &out)
        out.append(contentsOf: "\" lon=\"".utf8); number(t.longitude, &out)
        out.append(contentsOf: "\" hae=\"".utf8); number(t.altitude ?? unknown, &out)
        out.append(contentsOf: "\" ce=\"".utf8); number(circularError(t.covariance), &out)
        out.append(contentsOf: "\" le=\"".utf8); number(unknown, &out)
        out.append(contentsOf: "\"/><detail><track course=\"".utf8); number(t.heading, &out)
        out.append(contentsOf: "\" speed=\"".utf8); number(t.groundSpeed, &out)
        out.append(contentsOf: "\"/><contact callsign=\"".utf8)
        XMLText.appendEscaped("TRK\(t.number)" + (t.callsign.map { " \($0)" } ?? ""), &out)
        out.append(contentsOf: "\"/><remarks>".utf8)
        for (i, r) in a.reasons.enumerated() {
            if i > 0 { out.append(contentsOf: " · ".utf8) }
            XMLText.appendEscaped(r, &out)
        }
        out.append(contentsOf: "</remarks><centinela seq=\"".utf8); JSONText.appendInteger(sequence, to: &out)
        attribute("alert_seq", alertSeq, &out)
        out.append(contentsOf: "\" alert=\"".utf8); XMLText.appendEscaped(a.id, &out)
        out.append(contentsOf: "\" state=\"".utf8); out.append(contentsOf: a.state.name.utf8)
        out.append(contentsOf: "\" class=\"".utf8); XMLText.appendEscaped(a.classification, &out)
        out.append(contentsOf: "\" score=\"".utf8); number(a.score, &out)
        out.append(contentsOf: "\" acknowledged=\"".utf8); out.append(contentsOf: (a.acknowledged ? "true" : "false").utf8)
        out.append(contentsOf: "\"/></detail></event>".utf8)
    }

    /// Appends a heartbeat numbered `sequence`: a `t-x-c-t` (ping) event from `CENTINELA.FEED`
    /// at data time `time`, no position, its `centinela` element carrying the sequence number,
    /// the active alerts, the store's last alert number (left out without a store) and the
    /// heartbeat interval.
    public static func appendHeartbeat(time: Double, sequence: Int, activeAlerts: Int, lastAlertSeq: Int?,
                                       interval: Double, to out: inout [UInt8]) {
        eventStart(uid: feedUID, type: "t-x-c-t", how: "h-g-i-g-o", time: time, stale: time + interval, &out)
        out.append(contentsOf: "<point lat=\"0.0\" lon=\"0.0\" hae=\"".utf8); number(unknown, &out)
        out.append(contentsOf: "\" ce=\"".utf8); number(unknown, &out)
        out.append(contentsOf: "\" le=\"".utf8); number(unknown, &out)
        out.append(contentsOf: "\"/><detail><centinela seq=\"".utf8); JSONText.appendInteger(sequence, to: &out)
        out.append(contentsOf: "\" active=\"".utf8); JSONText.appendInteger(activeAlerts, to: &out)
        attribute("last_alert_seq", lastAlertSeq, &out)
        out.append(contentsOf: "\" interval=\"".utf8); number(interval, &out)
        out.append(contentsOf: "\"/></detail></event>".utf8)
    }

    /// 1-σ semi-major axis of the position ellipse, metres: √ of the larger eigenvalue.
    static func circularError(_ c: Covariance2) -> Double {
        let major = c.largestEigenvalue
        return major >= 0 ? major.squareRoot() : unknown
    }

    /// The declaration (takproto ignores XML without it) and the event's opening tag.
    private static func eventStart(uid: String, type: StaticString, how: StaticString, time: Double, stale: Double,
                                   _ out: inout [UInt8]) {
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><event version=\"2.0\" uid=\"".utf8)
        XMLText.appendEscaped(uid, &out)
        out.append(contentsOf: "\" type=\"".utf8); type.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\" how=\"".utf8); how.withUTF8Buffer { out.append(contentsOf: $0) }
        // UTCText writes the time with its quotes, which serve as the attribute's.
        out.append(contentsOf: "\" time=".utf8); UTCText.append(time, to: &out)
        out.append(contentsOf: " start=".utf8); UTCText.append(time, to: &out)
        out.append(contentsOf: " stale=".utf8); UTCText.append(stale, to: &out)
        out.append(UInt8(ascii: ">"))
    }

    /// ` name="v` after an attribute's value, whose closing quote the caller writes; nothing
    /// when `v` is nil.
    private static func attribute(_ name: StaticString, _ v: Int?, _ out: inout [UInt8]) {
        guard let v else { return }
        out.append(contentsOf: "\" ".utf8)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "=\"".utf8)
        JSONText.appendInteger(v, to: &out)
    }

    /// A finite number as JSON writes it (valid as xs:double); anything else is unknown.
    private static func number(_ v: Double, _ out: inout [UInt8]) {
        JSONText.appendNumber(v.isFinite ? v : unknown, to: &out)
    }
}
