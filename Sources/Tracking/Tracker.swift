import CPrefetch
import Geodesy
import Surveillance

/// The multi-radar tracker: plots in, system track updates out.
///
/// It is fed one batch at a time: the plots of one radar that arrived together (a plot
/// extractor sends a sector's plots in one datagram). For each batch it places the plots in the
/// system plane, gates them against every live track near them (a spatial grid, χ² gates on each
/// track extrapolated to the plot's time, Mode S addresses that differ never pair), solves the
/// association per cluster optimally, updates the tracks that won a plot, starts tentative
/// tracks from plots that fell in no gate, and reports every track it changed. Plots of one
/// aircraft from several radars update the same track one after another: that is the fusion.
///
/// Time comes from the plots (ASTERIX time of day dated by the receive time), never from the
/// clock on the wall; the same batches in the same order give the same updates, bit for bit.
/// Single-threaded: one tracker owns its tables.
public struct Tracker {
    public let settings: TrackerSettings
    /// What happened to the plots and tracks so far (plots held off the clock count as refused,
    /// late or future, until their time is confirmed).
    public var counts: TrackerCounts {
        var c = tally
        for claim in claims.claims {
            if claim.latest > clock { c.futurePlots += claim.count } else { c.latePlots += claim.count }
        }
        return c
    }
    private var tally = TrackerCounts()
    /// Latest plot time tracked, UTC seconds since 1970 (−∞ before the first time is confirmed).
    public private(set) var clock = -Double.infinity
    /// The system plane, fixed by the configured centre or the first radar position known.
    public var plane: StereographicPlane? { system?.plane }
    private var system: SystemPlane?

    private var sensors: SensorTable
    private var numbers: TrackNumbers
    /// Track slots; a free slot has number 0.
    private var tracks: [Track] = []
    /// What the per-batch scan over every slot reads (where the track was and how it moves), and
    /// what gating reads of a track in reach: each kept apart and small, so the scan over every
    /// track touches one cache line of each and the per-pair tests a fraction of the track.
    private var motion: [TrackMotion] = []
    private var gating: [GateEntry] = []
    /// What track management reads of each slot, kept apart for the same reason.
    private var lives: [TrackLife] = []
    /// Per slot, the data time from which track management may have to act on it (+∞ for a free
    /// slot): the once-a-second pass reads these 8 bytes a track, and a track's life only when due.
    private var due: [Double] = []
    private var freeSlots: [Int] = []
    private var history: TrackHistory
    /// The slot of each live track number, -1 for none.
    private var slotOfNumber = [Int32](repeating: -1, count: Int(UInt16.max) + 1)
    public private(set) var liveTracks = 0
    private var lastMaintenance = -Double.infinity
    private let gate: ChiSquareGate
    private let addressGate: ChiSquareGate
    /// Plots too far from the data clock (or before it has a time), until their time is
    /// confirmed or refused.
    private var claims = TimeClaims()
    /// The receive time of the batch being tracked (nil for batches given to `track` placed),
    /// and that of the last batch tracked as the present with the clock after it: how far a
    /// batch may move the clock on is bounded by the time that passed at the receiver.
    private var receivedAt: Double?
    private var lastReception: (received: Double, clock: Double)?
    /// The slot of the live track that owns each Mode S address (24 bits): the one a plot with the
    /// address goes to rather than starting a track, and the one a second track of it merges into.
    private var addressOwner: [UInt32: Int32] = [:]
    /// Pairs of live tracks (slots) found sharing an address in this batch, merged after it.
    private var sharedAddresses: [(Int, Int)] = []
    /// Slots given a plot through their address in this batch (one plot a track a batch).
    private var addressGated: [Int] = []

    // Per-batch scratch, kept between batches so a batch allocates nothing once warmed up.
    private var batch: [PlacedPlot] = []
    private var grid = SpatialGrid()
    private var pairs: [GatedPair] = []
    private var plotGated: [Bool] = []
    private var association = AssociationClusters()
    private var dueSlots: [Int] = []

