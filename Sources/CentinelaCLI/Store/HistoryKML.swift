import Feeds
import Store
import Surveillance

/// A flight's history as KML 2.2 (Google Earth, QGIS): one Placemark with a LineString of its
/// samples (a Point when there is one) and its time span. Altitudes are above sea level
/// (`absolute`) when every sample has one; otherwise the line is drawn on the ground
/// (`clampToGround`) and the description says why.
enum HistoryKML {
    static func append(_ f: FlightHistory, to out: inout [UInt8]) {
        let s = f.samples
        let withAltitude = s.allSatisfy { $0.altitude != nil }
        let identity = FlightIdentity(f)
        let name = "TRK\(f.track)" + (identity.callsign.map { " \($0)" } ?? "")
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>".utf8)
        XMLText.appendEscaped(name, &out)
        out.append(contentsOf: "</name><Placemark><name>".utf8)
        XMLText.appendEscaped(name, &out)
        out.append(contentsOf: "</name><description>".utf8)
        var description = "session \(f.sessionID), \(s.count) sample(s)"
        if let code = identity.mode3A { description += ", squawk \(code)" }
        if let address = identity.address { description += ", Mode S \(address)" }
        if !withAltitude { description += "; altitude unknown for some samples: drawn on the ground" }
        XMLText.appendEscaped(description, &out)
        out.append(contentsOf: "</description>".utf8)
        if let first = s.first, let last = s.last {
            out.append(contentsOf: "<TimeSpan><begin>".utf8); UTCText.append(first.time, to: &out, quoted: false)
            out.append(contentsOf: "</begin><end>".utf8); UTCText.append(last.time, to: &out, quoted: false)
            out.append(contentsOf: "</end></TimeSpan>".utf8)
        }
        out.append(contentsOf: (s.count == 1 ? "<Point>" : "<LineString>").utf8)
        out.append(contentsOf: "<altitudeMode>\(withAltitude ? "absolute" : "clampToGround")</altitudeMode><coordinates>\n".utf8)
        for t in s {
            out.append(contentsOf: "\(t.longitude),\(t.latitude)".utf8)
            if withAltitude, let alt = t.altitude { out.append(contentsOf: ",\(alt)".utf8) }
            out.append(UInt8(ascii: "\n"))
        }
        out.append(contentsOf: "</coordinates>".utf8)
        out.append(contentsOf: (s.count == 1 ? "</Point>" : "</LineString>").utf8)
        out.append(contentsOf: "</Placemark></Document></kml>\n".utf8)
    }
}
