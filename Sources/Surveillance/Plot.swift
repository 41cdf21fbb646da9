/// One radar detection of one target in one scan, in the sensor's polar frame: what the tracker
/// consumes, whatever format it arrived in.
public struct Plot: Sendable, Equatable {
    public enum Detection: UInt8, Sendable {
        case none = 0, psr, ssr, ssrPSR, modeSAllCall, modeSRollCall, modeSAllCallPSR, modeSRollCallPSR

        /// A primary radar echo is part of the plot.
        public var hasPSR: Bool { self == .psr || self == .ssrPSR || self == .modeSAllCallPSR || self == .modeSRollCallPSR }
        /// A transponder replied.
        public var hasSSR: Bool { self != .none && self != .psr }
        public var isModeS: Bool { rawValue >= 4 }
    }

    public var sensor: SensorID
    public var time: TimeOfDay
    public var detection: Detection
    /// Slant range, metres.
    public var range: Double
    /// Azimuth from true north, degrees clockwise.
    public var azimuth: Double
    public var mode3A: Mode3A?
    /// Pressure altitude (Mode C / Mode S), flight levels.
    public var flightLevel: Double?
    /// Height measured by a 3-D radar, feet.
    public var measuredHeight: Double?
    public var address: ModeSAddress?
    public var callsign: Callsign?
    /// The radar's own track number, when its extractor tracks.
    public var radarTrack: UInt16?
    public var spi: Bool

    public init(sensor: SensorID, time: TimeOfDay, detection: Detection, range: Double, azimuth: Double,
                mode3A: Mode3A? = nil, flightLevel: Double? = nil, measuredHeight: Double? = nil,
                address: ModeSAddress? = nil, callsign: Callsign? = nil, radarTrack: UInt16? = nil, spi: Bool = false) {
        self.sensor = sensor
        self.time = time
        self.detection = detection
        self.range = range
        self.azimuth = azimuth
        self.mode3A = mode3A
        self.flightLevel = flightLevel
        self.measuredHeight = measuredHeight
        self.address = address
        self.callsign = callsign
        self.radarTrack = radarTrack
        self.spi = spi
    }
}

/// Units the surveillance formats use, in SI.
public enum Units {
    public static let metresPerNauticalMile = 1852.0
    public static let metresPerFoot = 0.3048
}