    public init(settings: TrackerSettings = TrackerSettings()) {
        self.settings = settings
        sensors = SensorTable(configured: settings.sensors, defaults: settings.defaultSensor)
        numbers = TrackNumbers(reuseDelay: settings.trackNumberReuseDelay, highest: settings.highestTrackNumber)
        history = TrackHistory(length: settings.historyLength)
        gate = settings.gate
        addressGate = settings.addressGate
        if let centre = settings.centre ?? settings.sensors.lazy.compactMap(\.antenna).first {
            system = SystemPlane(centre: centre)
        }
    }

    // MARK: Radars

    /// A radar's antenna position from its CAT034 I034/120 (configuration wins).
    public mutating func radar(_ sensor: SensorID, position: GeodeticPosition) {
        guard sensors.report(position: position, of: sensor) else { return }
        if system == nil { system = SystemPlane(centre: position) }
    }

    /// A radar's antenna rotation period from its CAT034 I034/041, seconds.
    public mutating func radar(_ sensor: SensorID, scanPeriod: Double) {
        sensors.report(scanPeriod: scanPeriod, of: sensor)
    }

    /// The radars whose antenna position is known, with their settings (position, scan period):
    /// what a display draws as sites and steps a replay by.
    public var knownRadars: [SensorSettings] {
        sensors.sensors.lazy.filter { $0.site != nil }.map(\.settings)
    }

    // MARK: Batches

    /// Tracks one batch of plots received at `receivedAt` (UTC seconds since 1970: it dates the
    /// plots' times of day) and appends every track update it causes to `updates`.
    public mutating func process(_ plots: [Plot], receivedAt: Double, into updates: inout [SystemTrack]) {
        // Placed straight into the batch's buffer (swapped out: `place` may not write `self`).
        var placed: [PlacedPlot] = []
        swap(&placed, &batch)
        placed.removeAll(keepingCapacity: true)
        place(plots, receivedAt: receivedAt, into: &placed)
        swap(&placed, &batch)
        self.receivedAt = receivedAt
        trackBatch(into: &updates)
    }

    /// Tracks a batch of plots already placed by `place` (with no receive time, only
    /// `futureWindow` bounds how far it may move the clock on).
    public mutating func track(_ placed: [PlacedPlot], into updates: inout [SystemTrack]) {
        batch = placed
        receivedAt = nil
        trackBatch(into: &updates)
    }

    /// The latest plot time a batch may bring and still be the present: `futureWindow` past the
    /// clock, but no further past the clock of the last batch than the receiver's clock moved
    /// since, with the late window to spare (network delays). A plot cannot be dated further
    /// ahead than the time that passed before it arrived: one plot dated 30 s ahead would
    /// otherwise move the clock on 30 s, end every track and make every plot of the next 30 s
    /// late. A gap in the whole picture moves both clocks, and is the present as before.
    private var presentLimit: Double {
        let limit = clock + settings.futureWindow
        guard let r = receivedAt, let last = lastReception else { return limit }
        return min(limit, max(clock, last.clock + (r - last.received)) + settings.lateWindow)
    }

    private mutating func trackBatch(into updates: inout [SystemTrack]) {
        guard !batch.isEmpty else { return }
        let window = settings.futureWindow
        var earliest = Double.infinity, latest = -Double.infinity
        for p in batch {
            earliest = min(earliest, p.time)
            latest = max(latest, p.time)
        }
        let past = clock - window, ahead = presentLimit
        if clock.isFinite, earliest >= past, latest <= ahead {
            // A batch of the present: anything held was not the time after all.
            refuse(claims.refuseAll())
            trackPresent(at: latest, into: &updates)
            return
        }
        if clock.isFinite, batch.contains(where: { $0.time >= past && $0.time <= ahead }) {
            // Plots of the present in the same batch deny the others.
            for p in batch where !(p.time >= past && p.time <= ahead) { refuse(Refused(time: p.time, plots: 1)) }
            batch.removeAll { !($0.time >= past && $0.time <= ahead) }
            refuse(claims.refuseAll())
            trackPresent(at: Self.latestTime(of: batch), into: &updates)
            return
        }
        guard latest - earliest <= window else {
            // Plots hours apart in one batch claim no time at all.
            for p in batch { refuse(Refused(time: p.time, plots: 1)) }
            return
        }
        refuse(claims.hold(batch, window: window, limit: settings.futureHoldLimit))
        guard let (claim, others) = claims.releaseConfirmed(span: settings.futureConfirmSeconds) else { return }
        refuse(others, against: claim.earliest)
        if clock.isFinite, claim.earliest < clock { setClockBack(to: claim.earliest, into: &updates) }
        for held in claim.batches {
            batch = held
            trackPresent(at: Self.latestTime(of: batch), into: &updates)
        }
    }

