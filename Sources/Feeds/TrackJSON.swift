import Asterix

/// One system track update as one line of JSON (schema `centinela.track` version 1, documented
/// in the README under "Track output"), built byte by byte through `JSONText`: fixed key order,
/// snake_case keys with their unit in the name, `null` for what is not known.
public enum TrackJSON {
    /// The `version` field: raised when a field changes meaning or goes away (adding one does not).
    public static let version = 1

    /// Appends the object and a newline.
    public static func append(_ t: SystemTrack, to out: inout [UInt8]) {
        key("type", &out, first: true); JSONText.appendString("track", to: &out)
        key("version", &out); JSONText.appendInteger(version, to: &out)
        key("time", &out); UTCText.append(t.time, to: &out)
        key("t", &out); JSONText.appendNumber(t.time, to: &out)
        key("track", &out); JSONText.appendInteger(Int(t.number), to: &out)
        key("stage", &out); JSONText.appendString(t.stage.name, to: &out)
        key("source", &out); JSONText.appendString(t.source.name, to: &out)
        key("lat", &out); JSONText.appendNumber(t.latitude, to: &out)
        key("lon", &out); JSONText.appendNumber(t.longitude, to: &out)
        key("x_m", &out); JSONText.appendNumber(t.x, to: &out)
        key("y_m", &out); JSONText.appendNumber(t.y, to: &out)
        key("vx_mps", &out); JSONText.appendNumber(t.vx, to: &out)
        key("vy_mps", &out); JSONText.appendNumber(t.vy, to: &out)
        key("speed_mps", &out); JSONText.appendNumber(t.groundSpeed, to: &out)
        key("heading_deg", &out); JSONText.appendNumber(t.heading, to: &out)
        key("alt_m", &out); number(t.altitude, &out)
        key("vrate_mps", &out); number(t.altitude == nil ? nil : t.verticalRate, &out)
        key("fl", &out); number(t.flightLevel, &out)
        key("mode3a", &out); string(t.mode3A?.description, &out)
        key("address", &out); string(t.address?.description, &out)
        key("callsign", &out); string(t.callsign?.description, &out)
        key("manoeuvring", &out); bool(t.manoeuvring, &out)
        key("sensor", &out); JSONText.appendString(t.lastSensor.description, to: &out)
        key("updates", &out); JSONText.appendInteger(Int(t.updates), to: &out)
        key("first_t", &out); JSONText.appendNumber(t.firstTime, to: &out)
        key("ended", &out); bool(t.ended, &out)
        key("sigma_x_m", &out); JSONText.appendNumber(t.covariance.xx >= 0 ? t.covariance.sigmaX : .nan, to: &out)
        key("sigma_y_m", &out); JSONText.appendNumber(t.covariance.yy >= 0 ? t.covariance.sigmaY : .nan, to: &out)
        out.append(contentsOf: "}\n".utf8)
    }

    /// These writers serve AlertJSON and the history export too, so every JSON we write has its
    /// keys and values written the same way.
    public static func key(_ name: StaticString, _ out: inout [UInt8], first: Bool = false) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\":".utf8)
    }

    public static func number(_ v: Double?, _ out: inout [UInt8]) {
        if let v { JSONText.appendNumber(v, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    public static func string(_ v: String?, _ out: inout [UInt8]) {
        if let v { JSONText.appendString(v, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    public static func bool(_ v: Bool, _ out: inout [UInt8]) {
        out.append(contentsOf: (v ? "true" : "false").utf8)
    }
}
