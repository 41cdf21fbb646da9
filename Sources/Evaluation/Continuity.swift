/// Track continuity over a session, from the track-to-flight assignment of each instant (the
/// GOSPA assignment: pairs closer than the cut-off).
///
/// - A **track break**: a flight's assigned track changes while it stays detectable, whether
///   directly or after some instants without a track. A flight that stops being detectable
///   (below the horizon, landed) and comes back under a new track has no break: no tracker
///   could have held it.
/// - An **identity switch**: a track that followed one flight is next assigned to another.
/// - **Completeness**: the fraction of a flight's detectable instants with an assigned track.
/// - **Latency**: from a flight's first detectable instant to its first assigned instant.
/// - **Mean error**: the mean distance between a flight and its assigned track.
struct Continuity {
    struct FlightState {
        var detectable = 0
        var tracked = 0
        var breaks = 0
        /// The track (life) it had last in its current detectable stretch.
        var lastTrack: Int?
        /// Every track that followed it, first first.
        var tracks: [Int] = []
        var firstDetectable: Double?
        var firstTracked: Double?
        /// Sum of the distances (m) to its assigned track over the tracked instants.
        var error = 0.0
    }

    struct TrackState {
        /// Instants in the picture (confirmed or coasting, fresh).
        var instants = 0
        var assigned = 0
        var switches = 0
        var lastFlight: Int?
        var flights: [Int] = []
        /// Each instant (session seconds) it began to follow a flight other than the one before:
        /// which flight it followed at any time, for matching its alerts.
        var followed: [(t: Double, flight: Int)] = []
    }

    private(set) var flights: [FlightState]
    private(set) var tracks: [TrackState] = []

    init(flights: Int) {
        self.flights = Array(repeating: FlightState(), count: flights)
    }

    /// A flight not detectable at this instant: its stretch ends.
    mutating func notDetectable(flight: Int) {
        flights[flight].lastTrack = nil
    }

    /// A flight detectable at `t`, with the track (life) assigned to it, if any.
    mutating func detectable(flight f: Int, track: Int?, distance: Double, at t: Double) {
        flights[f].detectable += 1
        if flights[f].firstDetectable == nil { flights[f].firstDetectable = t }
        guard let track else { return }
        flights[f].tracked += 1
        flights[f].error += distance
        if flights[f].firstTracked == nil { flights[f].firstTracked = t }
        if let last = flights[f].lastTrack, last != track { flights[f].breaks += 1 }
        flights[f].lastTrack = track
        if !flights[f].tracks.contains(track) { flights[f].tracks.append(track) }
    }

    /// A track in the picture at `t`, with the flight assigned to it, if any.
    mutating func inPicture(track k: Int, flight: Int?, at t: Double) {
        while tracks.count <= k { tracks.append(TrackState()) }
        tracks[k].instants += 1
        guard let flight else { return }
        tracks[k].assigned += 1
        if let last = tracks[k].lastFlight, last != flight { tracks[k].switches += 1 }
        if tracks[k].lastFlight != flight { tracks[k].followed.append((t, flight)) }
        tracks[k].lastFlight = flight
        if !tracks[k].flights.contains(flight) { tracks[k].flights.append(flight) }
    }
}
