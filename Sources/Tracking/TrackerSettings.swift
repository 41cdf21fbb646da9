import Geodesy
import Surveillance

/// Every number the tracker works with, each with a default that suits the shipped sessions
/// (4.8–12 s radars, aircraft from 40 kt ultralights to airliners).
public struct TrackerSettings: Sendable {
    /// Centre of the system plane (stereographic) the tracker works in; the first radar's
    /// antenna when nil.
    public var centre: GeodeticPosition?
    /// Radars with their positions and noise; a radar not listed takes `defaultSensor`'s noise
    /// and its position from its CAT034 I034/120.
    public var sensors: [SensorSettings] = []
    public var defaultSensor = SensorSettings(sensor: SensorID(sac: 0, sic: 0))

    /// The horizontal filter: an IMM of constant velocity and two coordinated turns, or
    /// (`turnModes` false) constant velocity alone, to measure what the IMM buys.
    public var filter = IMMSettings()
    public var vertical = VerticalSettings()
    /// σ of a new track's velocity on each axis, m/s: one plot says nothing of its speed, and
    /// this covers airliners (250 m/s) at about 1.3 σ.
    public var initialSpeedSigma = 200.0
    /// No aircraft here flies faster, m/s (875 kt): a track of one plot takes a second plot only
    /// within this speed of the first (plus 3 σ of the two positions), and a tentative track
    /// estimated faster is not confirmed. Clutter lined up by chance mostly implies a faster one.
    public var maximumSpeed = 450.0
    /// q (m²/s³) with which a gate is opened around a track's extrapolated position: the turn
    /// modes' q, so a turning aircraft's plot stays inside.
    public var gateNoiseDensity = 5.0

    /// Probability that a track's own plot falls inside its gate (χ², 2 degrees of freedom):
    /// 0.99966 is d² ≤ 16, a Mahalanobis distance of 4 (Stone Soup's usual gate). Wider gates
    /// let clutter confirm tracks (measured on the Stone Soup scenario: 0.26 false tracks a scan
    /// at 0.9999, 0.15 at this).
    public var gateProbability = 0.99966
    /// No gate reaches farther than this, metres, however uncertain the track: the spatial
    /// index's query radius, and the bound on a coasting track's pull on other aircraft's plots.
    /// 6 km covers a one-plot track's second plot at `maximumSpeed` after a 12 s scan; confirmed
    /// tracks' gates are a few hundred metres. (10 km gave the same tracks on the night session,
    /// with more candidates to test per plot.)
    public var maximumGateRadius = 6_000.0
    /// Cost added to a pair whose Mode 3/A codes differ (squawks change, so not forbidden);
    /// pairs whose Mode S addresses differ are never made.
    public var mode3AMismatchCost = 6.0
    /// Subtracted from a pair whose Mode S addresses agree: identity outweighs a few metres.
    public var modeSMatchBonus = 4.0

    /// Confirmation, M of N: a tentative track is confirmed by `confirmHits` plots within its
    /// first `confirmScans` scans, and deleted if it has not made it by then.
    public var confirmHits = 3
    public var confirmScans = 4.0
    /// A confirmed track not updated for this many scans coasts (flagged, extrapolated)…
    public var coastAfterScans = 1.5
    /// …and is deleted after this many.
    public var deleteAfterScans = 5.0
    /// A tentative track not updated for this many scans is deleted.
    public var deleteTentativeAfterScans = 2.0

    /// Estimated positions kept per live track (its recent path, for a display's history dots);
    /// the oldest goes when a new one comes.
    public var historyLength = 16
    /// Hard limit on live tracks. At the limit no new track starts (the plots are counted as
    /// `trackLimitPlots`); existing tracks are kept and updated.
    public var maximumTracks = 20_000
    /// Track numbers run 1…`highestTrackNumber`; a released number rests this long, seconds.
    public var highestTrackNumber: UInt16 = 65_535
    public var trackNumberReuseDelay = 600.0

    /// A plot older than the track it updates by up to this (seconds; a radar's batch that
    /// came late over the network) is used, moved along the track's velocity; older plots are
    /// counted as `latePlots` and not used.
    public var lateWindow = 4.0
    /// A plot dated more than this (seconds) after the tracker's data clock (its latest plot
    /// time), or before it, is held, not tracked: one corrupt plot or one radar with its clock
    /// hours out must not end every track and make every correct plot late. Traffic gaps of the
    /// whole picture longer than this only delay plots (they are held, then tracked). Before the
    /// first time is confirmed every plot is held.
    public var futureWindow = 60.0
    /// Held plots become the present (the clock jumps, forward, or back with every track ended;
    /// the held batches are tracked in order) once plots from two radars agree on their time
    /// (within `futureWindow` of each other), or one radar's do over this many seconds of their
    /// own time with no present plot from any radar in between. Otherwise they are refused,
    /// counted as `futurePlots` (or `latePlots`, for an earlier time).
    public var futureConfirmSeconds = 10.0
    /// At most this many plots are held for one claimed time (two are held at once); past it the
    /// claim's oldest batch is refused.
    public var futureHoldLimit = 20_000

    /// Probability with which a plot that would start a track is given instead to the live track
    /// carrying its Mode S address (χ², 2 degrees of freedom; 0.9999999 is d² ≤ 32.2, a
    /// Mahalanobis distance of 5.7, against 4 for plots in general). A Mode S address is one
    /// aircraft: a second track of it is a duplicate.
    public var addressGateProbability = 0.9999999

    /// Height (m above the ellipsoid) and its σ used to place a 2-D primary plot, which carries
    /// none: low, because the flights this system watches for fly low.
    public var assumedHeight = 1_500.0
    public var assumedHeightSigma = 1_500.0
    /// Transponder altitudes outside this range (flight levels) are refused (the plot is kept,
    /// without its altitude) and counted. −8 is the pressure altitude of sea level at about
    /// 1,043 hPa, more than this region sees; FL 1500 is beyond any aircraft.
    public var flightLevels = -8.0...1_500.0
    /// A track counts as Mode S (or SSR) while such a plot updated it within this many scans.
    public var sourceMemoryScans = 3.0
    /// Track states are checked for coasting and deletion this often, seconds of data time.
    public var maintenanceInterval = 1.0

    public init() {}

    var gate: ChiSquareGate { ChiSquareGate(probability: gateProbability) }
    var addressGate: ChiSquareGate { ChiSquareGate(probability: addressGateProbability) }
}
