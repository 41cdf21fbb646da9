import Asterix
import Feeds
import Store
import Surveillance

/// A flight's history as one GeoJSON Feature (RFC 7946): a LineString of its samples (a Point
/// when there is one), with [lon, lat, alt_m] positions when every sample has an altitude and
/// [lon, lat] otherwise; its properties say which track, and give per sample (arrays in the
/// order of the positions) the time, altitude, speed, heading, stage and source.
enum HistoryGeoJSON {
    static func append(_ f: FlightHistory, to out: inout [UInt8]) {
        let s = f.samples
        let withAltitude = s.allSatisfy { $0.altitude != nil }
        TrackJSON.key("type", &out, first: true); JSONText.appendString("Feature", to: &out)
        TrackJSON.key("geometry", &out)
        TrackJSON.key("type", &out, first: true); JSONText.appendString(s.count == 1 ? "Point" : "LineString", to: &out)
        TrackJSON.key("coordinates", &out)
        if s.count > 1 { out.append(UInt8(ascii: "[")) }
        for (i, t) in s.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONText.appendNumber(t.longitude, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendNumber(t.latitude, to: &out)
            if withAltitude, let alt = t.altitude {
                out.append(UInt8(ascii: ","))
                JSONText.appendNumber(alt, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        if s.count > 1 { out.append(UInt8(ascii: "]")) }
        out.append(UInt8(ascii: "}"))

        TrackJSON.key("properties", &out)
        let identity = FlightIdentity(f)
        TrackJSON.key("track", &out, first: true); JSONText.appendInteger(Int(f.track), to: &out)
        TrackJSON.key("session", &out); JSONText.appendInteger(Int(f.sessionID), to: &out)
        TrackJSON.key("first_t", &out); JSONText.appendNumber(f.firstTime, to: &out)
        TrackJSON.key("start", &out); UTCText.append(s.first?.time ?? .nan, to: &out)
        TrackJSON.key("end", &out); UTCText.append(s.last?.time ?? .nan, to: &out)
        TrackJSON.key("callsign", &out); TrackJSON.string(identity.callsign, &out)
        TrackJSON.key("mode3a", &out); TrackJSON.string(identity.mode3A, &out)
        TrackJSON.key("address", &out); TrackJSON.string(identity.address, &out)
        TrackJSON.key("samples", &out); JSONText.appendInteger(s.count, to: &out)
        array("t", s, &out) { JSONText.appendNumber($0.time, to: &$1) }
        array("alt_m", s, &out) { TrackJSON.number($0.altitude, &$1) }
        array("speed_mps", s, &out) { JSONText.appendNumber($0.groundSpeed, to: &$1) }
        array("heading_deg", s, &out) { JSONText.appendNumber($0.heading, to: &$1) }
        array("stage", s, &out) { JSONText.appendString($0.stage.name, to: &$1) }
        array("source", s, &out) { JSONText.appendString($0.source.name, to: &$1) }
        out.append(contentsOf: "}}\n".utf8)
    }

    private static func array(_ name: StaticString, _ samples: [SystemTrack], _ out: inout [UInt8],
                              _ value: (SystemTrack, inout [UInt8]) -> Void) {
        TrackJSON.key(name, &out)
        out.append(UInt8(ascii: "["))
        for (i, t) in samples.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            value(t, &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}

/// Who the flight was, as the transponder said last (nil when it never said).
struct FlightIdentity {
    var callsign: String?
    var mode3A: String?
    var address: String?

    init(_ f: FlightHistory) {
        callsign = f.samples.last { $0.callsign != nil }?.callsign?.description
        mode3A = f.samples.last { $0.mode3A != nil }?.mode3A?.description
        address = f.samples.last { $0.address != nil }?.address?.description
    }
}