    private typealias Refused = TimeClaims.Refused

    private static func latestTime(of plots: [PlacedPlot]) -> Double {
        plots.reduce(-Double.infinity) { max($0, $1.time) }
    }

    /// Counts refused plots as late or future against `time` (the clock, or the time just
    /// confirmed; before any, a claim that loses is counted as future).
    private mutating func refuse(_ refused: Refused, against time: Double? = nil) {
        if refused.time < (time ?? clock) { tally.latePlots += refused.plots } else { tally.futurePlots += refused.plots }
    }

    private mutating func refuse(_ refused: [Refused], against time: Double? = nil) {
        for r in refused { refuse(r, against: time) }
    }

    /// Every radar agreed on an earlier time (a recorder restarted, a clock put right): the
    /// tracks of the later time could never take a plot again (it would be hours before their
    /// last), so they end now, and the clock starts again from the plots of the earlier time.
    private mutating func setClockBack(to time: Double, into updates: inout [SystemTrack]) {
        for k in lives.indices where lives[k].live {
            let confirmed = lives[k].stage != .tentative
            if confirmed { tally.endedByClockSetBack += 1 }
            end(k, at: clock, into: &updates, report: confirmed)
        }
        tally.clockSetBacks += 1
        numbers.setBack(by: clock - time)
        clock = -.infinity
        lastReception = nil
        lastMaintenance = -.infinity
    }

    private mutating func trackPresent(at batchTime: Double, into updates: inout [SystemTrack]) {
        maintain(until: batchTime, into: &updates)
        clock = max(clock, batchTime)
        lastReception = receivedAt.map { ($0, clock) }
        associate(at: batchTime)
        apply(into: &updates)
        mergeSharedAddresses(into: &updates)
    }

    /// Moves the tracker's time on without plots (a source went quiet, or the session ended):
    /// tracks coast and are deleted as their silence requires.
    public mutating func advance(to time: Double, into updates: inout [SystemTrack]) {
        guard time > clock else { return }
        clock = time
        maintain(until: time, into: &updates, force: true)
    }

    /// The plots of the last batch that could be placed: UTC seconds since 1970, latitude and
    /// longitude in degrees, and the σ of the worst axis of their horizontal error, metres
    /// (evaluation uses them to tell what the radars saw).
    public func forEachPlacedPlot(_ body: (_ time: Double, _ latitude: Double, _ longitude: Double, _ sigma: Double) -> Void) {
        for p in batch {
            body(p.time, p.latitude, p.longitude, p.measurement.covariance.largestEigenvalue.squareRoot())
        }
    }

