import Asterix
import Geodesy
import Recording
import Surveillance
import Tracking

/// Frames in, track updates out (what `centinela replay` and `evaluate` run): decodes each
/// frame's ASTERIX into plots and radar service messages, tells the tracker what the radars
/// report about themselves (position, rotation period), and tracks the frame's plots as one batch
/// (a plot extractor sends a sector's plots in one datagram). The same frames in the same order
/// give the same updates.
public struct TrackingRun {
    public var tracker: Tracker
    private var decoder: AsterixDecoder
    private var plots: [Plot] = []
    private var services: [Cat034Record] = []
    /// Date for frames that carry only a time of day (GPS recorder, final format): UTC seconds
    /// since 1970 of a midnight.
    public let date: Double?
    public private(set) var frames = 0
    public private(set) var decodeErrors = 0
    public private(set) var lastDecodeError: DecodeError?
    /// Frames with no usable time (a time of day and no date given).
    public private(set) var undatedFrames = 0
    /// The latest receive time of a tracked frame (−∞ before the first), the tracker's clock
    /// after it, and the whole seconds of quiet since that the tracker has been moved through
    /// (`advanceQuiet(until:into:)`).
    private var lastReceived = -Double.infinity
    private var clockAtLastFrame = -Double.infinity
    private var quietSeconds = 0

    public init(settings: TrackerSettings, editions: EditionTable = .standard, date: Double? = nil) {
        tracker = Tracker(settings: settings)
        decoder = AsterixDecoder(editions: editions)
        self.date = date
    }

    /// UTC seconds since 1970 of a frame's reception, when it can be known.
    public func receiveTime(of frame: Frame) -> Double? {
        switch frame.timestamp {
        case .unix(let seconds): seconds
        case .timeOfDay(let tod): date.map { tod.utc(near: $0 + 43_200) }
        case nil: nil
        }
    }

    /// Tracks one frame; appends the updates it causes to `updates`.
    public mutating func process(_ frame: Frame, into updates: inout [SystemTrack]) {
        frames += 1
        guard let received = receiveTime(of: frame) else {
            undatedFrames += 1
            return
        }
        decode(frame)
        tracker.process(plots, receivedAt: received, into: &updates)
        lastReceived = max(lastReceived, received)
        clockAtLastFrame = tracker.clock
        quietSeconds = 0
    }

    /// No frame has come from the latest one's receive time until `time`: moves the tracker's
    /// time on through the next whole second of that quiet, a second past where that frame left
    /// it, so the tracks of a radar gone silent coast and end as they would if another radar's
    /// plots kept time going, and appends what that changes to `updates`. Returns the receive
    /// time the step stands for (the second's end), or nil when no whole second is left before
    /// `time`, or no track is live (the rest of the quiet is skipped). Call it until nil: a live
    /// run while it waits, a replay before each frame, so both step through a silence alike. The
    /// data's time, not the host's, is moved on: a radar's clock may be off the host's.
    public mutating func advanceQuiet(until time: Double, into updates: inout [SystemTrack]) -> Double? {
        guard clockAtLastFrame.isFinite, time - lastReceived >= Double(quietSeconds + 1) else { return nil }
        guard tracker.liveTracks > 0 else {
            quietSeconds = Int(min(time - lastReceived, 1e9))
            return nil
        }
        quietSeconds += 1
        tracker.advance(to: clockAtLastFrame + Double(quietSeconds), into: &updates)
        return lastReceived + Double(quietSeconds)
    }

    /// A frame before the part of a recording being tracked (`replay --start`): only what the
    /// radars say about themselves (position, rotation period) is taken, so tracking begins with
    /// the radars known rather than waiting a scan for their next north marker.
    public mutating func observe(_ frame: Frame) {
        decode(frame)
    }

    /// Decodes the frame's plots into `plots` and tells the tracker what its service messages say.
    private mutating func decode(_ frame: Frame) {
        plots.removeAll(keepingCapacity: true)
        services.removeAll(keepingCapacity: true)
        let result = frame.payload.withUnsafeBytes { decoder.decodePlots($0, into: &plots, services: &services) }
        if result.counts.errors > 0 {
            decodeErrors += result.counts.errors
            lastDecodeError = result.lastFailure
        }
        for s in services {
            guard let sensor = s.dataSource else { continue }
            if let p = s.position {
                tracker.radar(sensor, position: GeodeticPosition(latitude: p.latitude, longitude: p.longitude, height: p.height))
            }
            if let period = s.antennaRotationPeriod { tracker.radar(sensor, scanPeriod: period) }
        }
    }
}
