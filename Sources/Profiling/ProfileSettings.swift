/// Every number the profile rules use (`shared/DOMAIN.md` §5 suggests most of them; none is a
/// published threshold). Distances in metres, speeds in m/s, times in seconds, angles in degrees.
public struct ProfileSettings: Sendable, Equatable {
    /// How much each rule adds to the evidence when it fires. The score is
    /// `1 − exp(−E)`, E = Σ weights × night multiplier × (cooperative factor while squawking):
    /// one weight of 1 alone gives 0.63, 2 gives 0.86, 3 gives 0.95.
    public struct Weights: Sendable, Equatable {
        /// PSR plots and no SSR reply ("strong").
        public var nonCooperative = 0.8
        /// SSR replies that stopped while primary plots go on: a transponder switched off in flight.
        public var transponderLost = 1.2
        /// Below `lowLevelHeight` for `lowLevelSeconds`; `veryLow` replaces it below `veryLowHeight`.
        public var lowLevel = 0.6
        public var veryLow = 0.9
        /// Light-aircraft speed band ("context"); `ultralight` replaces it under `ultralightSpeed`.
        public var lightAircraftSpeed = 0.2
        public var ultralight = 0.4
        /// Approaching the border, or crossed it lately; `borderNonCooperative` adds to either for a
        /// track without transponder (the domain's "strong with non-cooperative").
        public var borderApproach = 0.3
        public var borderCrossing = 0.3
        public var borderNonCooperative = 0.7
        /// A track ending low (or PSR-only) away from airports; `atStrip` adds when a known strip is on
        /// its path (a landing there), and to a pop-up with a strip behind it (a take-off from there).
        public var dropOut = 0.8
        public var atStrip = 0.6
        /// Replaces `dropOut` for a track lost without a trusted height away from strips: a PSR-only track
        /// also ends leaving coverage or split by the tracker; it is reported (and names the class) but
        /// adds nothing unless set.
        public var dropOutUnknownHeight = 0.0
        /// Born low (or PSR-only from a known strip) away from airports; `stoneSkip` when born near
        /// where another track dropped out (at that track's strip: a landing and a take-off again).
        public var popUp = 0.4
        public var stoneSkip = 1.2
        public var erratic = 0.3
        public var loiter = 0.4
        public var restrictedZone = 0.5
        public var closedAirport = 0.5
        /// 7500, 7600, 7700: above any sensible raise score on its own (0.95).
        public var emergency = 3.0
        public init() {}
    }

    public var weights = Weights()
    // No alert threshold here: the alert lifecycle's `AlertSettings.raiseScore`, held for K updates,
    // is the one thing that decides what becomes an alert.
    /// Evidence is multiplied by this at night: sun below `nightSunElevation` (civil twilight).
    public var nightMultiplier = 1.5
    public var nightSunElevation = -6.0
    /// Evidence is multiplied by this while the track squawks (SSR or Mode S): an identified
    /// aircraft flying low is a question for air traffic control, not an interception. The
    /// emergency and transponder-lost rules are not reduced.
    public var cooperativeFactor = 0.5

