import Geodesy
import Surveillance

/// One live track's state inside the tracker: its filters, its life stage and the identity its
/// plots carried. No history: consumers that draw or store a track's past keep their own,
/// bounded. Kept under 1 KB (a test checks `MemoryLayout<Track>.size`).
struct Track {
    var number: UInt16
    var filter: IMMFilter
    var vertical: VerticalFilter
    var stage: SystemTrack.Stage
    /// UTC seconds of the first plot and of the state in `filter`.
    var firstTime: Double
    var time: Double
    var updates: UInt32
    /// Plots while tentative (M of N).
    var hits: Int
    /// Expected time between updates: the scan period of the slowest radar still feeding it (a
    /// slower radar's claim lapses when it has not updated the track for two of its scans).
    var revisit: Double
    var revisitSetAt: Double
    var lastSensor: Int
    var lastSSR: Double
    var lastModeS: Double
    var flightLevel: Double?
    var mode3A: Mode3A?
    var address: ModeSAddress?
    var callsign: Callsign?
    /// The tracker's index of Mode S addresses points at this track.
    var ownsAddress = false

    /// Updates the track with its plot (late plots, up to the tracker's late window, are brought
    /// to the track's time along its velocity, widened by the velocity's uncertainty). Returns
    /// true when this plot confirmed the track: its `confirmHits`-th plot, at a speed no aircraft
    /// exceeds.
    mutating func absorb(_ plot: PlacedPlot, scanPeriod: Double, confirmHits: Int, maximumSpeed: Double) -> Bool {
        var m = plot.measurement
        let dt = plot.time - time
        if dt >= 0 {
            filter.predict(dt: dt)
            vertical.predict(dt: dt)
            time = plot.time
        } else {
            let e = filter.estimate
            let lag = -dt
            m.x += e.vx * lag
            m.y += e.vy * lag
            m.covariance.xx += e.covariance.vxvx * lag * lag
            m.covariance.xy += e.covariance.vxvy * lag * lag
            m.covariance.yy += e.covariance.vyvy * lag * lag
        }
        filter.update(m)
        if let h = plot.altitude { vertical.update(altitude: h, variance: plot.altitudeVariance) }
        if plot.detection.isModeS { lastModeS = plot.time }
        if plot.detection.hasSSR { lastSSR = plot.time }
        if let a = plot.address { address = a }
        if let c = plot.mode3A { mode3A = c }
        if let c = plot.callsign { callsign = c }
        if let fl = plot.flightLevel { flightLevel = fl }
        updates &+= 1
        lastSensor = plot.sensor
        noteRevisit(scanPeriod, at: plot.time)
        switch stage {
        case .tentative:
            hits += 1
            // Clutter near a radar, where it is densest, can line up; it seldom lines up at a
            // speed an aircraft flies.
            if hits >= confirmHits, filter.estimate.speed <= maximumSpeed {
                stage = .confirmed
                return true
            }
        case .coasting:
            stage = .confirmed
        case .confirmed:
            break
        }
        return false
    }

    /// Takes in a second track of the same aircraft (one Mode S address), keeping this one's
    /// number and first time: its state, where newer, and its identity and plots.
    mutating func absorb(track other: Track) {
        if other.time > time {
            filter = other.filter
            vertical = other.vertical
            time = other.time
            lastSensor = other.lastSensor
            revisit = other.revisit
            revisitSetAt = other.revisitSetAt
            if other.stage == .confirmed { stage = .confirmed }
            flightLevel = other.flightLevel ?? flightLevel
            mode3A = other.mode3A ?? mode3A
            callsign = other.callsign ?? callsign
        }
        lastSSR = max(lastSSR, other.lastSSR)
        lastModeS = max(lastModeS, other.lastModeS)
        updates &+= other.updates
    }

    /// The track as the rest of the pipeline sees it, at `position` (the estimate on the earth).
    func systemTrack(at position: GeodeticPosition, sensor: SensorID, sourceMemoryScans: Double) -> SystemTrack {
        let e = filter.estimate
        let memory = sourceMemoryScans * revisit
        let source: SystemTrack.Source = time - lastModeS <= memory ? .modeS : time - lastSSR <= memory ? .ssr : .psrOnly
        return SystemTrack(
            number: number, time: time, stage: stage, source: source,
            latitude: position.latitude, longitude: position.longitude,
            x: e.x, y: e.y, vx: e.vx, vy: e.vy, covariance: e.positionCovariance,
            altitude: vertical.isKnown ? vertical.altitude : nil,
            verticalRate: vertical.isKnown ? vertical.verticalRate : 0,
            flightLevel: flightLevel, mode3A: mode3A, address: address, callsign: callsign,
            manoeuvring: filter.turning, firstTime: firstTime, updates: updates,
            lastSensor: sensor, ended: false)
    }

