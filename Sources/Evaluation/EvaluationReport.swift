/// How well a track stream matched the truth of a session: set distances at every instant, and
/// continuity per flight and per track. Rendered by `text()` for people and `json()` for tools.
public struct EvaluationReport: Sendable, Equatable {
    /// One evaluation instant.
    public struct Instant: Sendable, Equatable {
        /// Session seconds.
        public var t: Double
        /// Detectable flights.
        public var truths: Int
        /// Confirmed and coasting tracks in the picture.
        public var tracks: Int
        public var gospa: GOSPA
        public var ospa: Double
    }

    /// One truth flight.
    public struct Flight: Sendable, Equatable {
        public var id: String
        public var label: String
        /// Instants at which it was detectable, and at which a track was assigned to it.
        public var detectableInstants: Int
        public var trackedInstants: Int
        /// trackedInstants / detectableInstants; nil if never detectable.
        public var completeness: Double?
        /// Numbers of the tracks that followed it, first first.
        public var tracks: [UInt16]
        public var breaks: Int
        /// Session seconds of its first detectable instant.
        public var firstDetectable: Double?
        /// Seconds from its first detectable instant to its first tracked one; nil if never tracked.
        public var latency: Double?
        /// Mean distance to its assigned track over its tracked instants, metres; nil if never tracked.
        public var meanError: Double?
    }

    /// One confirmed track (one life of a track number).
    public struct Track: Sendable, Equatable {
        public var number: UInt16
        /// UTC seconds since 1970 of its first plot.
        public var firstTime: Double
        /// Instants in the picture, and of those, assigned to a flight.
        public var instants: Int
        public var assignedInstants: Int
        /// Ids of the flights it followed, first first.
        public var flights: [String]
        public var identitySwitches: Int
        /// Assigned for less than `falseTrackFraction` of its instants.
        public var isFalse: Bool
    }

    public var settings: EvaluationSettings
    /// UTC seconds since 1970 of session second 0.
    public var start: Double
    public var instants: [Instant]
    /// Means over the instants.
    public var meanGOSPA: Double
    public var meanLocalisation: Double
    public var meanMissedCost: Double
    public var meanFalseCost: Double
    public var meanOSPA: Double
    public var flights: [Flight]
    /// Tracks that were ever confirmed within the truth's span.
    public var tracks: [Track]
    public var breaks: Int
    public var identitySwitches: Int
    public var falseTracks: Int
    /// Tracked / detectable instants over all flights; nil if no flight was ever detectable.
    public var completeness: Double?
    /// Over the flights that were tracked.
    public var medianLatency: Double?
    public var maxLatency: Double?
    /// Flights detectable at some instant but never tracked.
    public var neverTracked: Int
    /// The alerts against the truth's labels, when alerts were given.
    public var detection: Detection?
}