    /// Consecutive PSR-only updates (each a scan of some radar) before a track is non-cooperative.
    public var nonCooperativeUpdates = 3
    /// A track that squawked is judged to have lost its transponder (or, after it, non-cooperative)
    /// only once its last SSR/Mode S update is at least this old as well: a missed reply or a
    /// PSR-only radar's plot between two SSR scans is not a transponder switched off. 15 s: two
    /// to four scans of every radar without a reply while primary plots go on; longer costs the
    /// warning its lead (a transponder switched off 13 s short of the border, as in the smoke
    /// session, is then judged only after the crossing).
    public var transponderLostSeconds = 15.0
    /// Heights above ground are taken only from transponder altitudes (`SystemTrack.flightLevel`
    /// set) while the transponder answers (its last reply under `transponderLostSeconds` old; after
    /// that the level is the last one reported, not where the aircraft is now): a 3-D radar's height
    /// (σ ~900 m) says nothing about 150 m above ground. True trusts any altitude the tracker gives.
    public var trustRadarHeight = false
    /// 1000 ft and 500 ft.
    public var lowLevelHeight = 304.8
    public var veryLowHeight = 152.4
    public var lowLevelSeconds = 60.0
    /// 40–200 kt, ultralight under 60 kt, judged on the mean speed over `cruiseSpeedWindow` (a
    /// light aircraft circling at 50 m/s shows 37–57 m/s scan to scan).
    public var lightAircraftSpeed: ClosedRange<Double> = 20.6...102.9
    public var ultralightSpeed = 30.9
    public var cruiseSpeedWindow = 60.0
    /// Within 50 km, heading within ±45° of the way to the border, and closer by at least
    /// `closingDistance` than at its oldest sample within `closingWindow`: a track's heading wanders,
    /// its net progress toward the line is the evidence. A fast aircraft shows it within a few scans
    /// of being first seen (230 kt: 2 km in 17 s), which matters for one first seen near the line.
    public var borderApproachDistance = 50_000.0
    public var borderApproachHeading = 45.0
    public var closingWindow = 120.0
    /// That progress must also be at least cos(`borderApproachHeading`) of the trail flown since: on
    /// average the track moved within ±45° of the way to the line. A field pattern or an orbit makes
    /// 2 km of progress too (a crop duster's race-track spans 2.3 km north to south, a 1.1 km orbit
    /// 2.2 km), over a trail at least π/2 times as long (a half circle: 0.64).
    public var closingDistance = 2_000.0
    /// A crossing stays a reason this long.
    public var crossingMemory = 900.0
    /// "Away from airports" means farther than this from every airport.
    public var airportRadius = 5_000.0
    /// "Near a known strip".
    public var stripRadius = 3_000.0
    /// A strip on a lost track's path ahead (within `stripRadius` of its line) up to this far is the
    /// strip it was landing on, and one behind a newborn track the strip it took off from: a landing
    /// aircraft is lost below the radars' low coverage on its final, up to a 3° final from 1,000 ft
    /// (5.8 km) short of the strip; one taking off is first seen about as far past it.
    public var stripPathDistance = 6_000.0
    /// A track ending (or born) below this height above ground away from airports is a drop-out
    /// (a pop-up); a PSR-only track without a measured height ending away from airports also is.
    public var dropOutHeight = 304.8
    /// A pop-up links to a drop-out that ended at least `stoneSkipMinimumGap` and at most
    /// `stoneSkipTime` before, within `stoneSkipDistance`. Shorter gaps are the tracker losing a
    /// track for a few scans, not a landing or a run below coverage.
    public var stoneSkipTime = 1_800.0
    public var stoneSkipDistance = 20_000.0
    public var stoneSkipMinimumGap = 120.0
    /// A pop-up within `reacquisitionDistance` of where the lost track would be by now (dead
    /// reckoning for at most `reacquisitionGap`; the centre of its orbit if it was circling) is the
    /// same aircraft re-acquired by the tracker, not a stone-skip.
    public var reacquisitionDistance = 5_000.0
    public var reacquisitionGap = 600.0
    /// A stone-skip needs evidence that the drop-out was low: a transponder height below
    /// `dropOutHeight`, or a known strip on its path (`stripPathDistance`). A PSR-only track lost without a height
    /// away from strips is still remembered and reported, with `Weights.dropOutUnknownHeight`.
    public var stoneSkipNeedsLowDropOut = true
    /// Loiter counts only within this distance of the border (a crop duster circling a field far
    /// inland is not an airdrop); without a border line it always counts. It also needs the track to
    /// have arrived: first seen (its origin, carried across re-acquisitions) farther than
    /// `loiterRadius` from where it circles. A drop orbit ends a transit; a field pattern (a crop
    /// duster's passes and turns over one field) is the whole flight.
    public var loiterBorderDistance = 50_000.0
    /// A heading reversal of more than 30° in a 12 s scan (a turn against the turn of the scan before:
    /// a zig-zag; turning one way, as in an orbit, a field pattern or any turn entry, is a manoeuvre),
    /// 30 % of speed within 60 s, or 1500 ft/min at low level. Heading and speed changes are judged
    /// only above `erraticMinimumSpeed`, where the tracker's velocity is steadier than the
    /// thresholds, and only from samples at least `erraticSettleTime` after the track's first plot:
    /// a new track's velocity comes from a few plots and converges over its first minute, so its
    /// changes then are the filter's, not the aircraft's.
    public var erraticHeadingChange = 30.0
    public var erraticScan = 12.0
    public var erraticSpeedChange = 0.3
    public var erraticSpeedWindow = 60.0
    public var erraticVerticalRate = 7.62
    public var erraticMinimumSpeed = 15.0
    public var erraticSettleTime = 60.0
    /// 360° of turn within 5 min, every sample of those 5 min within 5 km of their mean.
    public var loiterTurn = 360.0
    public var loiterWindow = 300.0
    public var loiterRadius = 5_000.0

    /// One history sample per track at most this often; `historyCapacity` samples kept (enough for
    /// the longest window: 300 s / 4 s = 75).
    public var sampleInterval = 4.0
    public var historyCapacity = 96
    /// A track not updated for this long is forgotten: the tracker drops a tentative track without
    /// a last update, and ends a confirmed one within 5 scans (under a minute), so by then it is gone.
    public var forgetAfter = 120.0
    /// Hard limits: tracks followed at once, as many as the tracker may hold (beyond, the stalest
    /// is forgotten), drop-outs remembered.
    public var maximumTracks = 20_000
    public var maximumDropOuts = 512

    public init() {}
}
