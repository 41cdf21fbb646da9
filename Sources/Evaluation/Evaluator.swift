import Geodesy
import Surveillance

/// Measures a tracker's output against the truth of its session.
public enum Evaluator {
    /// More instants than this would be a report too large to be read (a day at 10 ms steps).
    static let instantLimit = 10_000_000

    /// - Parameters:
    ///   - truth: the session's truth.
    ///   - tracks: every update the tracker emitted, in any order (times are UTC).
    ///   - plots: every plot the tracker received, located (times UTC): they decide when a flight
    ///     was detectable.
    ///   - alerts: the alert state changes raised on those tracks, if alerts are to be scored.
    ///   - rulesOff: the classifier's rules that were off, with why, for the report to say.
    /// - Returns: GOSPA and OSPA at every `settings.step` over the truth's span, continuity, and
    ///   with alerts, detection quality.
    public static func evaluate(truth: Truth, tracks: [SystemTrack], plots: [PlotSighting], alerts: [Alert]? = nil,
                                rulesOff: [String] = [],
                                settings: EvaluationSettings = EvaluationSettings()) throws(EvaluationError) -> EvaluationReport {
        try settings.validated()
        let plane = try makePlane(truth: truth, centre: settings.centre)
        let paths = truth.flights.map { FlightPath($0, plane: plane) }
        var detectability = Detectability(paths: paths, plots: plots, start: truth.start, plane: plane,
                                          settings: settings)
        var picture = TrackPicture(updates: tracks, plane: plane)
        var continuity = Continuity(flights: paths.count)
        var assigner = SetAssignment()

        let first = truth.span.lowerBound
        let count = Int(((truth.span.upperBound - first) / settings.step + 1e-9).rounded(.down)) + 1
        guard count <= instantLimit else { throw .tooManyInstants(count) }

        var instants: [EvaluationReport.Instant] = []
        instants.reserveCapacity(count)
        var cursors = [Int](repeating: 0, count: paths.count)
        var truthFlights: [Int] = [], truthPoints: [(point: PlanePoint, altitude: Double)] = []
        var entries: [TrackPicture.Entry] = []
        var distances: [Double] = [], sticky: [Double] = []
        for k in 0..<count {
            let t = first + Double(k) * settings.step
            truthFlights.removeAll(keepingCapacity: true)
            truthPoints.removeAll(keepingCapacity: true)
            for f in paths.indices {
                // Both calls run for every flight at every instant: their cursors move forward.
                let at = paths[f].position(at: t, cursor: &cursors[f])
                if let at, detectability.isDetectable(f, at: t) {
                    truthFlights.append(f)
                    truthPoints.append(at)
                } else {
                    continuity.notDetectable(flight: f)
                }
            }
            picture.advance(to: truth.start + t, staleness: settings.staleness, into: &entries)

            distances.removeAll(keepingCapacity: true)
            for a in truthPoints {
                for e in entries {
                    // In 3-D when the track knows its altitude from a transponder: aircraft stacked
                    // on one airway are not the same aircraft.
                    let dx = a.point.x - e.x, dy = a.point.y - e.y, dz = e.altitude.map { $0 - a.altitude } ?? 0
                    distances.append((dx * dx + dy * dy + dz * dz).squareRoot())
                }
            }
            let gospa = assigner.gospa(distances: distances, truths: truthPoints.count, tracks: entries.count,
                                       p: settings.p, c: settings.cutoff)
            // Continuity follows tracks as a person would: a flight keeps the track it had unless
            // another is nearer by more than the hysteresis. The GOSPA assignment alone flips
            // between two aircraft passing within the radars' noise of each other, and would
            // count every flip as a break and a switch.
            if settings.hysteresis > 0 {
                sticky.removeAll(keepingCapacity: true)
                sticky.append(contentsOf: distances)
                for (i, f) in truthFlights.enumerated() {
                    guard let last = continuity.flights[f].lastTrack else { continue }
                    for (j, e) in entries.enumerated() where e.life == last {
                        let k = i * entries.count + j
                        if distances[k] < settings.cutoff { sticky[k] = max(0, distances[k] - settings.hysteresis) }
                    }
                }
                _ = assigner.gospa(distances: sticky, truths: truthPoints.count, tracks: entries.count,
                                   p: settings.p, c: settings.cutoff)
            }
            var flightOfEntry = [Int?](repeating: nil, count: entries.count)
            for (i, f) in truthFlights.enumerated() {
                let j = assigner.trackOfTruth[i]
                if j >= 0 { flightOfEntry[j] = f }
                continuity.detectable(flight: f, track: j >= 0 ? entries[j].life : nil,
                                      distance: j >= 0 ? distances[i * entries.count + j] : 0, at: t)
            }
            for (j, e) in entries.enumerated() {
                continuity.inPicture(track: e.life, flight: flightOfEntry[j], at: t)
            }
            let ospa = OSPA.from(gospa, truths: truthPoints.count, tracks: entries.count, p: settings.p,
                                 c: settings.cutoff)
            instants.append(.init(t: t, truths: truthPoints.count, tracks: entries.count, gospa: gospa, ospa: ospa))
        }
        var result = report(truth: truth, lives: picture.lives, continuity: continuity, instants: instants,
                            settings: settings)
        result.detection = alerts.map {
            detection(truth: truth, lives: picture.lives, continuity: continuity, alerts: $0, step: settings.step,
                      rulesOff: rulesOff)
        }
        return result
    }