    /// Places plots in the system plane, refusing (and counting) what cannot be used: the first
    /// half of `process`. `receivedAt` (UTC seconds since 1970) dates their times of day.
    public mutating func place(_ plots: [Plot], receivedAt: Double, into batch: inout [PlacedPlot]) {
        for plot in plots {
            tally.plots += 1
            // Looked up, not added: only a radar that says where it is (or is configured) takes
            // a place in the bounded table, so plots from a crowd of strange sources cannot
            // fill it before a real radar's north marker arrives.
            guard let s = sensors.index(of: plot.sensor), let site = sensors[s].site, let system else {
                tally.unknownSensor += 1
                continue
            }
            let sensor = sensors[s].settings
            let time = plot.time.utc(near: receivedAt)
            // Late by more than the late window: refused, unless so late that it claims another
            // time (see `TimeClaims`).
            guard time >= clock - settings.lateWindow || time < clock - settings.futureWindow else {
                tally.latePlots += 1
                continue
            }
            guard plot.range > 0, plot.range <= sensor.maximumRange, plot.azimuth.isFinite else {
                tally.invalidPlots += 1
                continue
            }
            var flightLevel = plot.flightLevel
            if let fl = flightLevel, !settings.flightLevels.contains(fl) {
                tally.refusedFlightLevels += 1
                flightLevel = nil
            }
            var usable = plot
            usable.flightLevel = flightLevel
            guard let located = try? site.locate(usable, assumedHeight: settings.assumedHeight) else {
                tally.invalidPlots += 1
                continue
            }
            let heightSigma: Double
            let altitude: Double?
            let altitudeVariance: Double
            switch located.heightSource {
            case .reported:
                heightSigma = 15
                altitude = located.height
                altitudeVariance = VerticalFilter.quantisationVariance(feet: 25)
            case .measured:
                heightSigma = sensor.heightSigma
                altitude = located.height
                altitudeVariance = sensor.heightSigma * sensor.heightSigma
            case .assumed:
                heightSigma = settings.assumedHeightSigma
                altitude = nil
                altitudeVariance = 0
            }
            let p = system.plane.point(from: located.position)
            let covariance = site.covariance(of: located, rangeSigma: sensor.rangeSigma,
                                             azimuthSigma: sensor.azimuthSigma, heightSigma: heightSigma)
                .rotatedClockwise(by: system.plane.northDirection(at: located.position))
            batch.append(PlacedPlot(
                measurement: PositionMeasurement(x: p.x, y: p.y, covariance: covariance),
                time: time, altitude: altitude, altitudeVariance: altitudeVariance,
                flightLevel: flightLevel, detection: plot.detection, mode3A: plot.mode3A,
                address: plot.address, callsign: plot.callsign, sensor: s,
                latitude: located.position.latitude, longitude: located.position.longitude))
        }
    }

