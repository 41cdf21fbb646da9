import ArgumentParser
import Foundation
import Glibc
import Pipeline
import Feeds
import Recording
import Sockets
import Store
import Surveillance
import Tracking

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Track a recorded session: plots in, system tracks out as CAT062 over UDP and/or JSON lines, suspect-profile alerts as JSON lines and/or Cursor on Target.",
        discussion: """
            Every frame's plots are tracked as one batch (a plot extractor sends a sector's plots \
            in one datagram); radar positions and rotation periods come from the session's CAT034. \
            Time comes from the data, so any --speed gives the same tracks. A summary goes to \
            stderr. The CAT062 items and the JSON fields are in the README.
            """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var tracking: TrackerOptions
    @OptionGroup var alerting: AlertOptions
    @OptionGroup var storing: StoreOptions

    @Option(help: "max (as fast as possible), or a factor of real time: 1 for real time, 10 for ten times faster.")
    var speed: String = "max"

    @Option(help: ArgumentHelp("Track from this point: seconds into the recording (600) or a UTC time (2026-05-28T04:45:00Z). Frames before it only tell where the radars are.", valueName: "WHEN"))
    var start: String?

    @Option(help: "Send track updates as ASTERIX CAT062 to udp://HOST:PORT.")
    var tracks: String?

    @Option(help: "Write track updates as JSON lines to FILE ('-' for standard output).")
    var jsonl: String?

    @Flag(help: "Show the operator's track display in this terminal; its keys pause, step and speed the replay and acknowledge alerts. With --zones, alerts are judged for it even without --alerts or --cot.")
    var display = false

    func validate() throws {
        guard speed == "max" || Double(speed).map({ $0 > 0 && $0.isFinite }) == true else {
            throw ValidationError("--speed takes max or a positive factor such as 1 or 10; got '\(speed)'")
        }
        if let tracks {
            do { _ = try UDPAddress(tracks) } catch { throw ValidationError("--tracks: \(error)") }
        }
        _ = try startPoint
    }

    /// Where `--start` puts the beginning.
    enum StartPoint {
        /// Seconds after the first frame's receive time.
        case offset(Double)
        /// UTC seconds since 1970.
        case time(Double)
    }

    var startPoint: StartPoint? {
        get throws {
            guard let start else { return nil }
            if let seconds = Double(start), seconds >= 0, seconds.isFinite { return .offset(seconds) }
            if let date = try? Date(start, strategy: .iso8601) { return .time(date.timeIntervalSince1970) }
            throw ValidationError("--start takes seconds into the recording (600) or a UTC time such as 2026-05-28T04:45:00Z; got '\(start)'")
        }
    }

    /// Alerts are judged for a feed, or for the display when there are zones to judge against.
    private var alertsWanted: Bool { alerting.wanted || (display && alerting.zones != nil) }

    func run() throws {
        let run = TrackingRun(settings: try tracking.settings, editions: try source.editionTable(), date: tracking.midnight)
        var control = ReplayControl(speed: speed == "max" ? nil : Double(speed))
        let trackFeed: TrackFeed?
        do {
            trackFeed = try tracks.map { try TrackFeed(to: UDPAddress($0)) }
        } catch {
            throw RuntimeFailure(message: "--tracks: \(error)")
        }
        let lines = try jsonl.map { path throws(RuntimeFailure) in try OutputBuffer(path: path) }
        // The zones and ground before the store: a bad file is refused before a session begins.
        let context = alertsWanted ? try alerting.context() : nil
        let storePath = storing.path(alertsWanted: alertsWanted)
        if alertsWanted, storePath == nil {
            Console.error("replay: --no-store: alerts are sent but not stored (alert_seq null); a consumer cannot recover a lost one")
        }
        let store = try storePath.map { path throws(RuntimeFailure) in try storing.writer(path: path, sources: source.files) }
        let alerts: AlertPipeline?
        do {
            alerts = try context.map { context throws(RuntimeFailure) in try AlertPipeline(alerting, context: context, store: store) }
        } catch {
            // The session began: it ends, empty, whatever stopped the run.
            if let store { _ = StoreSummary.finish(store, plots: 0, tracks: 0) }
            throw error
        }
        let pipeline = FramePipeline(run: run, alerts: alerts, store: store, trackFeed: trackFeed, lines: lines)
        // A file that could not be read ends the run with an error after the others: the session
        // and the tracks' last updates are stored all the same.
        defer { _ = pipeline.finishStore() }
        if let alerts, !alerts.disabledRules.isEmpty {
            Console.error("replay: these profile rules are off: " + alerts.disabledRules.joined(separator: "; "))
        }

        let feed = display ? DisplayFeed(context: alerts?.context) : nil
        if feed != nil { alerts?.keepsBorders = true }
        let session = try feed.map { feed throws(RuntimeFailure) in try DisplaySession.start(hub: feed.hub) }
        pipeline.display = feed
        feed?.hub.post(outputs: outputNames(store: storePath))
        var status = ReplayRate()
        // SIGINT, SIGTERM or the display's quit: stop reading, and end as at the recording's end.
        Shutdown.install()
        var quit = false
        var position: Double?
        /// Serves the operator's requests; false once asked to stop.
        func serve() -> Bool {
            for request in session?.hub.takeRequests() ?? [] {
                switch request {
                case .quit: quit = true
                case .acknowledge(let id): pipeline.acknowledge(id: id)
                default: control.apply(request, scan: pipeline.run.tracker.knownRadars.map(\.scanPeriod).max() ?? 4)
                }
            }
            return !quit && Shutdown.requested == nil
        }

        let startPoint = try startPoint
        var startTime: Double? = if case .time(let t) = startPoint { t } else { nil }
        var skipped = 0
        let started = HostClock.monotonic()
        try forEachFrame(source, until: { quit || Shutdown.requested != nil }) { frame in
            let received = pipeline.run.receiveTime(of: frame)
            if case .offset(let seconds) = startPoint, startTime == nil, let received { startTime = received + seconds }
            if let startTime, let received, received < startTime {
                skipped += 1
                pipeline.observe(frame)
                return
            }
            // Pacing (and a pause) is outside the frame's latency.
            if let received {
                guard serve() else { return }
                while !control.admit(frameAt: received) {  // paused: keep serving the operator
                    session?.hub.post(replay: control.status(position: position))
                    usleep(20_000)
                    guard serve() else { return }
                }
            }
            pipeline.process(frame)
            if received != nil { position = received }
            if let feed {
                feed.hub.post(sources: status.sources(source.files, run: pipeline.run, state: "replaying"),
                              replay: control.status(position: position))
            }
        } onFileEnd: { reader, duplicates, readError in
            var s = "\(reader.path): \(reader.format)"
            if duplicates > 0 { s += ", \(duplicates) duplicate(s) dropped" }
            if reader.skipped.total > 0 { s += ", skipped \(reader.skipped)" }
            if let readError { s += "; read error: \(readError)" }
            Console.error(s)
        }
        // Stopped early: the final heartbeats a consumer reads the end from.
        if quit || Shutdown.requested != nil, let position { pipeline.tick(at: position, final: true) }
        lines?.flush()
        if let session {
            // The picture stays up at the end, for the operator to read, until quit.
            let finished = !quit && Shutdown.requested == nil
            session.hub.post(sources: status.sources(source.files, run: pipeline.run, state: finished ? "finished" : "stopped", now: true),
                             replay: control.status(position: position, finished: finished))
            while serve() { usleep(50_000) }
            session.stop()
        }
        if let signal = Shutdown.requested { Console.error("replay: stopped by signal \(signal)") }
        if skipped > 0 { Console.error("replay: \(skipped) frame(s) before --start \(start ?? "") read for their radars only") }
        let elapsed = HostClock.monotonic() - started
        Console.error(Self.summary(pipeline.run, updates: pipeline.totalUpdates, elapsed: elapsed, latency: pipeline.latency, trackFeed: trackFeed))
        if let alerts {
            Console.error("  \(alerts.raised) alert(s) raised, \(alerts.sent) alert state change(s) sent")
            for off in alerts.rulesOff { Console.error("  rules off: \(off)") }
        }
        if !pipeline.finishStore() { throw ExitCode(1) }
    }

    /// The outputs as the display's status line names them.
    private func outputNames(store: String?) -> [String] {
        var out: [String] = []
        if let tracks { out.append("CAT062 \(tracks)") }
        if let a = alerting.alerts { out.append("JSON \(a)") }
        if let c = alerting.cot { out.append("CoT \(c)") }
        if let jsonl { out.append("tracks \(jsonl)") }
        if let store { out.append("store \(store)") }
        return out
    }

    static func summary(_ run: TrackingRun, updates: Int, elapsed: Double, latency: LatencyHistogram,
                        trackFeed: TrackFeed?, command: String = "replay") -> String {
        let c = run.tracker.counts
        var s = "\(command): \(run.frames) frame(s), \(c.plots) plot(s), \(c.used) used, \(c.started) track(s) started, "
        s += "\(c.confirmed) confirmed, \(c.deleted) ended, \(run.tracker.liveTracks) live at the end; \(updates) update(s)"
        if let f = trackFeed {
            s += ", \(f.datagrams) CAT062 datagram(s) and \(f.heartbeats) CAT065 heartbeat(s)"
            if f.sender.failed > 0 { s += ", \(f.sender.failed) not sent" }
        }
        var problems: [String] = []
        if run.decodeErrors > 0 {
            problems.append("\(run.decodeErrors) decode error(s)" + (run.lastDecodeError.map { ", last: \($0)" } ?? ""))
        }
        if run.undatedFrames > 0 { problems.append("\(run.undatedFrames) frame(s) without a date (use --date)") }
        if c.unknownSensor > 0 { problems.append("\(c.unknownSensor) plot(s) from radars of unknown position") }
        if c.invalidPlots > 0 { problems.append("\(c.invalidPlots) impossible plot(s)") }
        if c.latePlots > 0 { problems.append("\(c.latePlots) late plot(s) refused") }
        if c.futurePlots > 0 { problems.append("\(c.futurePlots) future plot(s) refused") }
        if c.clockSetBacks > 0 {
            problems.append("\(c.clockSetBacks) clock set back(s) to an earlier time every radar agreed on, \(c.endedByClockSetBack) track(s) ended")
        }
        if c.refusedFlightLevels > 0 { problems.append("\(c.refusedFlightLevels) impossible flight level(s) dropped") }
        if c.trackLimitPlots > 0 { problems.append("\(c.trackLimitPlots) plot(s) not tracked: track limit reached") }
        if !problems.isEmpty { s += "\n  " + problems.joined(separator: "\n  ") }
        s += "\n  \(fixed(elapsed, 3)) s"
        if elapsed > 0, c.plots > 0 { s += ", \(Int(Double(c.plots) / elapsed)) plots/s" }
        if let median = latency.quantile(0.5), let p99 = latency.quantile(0.99) {
            s += "; per frame, plots in → datagrams sent: median \(micros(median)), p99 \(micros(p99)), max \(micros(latency.maximum))"
        }
        return s
    }

    private static func micros(_ seconds: Double) -> String { "\(Int((seconds * 1e6).rounded())) µs" }
}
