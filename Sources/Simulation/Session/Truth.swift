import Asterix
import Geodesy

extension Session {
    /// What really happened, once a second per flight, as JSON lines (the format is in the README):
    /// the answer key that evaluation compares tracks and alerts with.
    public func truthLines(every step: Double = 1) -> [UInt8] {
        var out: [UInt8] = []
        for flight in flights {
            let t = Trajectory(states: flight.model.fly(from: flight.start, route: flight.route, until: duration))
            var time = t.startTime
            while time <= t.endTime {
                if let s = t.state(at: time) {
                    let p = position(of: s)
                    let agl = ground.height(latitude: p.latitude, longitude: p.longitude).map { s.altitude - $0 }
                    out.append(contentsOf: "{\"t\":".utf8)
                    JSONText.appendNumber(time, to: &out)
                    out.append(contentsOf: ",\"id\":".utf8)
                    JSONText.appendString(flight.id, to: &out)
                    out.append(contentsOf: ",\"label\":".utf8)
                    JSONText.appendString(flight.label, to: &out)
                    var heading = (s.heading * 180 / Double.pi).truncatingRemainder(dividingBy: 360)
                    if heading < 0 { heading += 360 }
                    for (key, value) in [("lat", p.latitude), ("lon", p.longitude), ("alt_m", s.altitude),
                                         ("agl_m", agl ?? .nan), ("speed_mps", s.speed),
                                         ("heading_deg", heading), ("vrate_mps", s.verticalRate)] {
                        out.append(contentsOf: ",\"\(key)\":".utf8)
                        JSONText.appendNumber(value, to: &out)
                    }
                    out.append(contentsOf: ",\"transponder\":".utf8)
                    out.append(contentsOf: (flight.transponderOn(at: time) ? "true" : "false").utf8)
                    out.append(contentsOf: "}\n".utf8)
                }
                time += step
            }
        }
        return out
    }
}