    /// Gates every plot against the live tracks near it and solves the assignment.
    private mutating func associate(at batchTime: Double) {
        // Only tracks that can reach the batch's plots go into the grid: a sector batch covers a
        // wedge of the radar's coverage, so most tracks are skipped by this box alone. A plot's
        // time is within a second or so of the batch time, and no aircraft outruns the margin.
        let reach = settings.maximumGateRadius + 1_000
        var west = Double.infinity, east = -Double.infinity, south = Double.infinity, north = -Double.infinity
        var earliest = batchTime, widestPlot = 0.0
        for p in batch {
            west = min(west, p.measurement.x)
            east = max(east, p.measurement.x)
            south = min(south, p.measurement.y)
            north = max(north, p.measurement.y)
            earliest = min(earliest, p.time)
            widestPlot = max(widestPlot, p.measurement.covariance.xx + p.measurement.covariance.yy)
        }
        west -= reach; east += reach; south -= reach; north += reach
        let spread = batchTime - earliest + 0.5
        let threshold = gate.threshold
        grid.removeAll(radius: settings.maximumGateRadius)
        for k in motion.indices where motion[k].live {
            let m = motion[k]
            let dt = batchTime - m.time
            let x = m.x + m.vx * dt, y = m.y + m.vy * dt
            guard x >= west, x <= east, y >= south, y <= north else { continue }
            // How far a plot of this track can be from (x, y): the gate on the largest axis of the
            // track's extrapolated covariance plus the widest plot's (a trace bounds the largest
            // eigenvalue; Cauchy–Schwarz bounds the cross term), plus the distance flown in the
            // batch's time spread. Most candidates fail this before any arithmetic on ellipses.
            let t = abs(dt) + spread
            let position = m.positionSpread, velocity = m.velocitySpread
            let q = settings.gateNoiseDensity
            let extent = position + 2 * t * (position * velocity).squareRoot() + t * t * velocity
                + 2 * q * t * t * t / 3 + widestPlot
            let r = (threshold * extent).squareRoot() + m.speed * spread
            grid.insert(k, x: x, y: y, reach: r)
        }
        grid.build()

        // Filled through locals: the grid query's closure may not write to `self`.
        var pairs: [GatedPair] = []
        var plotGated: [Bool] = []
        swap(&pairs, &self.pairs)
        swap(&plotGated, &self.plotGated)
        pairs.removeAll(keepingCapacity: true)
        plotGated.removeAll(keepingCapacity: true)
        plotGated.append(contentsOf: repeatElement(false, count: batch.count))
        // Two passes: the grid's candidates first, then their gates, so that each candidate's
        // gate entry (a cache miss with 10,000 tracks) is asked for a few candidates ahead. The
        // candidates that pass stay in `pairs`, at their cost.
        for (j, plot) in batch.enumerated() {
            grid.forEach(reachingX: plot.measurement.x, y: plot.measurement.y) { k in
                pairs.append(GatedPair(track: k, plot: j, cost: 0))
            }
        }
        var kept = 0
        // Gate entries and plots read in place: copying a gate entry cost as much as testing it.
        gating.withUnsafeBufferPointer { gates in
            batch.withUnsafeBufferPointer { plots in
                for i in pairs.indices {
                    if i + Self.prefetchDistance < pairs.count {
                        centinela_prefetch(gates.baseAddress! + pairs[i + Self.prefetchDistance].track, MemoryLayout<GateEntry>.size)
                    }
                    let k = pairs[i].track, j = pairs[i].plot
                    let m = plots[j].measurement, time = plots[j].time
                    if let a = gates[k].address, let b = plots[j].address, a != b { continue }
                    var d2 = gates[k].mahalanobis2(m, at: time, noiseDensity: settings.gateNoiseDensity)
                    guard d2 <= threshold, gates[k].canReach(m, at: time, maximumSpeed: settings.maximumSpeed) else { continue }
                    plotGated[j] = true
                    if let a = gates[k].mode3A, let b = plots[j].mode3A, a != b.code { d2 += settings.mode3AMismatchCost }
                    if let a = gates[k].address, a == plots[j].address { d2 -= settings.modeSMatchBonus }
                    pairs[kept] = GatedPair(track: k, plot: j, cost: d2)
                    kept += 1
                }
            }
        }
        pairs.removeLast(pairs.count - kept)
        pairs.withUnsafeBufferPointer { buffer in
            association.solve(pairs: buffer.span, plotCount: batch.count, unassignedCost: threshold / 2)
        }
        swap(&pairs, &self.pairs)
        swap(&plotGated, &self.plotGated)
    }

    /// Updates the tracks that won a plot and starts tracks from plots no gate wanted, unless
    /// the plot's Mode S address belongs to a live track that could have made it.
    private mutating func apply(into updates: inout [SystemTrack]) {
        addressGated.removeAll(keepingCapacity: true)
        for j in batch.indices {
            if j + Self.prefetchDistance < batch.count, let k = association.track(ofPlot: j + Self.prefetchDistance) {
                prefetch(k)
            }
            let plot = batch[j]
            if let k = association.track(ofPlot: j) {
                update(k, with: plot)
                updates.append(systemTrack(k))
            } else if !plotGated[j] {
                if let k = trackOfAddress(plot) {
                    addressGated.append(k)
                    tally.addressGated += 1
                    update(k, with: plot)
                    updates.append(systemTrack(k))
                } else if let k = start(plot) {
                    updates.append(systemTrack(k))
                }
            }
        }
    }

    /// How many plots ahead `apply` asks for the memory of the track it will update (and
    /// gating for the gate entry of the candidate it will test).
    private static let prefetchDistance = 4

    /// Asks the cache for what updating track `k` touches.
    private func prefetch(_ k: Int) {
        tracks.withUnsafeBufferPointer { centinela_prefetch($0.baseAddress! + k, MemoryLayout<Track>.size) }
        lives.withUnsafeBufferPointer { centinela_prefetch($0.baseAddress! + k, MemoryLayout<TrackLife>.size) }
        history.prefetch(slot: k)
    }

