import FoundationEssentials

extension EvaluationReport {
    /// The report as one JSON object for tools, keys sorted (the README, "centinela evaluate",
    /// lists them). Unknown values (a latency of a flight never tracked) are absent.
    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Every number is finite (means of no instants are 0, ratios of nothing are nil), so
        // encoding cannot fail.
        return Array(try! encoder.encode(ReportJSON(self)))
    }
}

/// The JSON shape, kept apart from the Swift API so either can change without the other.
private struct ReportJSON: Encodable {
    struct Settings: Encodable {
        var step: Double, p: Double, c: Double, staleness: Double, detectionWindow: Double
        var detectionRadius: Double, detectionSigmas: Double, falseTrackFraction: Double, hysteresis: Double
        var centreLat: Double?, centreLon: Double?
    }
    struct Instant: Encodable {
        var t: Double, truths: Int, tracks: Int, gospa: Double, localisation: Double
        var missed: Int, `false`: Int, missedCost: Double, falseCost: Double, ospa: Double
    }
    struct Flight: Encodable {
        var id: String, label: String, detectableInstants: Int, trackedInstants: Int
        var completeness: Double?, tracks: [UInt16], breaks: Int, firstDetectable: Double?, latency: Double?
        var meanError: Double?
    }
    struct Track: Encodable {
        var number: UInt16, firstTime: Double, instants: Int, assignedInstants: Int
        var flights: [String], identitySwitches: Int, `false`: Bool
    }

    struct Detection: Encodable {
        struct Suspect: Encodable {
            var id: String, label: String, firstDetectable: Double?, alerts: Int, firstAlert: Double?
            var firstClass: String?, event: String?, eventTime: Double?, lead: Double?
        }
        struct Normal: Encodable {
            var id: String, role: String?, alerts: Int, firstAlert: Double?, firstClass: String?
        }
        struct Raised: Encodable {
            var id: String, track: UInt16, t: Double, `class`: String, score: Double, flight: String?, label: String?
        }
        var suspects: [Suspect], normalFlights: [Normal], alerts: [Raised]
        var alertsRaised: Int, suspectAlerts: Int, falseAlerts: Int, unmatchedAlerts: Int
        var normalFlightHours: Double, falseAlertsPerFlightHour: Double?
        var precision: Double?, recall: Double?, rulesOff: [String]

        init(_ d: EvaluationReport.Detection) {
            suspects = d.suspects.map {
                Suspect(id: $0.id, label: $0.label, firstDetectable: $0.firstDetectable, alerts: $0.alerts,
                        firstAlert: $0.firstAlert, firstClass: $0.firstClass, event: $0.event, eventTime: $0.eventTime,
                        lead: $0.lead)
            }
            normalFlights = d.normals.map {
                Normal(id: $0.id, role: $0.role, alerts: $0.alerts, firstAlert: $0.firstAlert, firstClass: $0.firstClass)
            }
            alerts = d.alerts.map {
                Raised(id: $0.id, track: $0.track, t: $0.t, class: $0.classification, score: $0.score, flight: $0.flight,
                       label: $0.label)
            }
            alertsRaised = d.alerts.count
            suspectAlerts = d.suspectAlerts
            falseAlerts = d.falseAlerts
            unmatchedAlerts = d.unmatchedAlerts
            normalFlightHours = d.normalFlightHours
            falseAlertsPerFlightHour = d.falseAlertsPerFlightHour
            precision = d.precision
            recall = d.recall
            rulesOff = d.rulesOff
        }
    }

    var settings: Settings
    var start: Double
    var meanGospa: Double, meanLocalisation: Double, meanMissedCost: Double, meanFalseCost: Double
    var meanOspa: Double
    var breaks: Int, identitySwitches: Int, falseTracks: Int, completeness: Double?
    var medianLatency: Double?, maxLatency: Double?, neverTracked: Int
    var flights: [Flight]
    var tracks: [Track]
    var instants: [Instant]
    var detection: Detection?

    init(_ r: EvaluationReport) {
        let s = r.settings
        settings = Settings(step: s.step, p: s.p, c: s.cutoff, staleness: s.staleness,
                            detectionWindow: s.detectionWindow, detectionRadius: s.detectionRadius,
                            detectionSigmas: s.detectionSigmas, falseTrackFraction: s.falseTrackFraction,
                            hysteresis: s.hysteresis,
                            centreLat: s.centre?.latitude, centreLon: s.centre?.longitude)
        start = r.start
        meanGospa = r.meanGOSPA
        meanLocalisation = r.meanLocalisation
        meanMissedCost = r.meanMissedCost
        meanFalseCost = r.meanFalseCost
        meanOspa = r.meanOSPA
        breaks = r.breaks
        identitySwitches = r.identitySwitches
        falseTracks = r.falseTracks
        completeness = r.completeness
        medianLatency = r.medianLatency
        maxLatency = r.maxLatency
        neverTracked = r.neverTracked
        flights = r.flights.map {
            Flight(id: $0.id, label: $0.label, detectableInstants: $0.detectableInstants,
                   trackedInstants: $0.trackedInstants, completeness: $0.completeness, tracks: $0.tracks,
                   breaks: $0.breaks, firstDetectable: $0.firstDetectable, latency: $0.latency,
                   meanError: $0.meanError)
        }
        tracks = r.tracks.map {
            Track(number: $0.number, firstTime: $0.firstTime, instants: $0.instants,
                  assignedInstants: $0.assignedInstants, flights: $0.flights,
                  identitySwitches: $0.identitySwitches, false: $0.isFalse)
        }
        detection = r.detection.map(Detection.init)
        instants = r.instants.map {
            Instant(t: $0.t, truths: $0.truths, tracks: $0.tracks, gospa: $0.gospa.distance,
                    localisation: $0.gospa.localisation, missed: $0.gospa.missed, false: $0.gospa.falseTracks,
                    missedCost: $0.gospa.missedCost, falseCost: $0.gospa.falseCost, ospa: $0.ospa)
        }
    }
}
