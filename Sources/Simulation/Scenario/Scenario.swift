/// A session described in a file (JSON, documented in the README): where the radars stand and
/// how they behave, the ground, and every flight with its route, transponder and label.
/// Units are the ones people use for each quantity: degrees, feet, knots, nautical miles, seconds.
public struct Scenario: Codable, Sendable, Equatable {
    public var name: String
    /// UTC start, ISO 8601 (`2026-05-02T04:00:00Z`).
    public var start: String
    public var durationS: Double
    /// Origin of the plane flights are flown in.
    public var centre: LatLon
    /// Seed of the synthetic relief; no terrain (sea-level ground) when absent.
    public var terrainSeed: UInt64?
    /// The border as `[lat, lon]` points from west to east; the truth marks its crossings.
    public var border: [[Double]]?
    public var radars: [Radar]
    /// Airfields with their real positions and elevations: the relief is levelled around each
    /// (see `SyntheticTerrain`), and generated general aviation flies between them.
    public var airports: [Airport]?
    public var flights: [Flight]
    /// Flights generated from rates rather than listed one by one.
    public var traffic: Traffic?

    public struct LatLon: Codable, Sendable, Equatable {
        public var lat: Double
        public var lon: Double
    }

    public struct Radar: Codable, Sendable, Equatable {
        public var name: String
        public var sac: Int
        public var sic: Int
        public var lat: Double
        public var lon: Double
        /// Antenna height above sea level, metres.
        public var antennaM: Double
        public var scanS: Double
        public var rangeNm: Double
        public var sectors: Int?
        public var psr: Bool?
        public var ssr: Bool?
        public var measuresHeight: Bool?
        public var sigmaRangeM: Double
        public var sigmaAzimuthDeg: Double
        public var sigmaHeightM: Double?
        /// PSR detection probability of a target of `pdRcsM2` at `pdRangeNm`.
        public var pd: Double
        public var pdRangeNm: Double
        public var pdRcsM2: Double
        public var ssrPd: Double
        public var falsePlotsPerScan: Double
        /// UDP destination port on 127.0.0.1 in the written pcap.
        public var port: Int
    }

    public struct Airport: Codable, Sendable, Equatable {
        /// ICAO location indicator, e.g. `MMHO`.
        public var icao: String
        public var name: String?
        public var lat: Double
        public var lon: Double
        public var elevationFt: Double
    }

    public struct Flight: Codable, Sendable, Equatable {
        public var id: String
        /// `normal` or `suspect:<profile>`.
        public var label: String?
        /// What kind of flight it is beyond the label, written to the truth: e.g.
        /// `hard-negative:crop-duster` for a legitimate look-alike of a suspect.
        public var role: String?
        public var rcsM2: Double
        /// Session seconds at which it appears.
        public var startS: Double?
        public var start: Point
        public var headingDeg: Double
        public var route: [RouteEntry]
        /// Seconds standing on the ground at `start` (at the ground's elevation) before the route,
        /// whose first entry must then be a `take_off`.
        public var startOnGroundS: Double?
        public var bankDeg: Double?
        public var climbFpm: Double?
        public var descentFpm: Double?
        /// Absent for an aircraft without a transponder.
        public var transponder: Transponder?
        public var transponderSwitches: [Switch]?
    }

    public struct Point: Codable, Sendable, Equatable {
        public var lat: Double
        public var lon: Double
        /// Feet above sea level.
        public var altFt: Double
        public var speedKt: Double
    }

    public struct Transponder: Codable, Sendable, Equatable {
        /// Four octal digits.
        public var mode3a: String?
        /// Mode S address, 6 hex digits.
        public var address: String?
        public var callsign: String?
        public var reportsAltitude: Bool?
    }

    public struct Switch: Codable, Sendable, Equatable {
        public var atS: Double
        public var on: Bool
    }

    /// A route entry: a point to fly to, or an object with one key naming a manoeuvre.
    public enum RouteEntry: Codable, Sendable, Equatable {
        case point(Point)
        case orbit(Orbit)
        case land(Land)
        case takeOff(TakeOff)
        case hold(Hold)
        /// Release the load here (`{"drop": {}}`): the truth marks a `drop` event.
        case drop

        enum CodingKeys: String, CodingKey {
            case orbit, land, takeOff, hold, drop
        }

        struct Empty: Codable {}

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            if keys.contains("lat") {
                self = .point(try Point(from: decoder))
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard keys.count == 1, let key = c.allKeys.first else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a route entry is a point {lat, lon, alt_ft, speed_kt} or an object with one key: orbit, hold, land, take_off or drop"))
            }
            switch key {
            case .orbit: self = .orbit(try c.decode(Orbit.self, forKey: .orbit))
            case .land: self = .land(try c.decode(Land.self, forKey: .land))
            case .takeOff: self = .takeOff(try c.decode(TakeOff.self, forKey: .takeOff))
            case .hold: self = .hold(try c.decode(Hold.self, forKey: .hold))
            case .drop:
                _ = try c.decode(Empty.self, forKey: .drop)
                self = .drop
            }
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .point(let p): try p.encode(to: encoder)
            case .orbit(let o):
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(o, forKey: .orbit)
            case .land(let l):
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(l, forKey: .land)
            case .takeOff(let t):
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(t, forKey: .takeOff)
            case .hold(let h):
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(h, forKey: .hold)
            case .drop:
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(Empty(), forKey: .drop)
            }
        }
    }

    /// Circle a point: `radius_nm` or `bank_deg` (one of them), `turns` or `duration_s` (one of them).
    public struct Orbit: Codable, Sendable, Equatable {
        public var lat: Double
        public var lon: Double
        public var radiusNm: Double?
        public var bankDeg: Double?
        public var turns: Double?
        public var durationS: Double?
        public var altFt: Double
        public var speedKt: Double
        /// `right` (the default) or `left`.
        public var direction: String?
    }

    /// Land and roll to a stop at a point, then stay on the ground.
    public struct Land: Codable, Sendable, Equatable {
        public var lat: Double
        public var lon: Double
        /// Feet above sea level; the session's ground under the point when absent.
        public var elevationFt: Double?
        public var approachHeadingDeg: Double
        /// Final approach speed; the speed it arrives with, at most 80 kt, when absent.
        public var speedKt: Double?
        public var groundS: Double?
    }

    /// Take off from where it stands, climb out on a heading.
    public struct TakeOff: Codable, Sendable, Equatable {
        public var headingDeg: Double
        public var climbToFt: Double
        public var speedKt: Double
    }

    /// A race-track holding pattern on a fix: inbound to the fix on `inbound_course_deg`, a
    /// half-circle turn, an outbound leg of `leg_s` seconds (60), a half-circle back onto the
    /// inbound course, `laps` times. Turns at the flight's bank (`direction` `right`, the default,
    /// or `left`).
    public struct Hold: Codable, Sendable, Equatable {
        public var lat: Double
        public var lon: Double
        public var inboundCourseDeg: Double
        public var legS: Double?
        public var laps: Int
        public var altFt: Double
        public var speedKt: Double
        public var direction: String?
    }
}