    mutating func noteRevisit(_ period: Double, at t: Double) {
        if period >= revisit || t - revisitSetAt > 2 * revisit {
            revisit = period
            revisitSetAt = t
        }
    }
}

/// The part of a track that every batch reads, for every track, in one cache line: where it
/// was, how fast it goes and how uncertain that is, to tell whether it can reach the batch's
/// plots at all and how far.
struct TrackMotion {
    var x: Double, y: Double
    var vx: Double, vy: Double
    var time: Double
    /// Traces of the position and velocity blocks of the covariance (m², m²/s²).
    var positionSpread: Double, velocitySpread: Double
    var live: Bool

    init(_ track: borrowing Track) {
        let e = track.filter.estimate
        x = e.x
        y = e.y
        vx = e.vx
        vy = e.vy
        time = track.time
        positionSpread = e.covariance.xx + e.covariance.yy
        velocitySpread = e.covariance.vxvx + e.covariance.vyvy
        live = track.number != 0
    }

    /// Metres per second.
    var speed: Double { (vx * vx + vy * vy).squareRoot() }
}

/// The part of a track that gating reads, for the tracks that can reach a batch.
struct GateEntry {
    var state: HorizontalState
    var time: Double
    var address: ModeSAddress?
    /// The Mode 3/A code (12 bits), flags left out.
    var mode3A: UInt16?
    /// A track of one plot: its velocity is unknown, so its gate is bounded by a top speed.
    var single: Bool

    init(_ track: borrowing Track) {
        state = track.filter.estimate
        time = track.time
        address = track.address
        mode3A = track.mode3A?.code
        single = track.updates <= 1
    }

    /// Squared Mahalanobis distance of `m` from where the track puts it at `t`: the state moved
    /// on by constant velocity with white-noise acceleration `q` (m²/s³), the plot's covariance
    /// added. A late plot's runs the mean back along the velocity and keeps the covariance.
    ///
    /// Gating calls this for every candidate pair, so only the position block of F P Fᵀ + Q is
    /// worked out, term for term as `MotionModel.predict` would (F's turn terms are 0 here).
    func mahalanobis2(_ m: PositionMeasurement, at t: Double, noiseDensity q: Double) -> Double {
        let dt = t - time
        let p = state.covariance
        var x = state.x, y = state.y
        var xx = p.xx, xy = p.xy, yy = p.yy
        if dt > 0 {
            x += dt * state.vx
            y += dt * state.vy
            let u11 = p.xvx + dt * p.vxvx
            let u12 = p.xvy + dt * p.vxvy
            let u22 = p.yvy + dt * p.vyvy
            let qCross = 0.5 * (q * dt) * dt
            let qPosition = qCross * dt * (2.0 / 3.0)
            xx = p.xx + dt * p.xvx + dt * u11 + qPosition
            xy = p.xy + dt * p.yvx + dt * u12
            yy = p.yy + dt * p.yvy + dt * u22 + qPosition
        } else {
            x += state.vx * dt
            y += state.vy * dt
        }
        return m.mahalanobis2(fromX: x, y: y, xx: xx, xy: xy, yy: yy)
    }

    /// Whether an aircraft could have flown from this track to `m` by `t`: only a track of one
    /// plot is in doubt (two plots imply a speed, and clutter pairs mostly imply an impossible one).
    func canReach(_ m: PositionMeasurement, at t: Double, maximumSpeed: Double) -> Bool {
        guard single else { return true }
        let ex = m.x - state.x, ey = m.y - state.y
        let slack = 3 * (state.covariance.xx + state.covariance.yy + m.covariance.xx + m.covariance.yy).squareRoot()
        let reach = maximumSpeed * abs(t - time) + slack
        return ex * ex + ey * ey <= reach * reach
    }
}

/// The part of a track that track management reads, for every track once a second: a small
/// array scanned instead of the tracks themselves.
struct TrackLife {
    var time: Double
    var firstTime: Double
    var revisit: Double
    var stage: SystemTrack.Stage
    var live: Bool

    init(_ track: borrowing Track) {
        time = track.time
        firstTime = track.firstTime
        revisit = track.revisit
        stage = track.stage
        live = track.number != 0
    }
}