    /// The live track owning `plot`'s Mode S address, if it won no plot in this batch and the
    /// plot falls in its wider address gate.
    private func trackOfAddress(_ plot: PlacedPlot) -> Int? {
        guard let a = plot.address, let o = addressOwner[a.value] else { return nil }
        let k = Int(o)
        guard association.plot(ofTrack: k) == nil, !addressGated.contains(k) else { return nil }
        let track = gating[k]
        let m = plot.measurement
        guard track.mahalanobis2(m, at: plot.time, noiseDensity: settings.gateNoiseDensity) <= addressGate.threshold,
              track.canReach(m, at: plot.time, maximumSpeed: settings.maximumSpeed) else { return nil }
        return k
    }

    private mutating func update(_ k: Int, with plot: PlacedPlot) {
        if plot.time < tracks[k].time { tally.latePlotsUsed += 1 }
        let confirmed = tracks[k].absorb(plot, scanPeriod: sensors[plot.sensor].settings.scanPeriod,
                                         confirmHits: settings.confirmHits, maximumSpeed: settings.maximumSpeed)
        if confirmed { tally.confirmed += 1 }
        refresh(k)
        remember(k)
        tally.used += 1
        if tracks[k].address != nil, !tracks[k].ownsAddress { claimAddress(k) }
    }

    /// The slot's copies for gating and track management, from its track.
    private mutating func refresh(_ k: Int) {
        motion[k] = TrackMotion(tracks[k])
        gating[k] = GateEntry(tracks[k])
        lives[k] = TrackLife(tracks[k])
        due[k] = dueTime(lives[k])
    }

    private mutating func start(_ plot: PlacedPlot) -> Int? {
        guard liveTracks < settings.maximumTracks, let number = numbers.take(at: plot.time) else {
            tally.trackLimitPlots += 1
            return nil
        }
        let speedVariance = settings.initialSpeedSigma * settings.initialSpeedSigma
        var vertical = VerticalFilter(settings: settings.vertical)
        if let h = plot.altitude { vertical.update(altitude: h, variance: plot.altitudeVariance) }
        let period = sensors[plot.sensor].settings.scanPeriod
        let track = Track(
            number: number,
            filter: IMMFilter(measurement: plot.measurement, velocityVariance: speedVariance, settings: settings.filter),
            vertical: vertical, stage: .tentative, firstTime: plot.time, time: plot.time, updates: 1, hits: 1,
            revisit: period, revisitSetAt: plot.time, lastSensor: plot.sensor,
            lastSSR: plot.detection.hasSSR ? plot.time : -.infinity,
            lastModeS: plot.detection.isModeS ? plot.time : -.infinity,
            flightLevel: plot.flightLevel, mode3A: plot.mode3A, address: plot.address, callsign: plot.callsign)
        let k: Int
        if let free = freeSlots.popLast() {
            k = free
            tracks[k] = track
            refresh(k)
        } else {
            k = tracks.count
            tracks.append(track)
            motion.append(TrackMotion(track))
            gating.append(GateEntry(track))
            lives.append(TrackLife(track))
            due.append(dueTime(lives[k]))
        }
        liveTracks += 1
        tally.started += 1
        slotOfNumber[Int(number)] = Int32(k)
        history.reset(slot: k)
        remember(k)
        if track.address != nil { claimAddress(k) }
        return k
    }

    // MARK: Mode S identity

    /// Makes track `k` its address's owner, or notes it shares the address with the live owner.
    private mutating func claimAddress(_ k: Int) {
        guard let a = tracks[k].address else { return }
        if let o = addressOwner[a.value], Int(o) != k {
            sharedAddresses.append((k, Int(o)))
        } else {
            addressOwner[a.value] = Int32(k)
            tracks[k].ownsAddress = true
        }
    }