    /// The stereographic plane distances are measured in: around the given centre, or the mean
    /// truth position (plain means of latitude and longitude: the sessions are regional and
    /// nowhere near the antimeridian).
    static func makePlane(truth: Truth, centre: GeodeticPosition?) throws(EvaluationError) -> StereographicPlane {
        var c = centre
        if c == nil {
            var lat = 0.0, lon = 0.0, n = 0.0
            for f in truth.flights {
                for s in f.samples {
                    lat += s.lat
                    lon += s.lon
                    n += 1
                }
            }
            c = GeodeticPosition(latitude: lat / n, longitude: lon / n)
        }
        let centre = c!
        do {
            return try StereographicPlane(centre: centre)
        } catch {
            throw .badCentre(latitude: centre.latitude, longitude: centre.longitude)
        }
    }

    /// Sums up the instants and the continuity counts.
    static func report(truth: Truth, lives: [TrackPicture.Life], continuity: Continuity,
                       instants: [EvaluationReport.Instant], settings: EvaluationSettings) -> EvaluationReport {
        func mean(_ value: (EvaluationReport.Instant) -> Double) -> Double {
            instants.isEmpty ? 0 : instants.reduce(0) { $0 + value($1) } / Double(instants.count)
        }
        var flights: [EvaluationReport.Flight] = []
        var latencies: [Double] = []
        var detectable = 0, tracked = 0, neverTracked = 0
        for (f, state) in continuity.flights.enumerated() {
            let latency = state.firstTracked.flatMap { tracked in state.firstDetectable.map { tracked - $0 } }
            if let latency { latencies.append(latency) }
            if state.detectable > 0, state.tracked == 0 { neverTracked += 1 }
            detectable += state.detectable
            tracked += state.tracked
            let info = truth.flights[f]
            flights.append(.init(id: info.id, label: info.label, detectableInstants: state.detectable,
                                 trackedInstants: state.tracked,
                                 completeness: state.detectable > 0 ? Double(state.tracked) / Double(state.detectable) : nil,
                                 tracks: state.tracks.map { lives[$0].number }, breaks: state.breaks,
                                 firstDetectable: state.firstDetectable, latency: latency,
                                 meanError: state.tracked > 0 ? state.error / Double(state.tracked) : nil))
        }
        var tracks: [EvaluationReport.Track] = []
        for (k, state) in continuity.tracks.enumerated() where state.instants > 0 {
            let isFalse = Double(state.assigned) < settings.falseTrackFraction * Double(state.instants)
            tracks.append(.init(number: lives[k].number, firstTime: lives[k].firstTime, instants: state.instants,
                                assignedInstants: state.assigned, flights: state.flights.map { truth.flights[$0].id },
                                identitySwitches: state.switches, isFalse: isFalse))
        }
        latencies.sort()
        let median: Double? = latencies.isEmpty ? nil
            : (latencies[(latencies.count - 1) / 2] + latencies[latencies.count / 2]) / 2
        return EvaluationReport(
            settings: settings, start: truth.start, instants: instants,
            meanGOSPA: mean(\.gospa.distance), meanLocalisation: mean(\.gospa.localisation),
            meanMissedCost: mean(\.gospa.missedCost), meanFalseCost: mean(\.gospa.falseCost),
            meanOSPA: mean(\.ospa), flights: flights, tracks: tracks,
            breaks: flights.reduce(0) { $0 + $1.breaks },
            identitySwitches: tracks.reduce(0) { $0 + $1.identitySwitches },
            falseTracks: tracks.count { $0.isFalse },
            completeness: detectable > 0 ? Double(tracked) / Double(detectable) : nil,
            medianLatency: median, maxLatency: latencies.last, neverTracked: neverTracked, detection: nil)
    }
}
