import Asterix

/// One alert state change, or one heartbeat, as one line of JSON (schema `centinela.alert`
/// version 1, documented in the README under "Alert output"): one object a datagram, built byte by
/// byte through `JSONText` with `TrackJSON`'s key writers, fixed key order, snake_case keys with
/// their unit in the name, `null` for what is not known.
public enum AlertJSON {
    /// The `version` field: raised when a field changes meaning or goes away (adding one does not).
    public static let version = 1

    /// Appends the alert, numbered `sequence` on its feed and `alertSeq` in the store (nil when
    /// there is no store), and a newline.
    public static func append(_ a: Alert, sequence: Int, alertSeq: Int?, to out: inout [UInt8]) {
        let t = a.track
        TrackJSON.key("type", &out, first: true); JSONText.appendString("alert", to: &out)
        TrackJSON.key("version", &out); JSONText.appendInteger(version, to: &out)
        TrackJSON.key("seq", &out); JSONText.appendInteger(sequence, to: &out)
        TrackJSON.key("alert_seq", &out); integer(alertSeq, &out)
        TrackJSON.key("id", &out); JSONText.appendString(a.id, to: &out)
        TrackJSON.key("state", &out); JSONText.appendString(a.state.name, to: &out)
        TrackJSON.key("time", &out); UTCText.append(a.time, to: &out)
        TrackJSON.key("t", &out); JSONText.appendNumber(a.time, to: &out)
        TrackJSON.key("raised_t", &out); JSONText.appendNumber(a.raisedTime, to: &out)
        TrackJSON.key("track", &out); JSONText.appendInteger(Int(t.number), to: &out)
        TrackJSON.key("class", &out); JSONText.appendString(a.classification, to: &out)
        TrackJSON.key("score", &out); JSONText.appendNumber(a.score, to: &out)
        TrackJSON.key("reasons", &out)
        out.append(UInt8(ascii: "["))
        for (i, r) in a.reasons.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(r, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        TrackJSON.key("acknowledged", &out); TrackJSON.bool(a.acknowledged, &out)
        TrackJSON.key("track_t", &out); JSONText.appendNumber(t.time, to: &out)
        TrackJSON.key("stage", &out); JSONText.appendString(t.stage.name, to: &out)
        TrackJSON.key("source", &out); JSONText.appendString(t.source.name, to: &out)
        TrackJSON.key("lat", &out); JSONText.appendNumber(t.latitude, to: &out)
        TrackJSON.key("lon", &out); JSONText.appendNumber(t.longitude, to: &out)
        TrackJSON.key("alt_m", &out); TrackJSON.number(t.altitude, &out)
        TrackJSON.key("vrate_mps", &out); TrackJSON.number(t.altitude == nil ? nil : t.verticalRate, &out)
        TrackJSON.key("speed_mps", &out); JSONText.appendNumber(t.groundSpeed, to: &out)
        TrackJSON.key("heading_deg", &out); JSONText.appendNumber(t.heading, to: &out)
        TrackJSON.key("mode3a", &out); TrackJSON.string(t.mode3A?.description, &out)
        TrackJSON.key("callsign", &out); TrackJSON.string(t.callsign?.description, &out)
        TrackJSON.key("cov_xx_m2", &out); JSONText.appendNumber(t.covariance.xx, to: &out)
        TrackJSON.key("cov_xy_m2", &out); JSONText.appendNumber(t.covariance.xy, to: &out)
        TrackJSON.key("cov_yy_m2", &out); JSONText.appendNumber(t.covariance.yy, to: &out)
        TrackJSON.key("track_ended", &out); TrackJSON.bool(t.ended, &out)
        out.append(contentsOf: "}\n".utf8)
    }

    /// Appends a heartbeat numbered `sequence`: the feed is alive at data time `time`, with
    /// `activeAlerts` alerts active, `lastAlertSeq` the store's number of the last alert change
    /// sent (nil when there is no store), and the next heartbeat is due `interval` seconds later.
    public static func appendHeartbeat(time: Double, sequence: Int, activeAlerts: Int, lastAlertSeq: Int?,
                                       interval: Double, to out: inout [UInt8]) {
        TrackJSON.key("type", &out, first: true); JSONText.appendString("heartbeat", to: &out)
        TrackJSON.key("version", &out); JSONText.appendInteger(version, to: &out)
        TrackJSON.key("seq", &out); JSONText.appendInteger(sequence, to: &out)
        TrackJSON.key("time", &out); UTCText.append(time, to: &out)
        TrackJSON.key("t", &out); JSONText.appendNumber(time, to: &out)
        TrackJSON.key("active", &out); JSONText.appendInteger(activeAlerts, to: &out)
        TrackJSON.key("last_alert_seq", &out); integer(lastAlertSeq, &out)
        TrackJSON.key("interval_s", &out); JSONText.appendNumber(interval, to: &out)
        out.append(contentsOf: "}\n".utf8)
    }

    private static func integer(_ v: Int?, _ out: inout [UInt8]) {
        if let v { JSONText.appendInteger(v, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }
}
