import Glibc  // atan2: see SWIFT.md, pitfall 3

/// One update of one system track: the tracker's estimate of one aircraft at one time, fused from
/// every radar that sees it. What the classifier, the feeds, the store and the display consume.
public struct SystemTrack: Sendable, Equatable {
    /// Track life stage (M-of-N confirmation, then coasting while plots are missing).
    public enum Stage: UInt8, Sendable, NamedCase {
        case tentative, confirmed, coasting

        /// The name the JSON lines and the store use: `tentative`, `confirmed`, `coasting`.
        public var name: String {
            switch self {
            case .tentative: "tentative"
            case .confirmed: "confirmed"
            case .coasting: "coasting"
            }
        }
    }

    /// What kind of plots have been feeding it recently.
    public enum Source: UInt8, Sendable, NamedCase {
        /// Primary returns only: no transponder reply.
        case psrOnly
        /// Mode A/C replies.
        case ssr
        /// Mode S replies (address known).
        case modeS

        /// The name the JSON lines and the store use: `psr_only`, `ssr`, `mode_s`.
        public var name: String {
            switch self {
            case .psrOnly: "psr_only"
            case .ssr: "ssr"
            case .modeS: "mode_s"
            }
        }
    }

    /// 1…65535, reused only after a delay.
    public var number: UInt16
    /// UTC seconds since 1970 of this estimate.
    public var time: Double
    public var stage: Stage
    public var source: Source
    public var latitude: Double
    public var longitude: Double
    /// Position in the tracker's system plane, metres east and north of its centre.
    public var x: Double
    public var y: Double
    /// Velocity in the system plane, m/s.
    public var vx: Double
    public var vy: Double
    /// Position covariance in the system plane, m².
    public var covariance: Covariance2
    /// Estimated altitude above sea level, metres; nil while only an assumed height is known.
    public var altitude: Double?
    /// Vertical rate, m/s, positive up.
    public var verticalRate: Double
    /// Last pressure altitude a transponder reported, flight levels.
    public var flightLevel: Double?
    public var mode3A: Mode3A?
    public var address: ModeSAddress?
    public var callsign: Callsign?
    /// The track is in a turn (the turn models of the filter carry most of the probability).
    public var manoeuvring: Bool
    /// UTC seconds since 1970 of the track's first plot.
    public var firstTime: Double
    /// Plots that updated it.
    public var updates: UInt32
    /// Radars whose plots updated it in the last update (the latest one listed first).
    public var lastSensor: SensorID
    /// The track ended with this update (deleted); no further update will carry its number.
    public var ended: Bool

    public init(number: UInt16, time: Double, stage: Stage, source: Source, latitude: Double, longitude: Double,
                x: Double, y: Double, vx: Double, vy: Double, covariance: Covariance2, altitude: Double?,
                verticalRate: Double, flightLevel: Double?, mode3A: Mode3A?, address: ModeSAddress?,
                callsign: Callsign?, manoeuvring: Bool, firstTime: Double, updates: UInt32,
                lastSensor: SensorID, ended: Bool) {
        self.number = number
        self.time = time
        self.stage = stage
        self.source = source
        self.latitude = latitude
        self.longitude = longitude
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.covariance = covariance
        self.altitude = altitude
        self.verticalRate = verticalRate
        self.flightLevel = flightLevel
        self.mode3A = mode3A
        self.address = address
        self.callsign = callsign
        self.manoeuvring = manoeuvring
        self.firstTime = firstTime
        self.updates = updates
        self.lastSensor = lastSensor
        self.ended = ended
    }

    /// Ground speed, m/s.
    public var groundSpeed: Double { (vx * vx + vy * vy).squareRoot() }

    /// Direction of motion, degrees clockwise from the system plane's north in [0, 360); 0 when
    /// standing still.
    public var heading: Double {
        let a = atan2(vx, vy) * 180 / Double.pi
        return a < 0 ? a + 360 : a
    }
}
