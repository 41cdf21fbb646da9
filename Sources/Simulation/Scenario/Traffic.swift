extension Scenario {
    /// Ordinary traffic generated from rates rather than listed flight by flight: airliners along
    /// airways and general aviation between airports. The same scenario and seed give the same
    /// flights; they are labelled `normal` and written to the truth like listed ones.
    public struct Traffic: Codable, Sendable, Equatable {
        public var airways: [Airway]?
        public var generalAviation: GeneralAviation?
    }

    /// An airway flown both ways by Mode S airliners at flight levels of its band.
    public struct Airway: Codable, Sendable, Equatable {
        public var name: String
        /// `[lat, lon]` points in order; flights enter at either end.
        public var points: [[Double]]
        public var flMin: Double
        public var flMax: Double
        /// Flights an hour, both directions together.
        public var perHour: Double
        /// Cruise speed (460 kt); each flight flies within 20 kt of it.
        public var speedKt: Double?
    }

    /// Light aircraft with transponders flying from one airport of `airports` to another, landing there.
    public struct GeneralAviation: Codable, Sendable, Equatable {
        /// Departures an hour (those that left before the session starts are met in the air).
        public var perHour: Double
        /// ICAO codes of the scenario's `airports` they use; all of them when absent.
        public var airports: [String]?
        /// Cruise altitude band, feet above sea level ([6500, 11500]); raised where the relief
        /// under the route needs it.
        public var cruiseFt: [Double]?
        /// Cruise speed band ([110, 170]).
        public var speedKt: [Double]?
        /// Farthest pair of airports flown between (250 NM).
        public var maxDistanceNm: Double?
    }
}
