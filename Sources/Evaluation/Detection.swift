import Surveillance

extension EvaluationReport {
    /// How well the suspect-profile alerts matched the truth's labels. Each alert belongs to the
    /// flight its track followed when the alert was raised, by the same track-to-flight assignment
    /// as continuity (the last flight the track was assigned to at or before the raise, else the
    /// first after); an alert whose track never followed a flight belongs to none.
    public struct Detection: Sendable, Equatable {
        /// A flight labelled `suspect:<profile>`.
        public struct Suspect: Sendable, Equatable {
            public var id: String
            public var label: String
            /// Session seconds of its first detectable instant; nil if never detectable.
            public var firstDetectable: Double?
            /// Alerts raised on it.
            public var alerts: Int
            /// Session seconds when its first alert was raised, and that alert's class.
            public var firstAlert: Double?
            public var firstClass: String?
            /// The first of its `border_crossing_north`, `landing` and `drop` in the truth (what
            /// the alert had to come before), and its session seconds.
            public var event: String?
            public var eventTime: Double?
            /// eventTime − firstAlert, seconds: negative when the alert came late; nil without
            /// either.
            public var lead: Double?
        }

        /// A normal flight worth listing: a hard negative (it has a role), or one that drew an alert.
        public struct Normal: Sendable, Equatable {
            public var id: String
            public var role: String?
            public var alerts: Int
            public var firstAlert: Double?
            public var firstClass: String?
        }

        /// One raised alert and the flight it was matched to.
        public struct Raised: Sendable, Equatable {
            public var id: String
            public var track: UInt16
            /// Session seconds.
            public var t: Double
            public var classification: String
            public var score: Double
            /// The flight's id and label; nil when its track followed no flight (a false track).
            public var flight: String?
            public var label: String?
        }

        public var suspects: [Suspect]
        public var normals: [Normal]
        public var alerts: [Raised]
        /// Alerts matched to suspect flights, to normal flights (false alerts), and to none.
        public var suspectAlerts: Int
        public var falseAlerts: Int
        public var unmatchedAlerts: Int
        /// Hours normal flights were detectable (a plot near them lately): the traffic a false
        /// alert could have come from.
        public var normalFlightHours: Double
        /// falseAlerts / normalFlightHours; nil without normal traffic.
        public var falseAlertsPerFlightHour: Double?
        /// Over flights: suspect flights alerted / flights alerted (suspect or normal), and suspect
        /// flights alerted / suspect flights; nil when the denominator is 0.
        public var precision: Double?
        public var recall: Double?
        /// The classifier's rules that were off, with why (no terrain, tracks outside the tiles).
        public var rulesOff: [String]
    }
}

extension Evaluator {
    /// The events a suspect's alert must come before.
    static let decisiveEvents: Set<String> = ["border_crossing_north", "landing", "drop"]

    /// Matches each raised alert to a flight through the continuity assignment, and sums up.
    static func detection(truth: Truth, lives: [TrackPicture.Life], continuity: Continuity, alerts: [Alert],
                          step: Double, rulesOff: [String]) -> EvaluationReport.Detection {
        struct LifeKey: Hashable { var number: UInt16; var firstTime: Double }
        var lifeOf: [LifeKey: Int] = [:]
        for (k, l) in lives.enumerated() { lifeOf[LifeKey(number: l.number, firstTime: l.firstTime)] = k }

        var raised: [EvaluationReport.Detection.Raised] = []
        var flightOfAlert: [Int?] = []
        for a in alerts where a.state == .raised {
            let t = a.raisedTime - truth.start
            var flight: Int?
            if let life = lifeOf[LifeKey(number: a.track.number, firstTime: a.track.firstTime)], life < continuity.tracks.count {
                let followed = continuity.tracks[life].followed
                flight = (followed.last { $0.t <= t } ?? followed.first)?.flight
            }
            flightOfAlert.append(flight)
            raised.append(.init(id: a.id, track: a.track.number, t: t, classification: a.classification, score: a.score,
                                flight: flight.map { truth.flights[$0].id }, label: flight.map { truth.flights[$0].label }))
        }
        // Per flight: how many alerts, and the first.
        var count = [Int](repeating: 0, count: truth.flights.count)
        var first = [Int?](repeating: nil, count: truth.flights.count)
        for (i, f) in flightOfAlert.enumerated() {
            guard let f else { continue }
            count[f] += 1
            if first[f].map({ raised[$0].t > raised[i].t }) ?? true { first[f] = i }
        }

        var suspects: [EvaluationReport.Detection.Suspect] = []
        var normals: [EvaluationReport.Detection.Normal] = []
        var suspectAlerts = 0, falseAlerts = 0, normalInstants = 0
        var suspectsAlerted = 0, normalsAlerted = 0
        for (f, flight) in truth.flights.enumerated() {
            let firstAlert = first[f].map { raised[$0] }
            if flight.label.hasPrefix("suspect:") {
                suspectAlerts += count[f]
                if count[f] > 0 { suspectsAlerted += 1 }
                let event = flight.samples.lazy.compactMap { s in
                    s.events?.first(where: decisiveEvents.contains).map { (name: $0, t: s.t) }
                }.first
                suspects.append(.init(id: flight.id, label: flight.label,
                                      firstDetectable: continuity.flights[f].firstDetectable, alerts: count[f],
                                      firstAlert: firstAlert?.t, firstClass: firstAlert?.classification,
                                      event: event?.name, eventTime: event?.t,
                                      lead: event.flatMap { e in firstAlert.map { e.t - $0.t } }))
            } else {
                falseAlerts += count[f]
                if count[f] > 0 { normalsAlerted += 1 }
                normalInstants += continuity.flights[f].detectable
                if flight.role != nil || count[f] > 0 {
                    normals.append(.init(id: flight.id, role: flight.role, alerts: count[f], firstAlert: firstAlert?.t,
                                         firstClass: firstAlert?.classification))
                }
            }
        }
        let hours = Double(normalInstants) * step / 3600
        let alerted = suspectsAlerted + normalsAlerted
        return .init(suspects: suspects, normals: normals, alerts: raised, suspectAlerts: suspectAlerts,
                     falseAlerts: falseAlerts, unmatchedAlerts: flightOfAlert.count { $0 == nil },
                     normalFlightHours: hours, falseAlertsPerFlightHour: hours > 0 ? Double(falseAlerts) / hours : nil,
                     precision: alerted > 0 ? Double(suspectsAlerted) / Double(alerted) : nil,
                     recall: suspects.isEmpty ? nil : Double(suspectsAlerted) / Double(suspects.count),
                     rulesOff: rulesOff)
    }
}
