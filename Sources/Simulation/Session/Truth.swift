import Asterix
import FoundationEssentials
import Geodesy

extension Scenario {
    /// The truth file's first line (README, "Truth file"): `{"scenario":…,"start":…,"seed":…}`
    /// and a newline. It has no `t`, which is how a reader tells it from the samples; `start`, in
    /// UTC, is what joins the samples' session seconds to the tracks' UTC times.
    public func truthHeader(seed: UInt64) throws(ScenarioError) -> [UInt8] {
        let start = Date(timeIntervalSince1970: try startTime()).formatted(.iso8601)
        var out = Array("{\"scenario\":".utf8)
        JSONText.appendString(name, to: &out)
        out.append(contentsOf: ",\"start\":".utf8)
        JSONText.appendString(start, to: &out)
        out.append(contentsOf: ",\"seed\":\(seed)}\n".utf8)
        return out
    }
}

extension Session {
    /// What really happened, once a second per flight, as JSON lines (the format is in the README):
    /// the answer key that evaluation compares tracks and alerts with.
    public func truthLines(every step: Double = 1) -> [UInt8] {
        var out: [UInt8] = []
        for (flight, t) in zip(flights, trajectories()) {
            var time = t.startTime
            var drops = t.states.filter(\.dropsLoad).map(\.time)[...]
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
                    while let drop = drops.first, drop <= time + 1e-9 {
                        events.append("drop")
                        drops = drops.dropFirst()
                    }
                    previous = (s.onGround, transponder, p.latitude, p.longitude)
                    let agl = ground.height(latitude: p.latitude, longitude: p.longitude).map { s.altitude - $0 }
                    out.append(contentsOf: "{\"t\":".utf8)
                    JSONText.appendNumber(time, to: &out)
                    out.append(contentsOf: ",\"id\":".utf8)
                    JSONText.appendString(flight.id, to: &out)
                    out.append(contentsOf: ",\"label\":".utf8)
                    JSONText.appendString(flight.label, to: &out)
                    if let role = flight.role {
                        out.append(contentsOf: ",\"role\":".utf8)
                        JSONText.appendString(role, to: &out)
                    }
                    var heading = (s.heading * 180 / Double.pi).truncatingRemainder(dividingBy: 360)
                    if heading < 0 { heading += 360 }
                    if Self.rounded(heading, 2) >= 360 { heading = 0 }
                    // Rounded to well under the radars' noise (6 decimals of a degree is 0.1 m), which
                    // keeps a 1 Hz truth of a busy session to a size a repository can hold.
                    for (key, value, decimals) in [("lat", p.latitude, 6), ("lon", p.longitude, 6), ("alt_m", s.altitude, 1),
                                                   ("agl_m", agl ?? .nan, 1), ("speed_mps", s.speed, 2),
                                                   ("heading_deg", heading, 2), ("vrate_mps", s.verticalRate, 2)] {
                        out.append(contentsOf: ",\"\(key)\":".utf8)
                        JSONText.appendNumber(Self.rounded(value, decimals), to: &out)
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

    /// `x` to `decimals` decimal places; printed as the shortest text that reads back as it.
    static func rounded(_ x: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (x * scale).rounded() / scale
        return r == 0 ? 0 : r  // no "-0.0"
    }
}
