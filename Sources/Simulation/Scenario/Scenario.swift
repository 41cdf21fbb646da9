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
    public var radars: [Radar]
    public var flights: [Flight]

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

    public struct Flight: Codable, Sendable, Equatable {
        public var id: String
        /// `normal` or `suspect:<profile>`.
        public var label: String?
        public var rcsM2: Double
        /// Session seconds at which it appears.
        public var startS: Double?
        public var start: Point
        public var headingDeg: Double
        public var route: [Point]
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
}
