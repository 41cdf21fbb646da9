import Asterix
import Geodesy

extension Session {
    /// What really happened, once a second per flight, as JSON lines (the format is in the README):
    /// the answer key that evaluation compares tracks and alerts with.
    public func truthLines(every step: Double = 1) -> [UInt8] {
        var out: [UInt8] = []
        for (flight, t) in zip(flights, trajectories()) {
            var time = t.startTime
            var previous: (onGround: Bool, transponder: Bool, latitude: Double, longitude: Double)?
            while time <= t.endTime {
                if let s = t.state(at: time) {
                    let transponder = flight.transponderOn(at: time)
                    let p = position(of: s)
                    var events: [String] = []
                    if let before = previous {
                        if before.onGround, !s.onGround { events.append("take_off") }
                        if !before.onGround, s.onGround { events.append("landing") }
                        if before.transponder, !transponder { events.append("transponder_off") }
                        if !before.transponder, transponder { events.append("transponder_on") }
                        if let crossing = border?.crossing(from: (before.latitude, before.longitude), to: (p.latitude, p.longitude)) {
                            events.append(crossing.rawValue)
                        }
                    }
                    previous = (s.onGround, transponder, p.latitude, p.longitude)
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
                    out.append(contentsOf: (transponder ? "true" : "false").utf8)
                    out.append(contentsOf: ",\"on_ground\":".utf8)
                    out.append(contentsOf: (s.onGround ? "true" : "false").utf8)
                    if !events.isEmpty {
                        out.append(contentsOf: ",\"events\":[".utf8)
                        for (k, e) in events.enumerated() {
                            if k > 0 { out.append(UInt8(ascii: ",")) }
                            JSONText.appendString(e, to: &out)
                        }
                        out.append(UInt8(ascii: "]"))
                    }
                    out.append(contentsOf: "}\n".utf8)
                }
                time += step
            }
        }
        return out
    }
}