    /// Two live tracks with one Mode S address are one aircraft: once neither is tentative (a
    /// tentative track may yet be dropped), the younger is merged into the older, which keeps
    /// its number and takes the younger's state if that is newer; the younger ends.
    private mutating func mergeSharedAddresses(into updates: inout [SystemTrack]) {
        guard !sharedAddresses.isEmpty else { return }
        for (k, o) in sharedAddresses {
            guard tracks[k].number != 0, tracks[o].number != 0, tracks[k].address == tracks[o].address,
                  tracks[k].stage != .tentative, tracks[o].stage != .tentative else { continue }
            let (older, younger) = tracks[o].firstTime <= tracks[k].firstTime ? (o, k) : (k, o)
            tracks[older].absorb(track: tracks[younger])
            refresh(older)
            remember(older)
            end(younger, at: clock, into: &updates, report: true)
            addressOwner[tracks[older].address!.value] = Int32(older)
            tracks[older].ownsAddress = true
            tally.merged += 1
            updates.append(systemTrack(older))
        }
        sharedAddresses.removeAll(keepingCapacity: true)
    }

    /// A track's latest point in its history ring.
    private mutating func remember(_ k: Int) {
        let e = tracks[k].filter.estimate
        history.append(.init(time: tracks[k].time, x: e.x, y: e.y), slot: k)
    }

    /// The recent path of a live track, oldest first: at most `settings.historyLength` estimated
    /// positions, one per update. Empty for a number that is not live.
    public func history(ofTrack number: UInt16) -> [TrackPoint] {
        let k = Int(slotOfNumber[Int(number)])
        guard k >= 0, let system else { return [] }
        return history.points(slot: k).map { p in
            let g = system.plane.geodetic(from: PlanePoint(x: p.x, y: p.y))
            return TrackPoint(time: p.time, latitude: g.latitude, longitude: g.longitude, x: p.x, y: p.y)
        }
    }

    // MARK: Track management

    /// Coasts and deletes tracks whose silence at `time` calls for it, at most once per
    /// maintenance interval of data time (or now, when `force`d).
    private mutating func maintain(until time: Double, into updates: inout [SystemTrack], force: Bool = false) {
        guard force || time - lastMaintenance >= settings.maintenanceInterval else { return }
        lastMaintenance = time
        // The due slots first, then each with its track asked for a few slots ahead: a track
        // that coasts or ends is reported, and its state is a cache miss with 10,000 tracks.
        // Worked on as a local (swapped out, so neither copied nor reallocated): the loop
        // changes `self`.
        var slots: [Int] = []
        swap(&slots, &dueSlots)
        defer { swap(&slots, &dueSlots) }
        slots.removeAll(keepingCapacity: true)
        for k in due.indices where due[k] <= time { slots.append(k) }
        for (i, k) in slots.enumerated() {
            if i + Self.prefetchDistance < slots.count { prefetch(slots[i + Self.prefetchDistance]) }
            let life = lives[k]
            let silence = (time - life.time) / life.revisit
            switch life.stage {
            case .tentative:
                let age = (time - life.firstTime) / life.revisit
                if silence > settings.deleteTentativeAfterScans || age > settings.confirmScans {
                    end(k, at: time, into: &updates, report: false)
                }
            case .confirmed, .coasting:
                if silence > settings.deleteAfterScans {
                    end(k, at: time, into: &updates, report: true)
                } else if life.stage == .confirmed, silence > settings.coastAfterScans {
                    tracks[k].stage = .coasting
                    lives[k].stage = .coasting
                    due[k] = dueTime(lives[k])
                    updates.append(systemTrack(k))
                }
            }
        }
    }

    /// When `maintain` may first act on a track: its next coasting or deletion by the settings,
    /// a millisecond early so that rounding cannot hide it from the exact test in `maintain`.
    private func dueTime(_ life: TrackLife) -> Double {
        let r = life.revisit
        let due: Double
        switch life.stage {
        case .tentative:
            due = min(life.time + settings.deleteTentativeAfterScans * r, life.firstTime + settings.confirmScans * r)
        case .confirmed:
            due = life.time + min(settings.coastAfterScans, settings.deleteAfterScans) * r
        case .coasting:
            due = life.time + settings.deleteAfterScans * r
        }
        return due - 0.001
    }

