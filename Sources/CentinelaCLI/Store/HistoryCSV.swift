import Feeds
import Store
import Surveillance

/// A flight's history as CSV (RFC 4180): a header line, then one line a sample in time order.
/// Units in the column names as in the track JSON lines; an unknown value is an empty field. No
/// field can hold a comma, a quote or a newline, so none is quoted.
enum HistoryCSV {
    static let header = "t,time,session,track,first_t,stage,source,lat,lon,alt_m,vrate_mps,speed_mps,heading_deg,fl,mode3a,address,callsign,sensor,ended"

    static func append(_ f: FlightHistory, to out: inout [UInt8]) {
        out.append(contentsOf: (header + "\n").utf8)
        for t in f.samples {
            var fields = ["\(t.time)"]
            var time: [UInt8] = []
            UTCText.append(t.time, to: &time, quoted: false)
            fields.append(String(decoding: time, as: UTF8.self))
            fields += [String(f.sessionID), String(t.number), "\(t.firstTime)", t.stage.name, t.source.name,
                       "\(t.latitude)", "\(t.longitude)", t.altitude.map { "\($0)" } ?? "",
                       t.altitude == nil ? "" : "\(t.verticalRate)", "\(t.groundSpeed)", "\(t.heading)",
                       t.flightLevel.map { "\($0)" } ?? "", t.mode3A?.description ?? "", t.address?.description ?? "",
                       t.callsign?.description ?? "", t.lastSensor.description, t.ended ? "true" : "false"]
            out.append(contentsOf: fields.joined(separator: ",").utf8)
            out.append(UInt8(ascii: "\n"))
        }
    }
}
