/// One aircraft of a session: how it flies, what it looks like to a radar, what its transponder
/// does, and what it really is.
public struct SimulatedFlight: Sendable {
    /// Stable name for the truth file, e.g. "AMX401" or "suspect-3".
    public var id: String
    /// `normal` or `suspect:<profile>`.
    public var label: String
    /// What kind of flight it is beyond its label, e.g. `hard-negative:crop-duster`; nil when unsaid.
    public var role: String?
    /// Radar cross-section, m².
    public var rcs: Double
    /// Where and when it appears (time in session seconds; position in the session plane).
    public var start: AircraftState
    public var route: [Leg]
    public var model: FlightModel
    /// What the transponder answers while it is on; nil for an aircraft without one.
    public var transponder: Transponder?
    /// Times (session seconds) at which the transponder is switched, in order.
    public var transponderSwitches: [TransponderSwitch]

    public struct TransponderSwitch: Sendable, Equatable {
        public var time: Double
        public var on: Bool

        public init(time: Double, on: Bool) {
            self.time = time
            self.on = on
        }
    }

    public init(id: String, label: String = "normal", rcs: Double, start: AircraftState, route: [Waypoint],
                model: FlightModel = FlightModel(), transponder: Transponder?, transponderSwitches: [TransponderSwitch] = []) {
        self.init(id: id, label: label, rcs: rcs, start: start, route: route.map(Leg.waypoint), model: model,
                  transponder: transponder, transponderSwitches: transponderSwitches)
    }

    public init(id: String, label: String = "normal", role: String? = nil, rcs: Double, start: AircraftState, route: [Leg],
                model: FlightModel = FlightModel(), transponder: Transponder?, transponderSwitches: [TransponderSwitch] = []) {
        self.id = id
        self.label = label
        self.role = role
        self.rcs = rcs
        self.start = start
        self.route = route
        self.model = model
        self.transponder = transponder
        self.transponderSwitches = transponderSwitches
    }

    /// Whether the transponder answers at `time`.
    public func transponderOn(at time: Double) -> Bool {
        guard transponder != nil else { return false }
        var on = true
        for s in transponderSwitches where s.time <= time { on = s.on }
        return on
    }
}

/// A flight's states at every whole second it flies, for interpolation at beam crossings.
struct Trajectory: Sendable {
    let states: [AircraftState]

    var startTime: Double { states.first?.time ?? 0 }
    var endTime: Double { states.last?.time ?? 0 }

    /// The state at `time`, interpolated linearly between the seconds around it; nil outside.
    func state(at time: Double) -> AircraftState? {
        guard let first = states.first, time >= first.time, time <= endTime else { return nil }
        let i = min(Int(time - first.time), states.count - 2)
        guard i >= 0, i + 1 < states.count else { return states.first }
        let a = states[i], b = states[i + 1]
        let f = (time - a.time) / max(b.time - a.time, 1e-9)
        var s = a
        s.time = time
        s.east += (b.east - a.east) * f
        s.north += (b.north - a.north) * f
        s.altitude += (b.altitude - a.altitude) * f
        s.speed += (b.speed - a.speed) * f
        s.heading = a.heading + FlightModel.wrap(b.heading - a.heading) * f
        s.verticalRate = b.verticalRate
        s.onGround = f < 0.5 ? a.onGround : b.onGround
        return s
    }
}