    /// Deletes a track; a confirmed one is reported a last time with `ended` set (a tentative
    /// one was never worth anyone's attention).
    private mutating func end(_ k: Int, at time: Double, into updates: inout [SystemTrack], report: Bool) {
        if report {
            var last = systemTrack(k)
            last.ended = true
            updates.append(last)
            tally.deleted += 1
        } else {
            tally.tentativeDropped += 1
        }
        slotOfNumber[Int(tracks[k].number)] = -1
        if tracks[k].ownsAddress, let a = tracks[k].address {
            addressOwner[a.value] = nil
            tracks[k].ownsAddress = false
        }
        numbers.release(tracks[k].number, at: time)
        tracks[k].number = 0
        motion[k].live = false
        lives[k].live = false
        due[k] = .infinity
        freeSlots.append(k)
        liveTracks -= 1
    }

    // MARK: Output

    private func systemTrack(_ k: Int) -> SystemTrack {
        let e = tracks[k].filter.estimate
        let position = system?.plane.geodetic(from: PlanePoint(x: e.x, y: e.y)) ?? .invalid
        return tracks[k].systemTrack(at: position, sensor: sensors[tracks[k].lastSensor].settings.sensor,
                                     sourceMemoryScans: settings.sourceMemoryScans)
    }
}

/// The system plane held by reference: placement and output read it for every plot, and a
/// 168-byte optional value stored in the tracker was copied a few times a plot to be read
/// (measured with `TrackingBenchmarks`).
private final class SystemPlane: Sendable {
    let plane: StereographicPlane

    init?(centre: GeodeticPosition) {
        guard let plane = try? StereographicPlane(centre: centre) else { return nil }
        self.plane = plane
    }
}

/// One point of a track's recent path.
public struct TrackPoint: Sendable, Equatable {
    /// UTC seconds since 1970.
    public var time: Double
    public var latitude: Double
    public var longitude: Double
    /// System plane, metres.
    public var x: Double
    public var y: Double
}

/// What happened to the plots a tracker was given, and to its tracks: the bad-input counters an
/// operator reads when the picture looks wrong.
public struct TrackerCounts: Sendable, Equatable {
    /// Plots offered.
    public var plots = 0
    /// Plots that updated a track.
    public var used = 0
    /// Tracks started (one plot each).
    public var started = 0
    /// Plots from a radar whose position is not known (not configured, no CAT034 I034/120 yet).
    public var unknownSensor = 0
    /// Plots with an impossible range or azimuth, or that could not be placed.
    public var invalidPlots = 0
    /// Plots older than the latest plot time by more than the late window: not used. Plots of an
    /// earlier time held awaiting confirmation, or refused, are counted here too.
    public var latePlots = 0
    /// Plots dated more than the future window after the latest plot time whose time no other
    /// radar, and not enough of their own radar's later plots, confirmed: not used. Plots still
    /// held awaiting confirmation are counted here too (and, for a claim of an earlier time,
    /// in `latePlots`).
    public var futurePlots = 0
    /// Late plots (within the window) that updated a track.
    public var latePlotsUsed = 0
    /// Transponder altitudes outside the plausible range, dropped from their plots.
    public var refusedFlightLevels = 0
    /// Plots that would have started a track with the track table full.
    public var trackLimitPlots = 0
    /// Tracks confirmed (M of N), deleted after confirmation, dropped while tentative.
    public var confirmed = 0
    public var deleted = 0
    public var tentativeDropped = 0
    /// Plots that gated with no track but went to the live track of their Mode S address
    /// through its wider gate, instead of starting a second track of the aircraft.
    public var addressGated = 0
    /// Confirmed tracks ended because an older live track had their Mode S address: merged into
    /// it (counted in `deleted` too).
    public var merged = 0
    /// Times the clock was set back (every radar agreed on an earlier time), and the confirmed
    /// tracks that ended then (counted in `deleted` too).
    public var clockSetBacks = 0
    public var endedByClockSetBack = 0

    public init() {}
}
