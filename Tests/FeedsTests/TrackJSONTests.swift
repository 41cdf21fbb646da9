import Asterix
import Feeds
import Foundation
import Testing

@Suite("Track JSON lines")
struct TrackJSONTests {
    /// The fields the README documents, in order.
    static let documented = [
        "type", "version", "time", "t", "track", "stage", "source", "lat", "lon", "x_m", "y_m", "vx_mps",
        "vy_mps", "speed_mps", "heading_deg", "alt_m", "vrate_mps", "fl", "mode3a", "address", "callsign",
        "manoeuvring", "sensor", "updates", "first_t", "ended", "sigma_x_m", "sigma_y_m",
    ]

    static func line(_ t: SystemTrack) -> [UInt8] {
        var out: [UInt8] = []
        TrackJSON.append(t, to: &out)
        return out
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("one line of valid JSON with the documented fields, in the documented order")
    func fields() throws {
        let bytes = Self.line(makeTrack())
        #expect(bytes.last == 0x0A)
        #expect(bytes.dropLast().contains(0x0A) == false, "one object a line")
        let o = try Self.object(bytes)
        #expect(Set(o.keys) == Set(Self.documented))
        // Key order is fixed: the documented order.
        let text = String(decoding: bytes, as: UTF8.self)
        let positions = Self.documented.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("values in the units their names say")
    func values() throws {
        var t = makeTrack()
        t.vx = 0
        t.vy = -100
        t.manoeuvring = true
        let o = try Self.object(Self.line(t))
        #expect(o["type"] as? String == "track")
        #expect(o["version"] as? Int == 1)
        #expect(o["time"] as? String == "2026-05-01T06:12:30.500Z")
        #expect(o["t"] as? Double == may1)
        #expect(o["track"] as? Int == 42)
        #expect(o["stage"] as? String == "confirmed")
        #expect(o["source"] as? String == "mode_s")
        #expect(o["lat"] as? Double == 31.3012)
        #expect(o["lon"] as? Double == -110.9423)
        #expect(o["x_m"] as? Double == -12_345.6)
        #expect(o["y_m"] as? Double == 67_890.1)
        #expect(o["speed_mps"] as? Double == 100)
        #expect(o["heading_deg"] as? Double == 180, "moving south")
        #expect(o["alt_m"] as? Double == 3_048)
        #expect(o["vrate_mps"] as? Double == -5.08)
        #expect(o["fl"] as? Double == 100.25)
        #expect(o["mode3a"] as? String == "4215")
        #expect(o["address"] as? String == "0D0A1B")
        #expect(o["callsign"] as? String == "AMX123")
        #expect(o["manoeuvring"] as? Bool == true)
        #expect(o["sensor"] as? String == "12/34")
        #expect(o["updates"] as? Int == 6)
        #expect(o["first_t"] as? Double == may1 - 20)
        #expect(o["ended"] as? Bool == false)
        #expect(o["sigma_x_m"] as? Double == 120)
        #expect(o["sigma_y_m"] as? Double == 80)
    }

    @Test("what is not known is null")
    func nulls() throws {
        var t = makeTrack()
        t.altitude = nil
        t.flightLevel = nil
        t.mode3A = nil
        t.address = nil
        t.callsign = nil
        t.latitude = .nan
        t.stage = .coasting
        t.source = .psrOnly
        t.ended = true
        let o = try Self.object(Self.line(t))
        for key in ["alt_m", "vrate_mps", "fl", "mode3a", "address", "callsign", "lat"] {
            #expect(o[key] is NSNull, "\(key)")
        }
        #expect(o["stage"] as? String == "coasting")
        #expect(o["source"] as? String == "psr_only")
        #expect(o["ended"] as? Bool == true)
    }

    @Test("ISO 8601 time: leap day, epoch, rounding into the next second", arguments: [
        (1_709_251_199.999, "2024-02-29T23:59:59.999Z"),   // Python: datetime(2024,2,29,23,59,59,999000)
        (0.0, "1970-01-01T00:00:00.000Z"),
        (946_684_799.9996, "2000-01-01T00:00:00.000Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ])
    func time(utc: Double, text: String) throws {
        var t = makeTrack()
        t.time = utc
        let o = try Self.object(Self.line(t))
        #expect(o["time"] as? String == text)
    }
}
