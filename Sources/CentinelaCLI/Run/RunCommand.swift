import ArgumentParser
import Feeds
import Glibc
import LiveSources
import Pipeline
import Recording
import Sockets
import Surveillance

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The live pipeline: live sources in, tracks, alerts, store and health out, until SIGINT or SIGTERM.",
        discussion: """
            Sources and sinks come from the configuration (--config FILE, JSON; `centinela config \
            --print-default` prints every key with its default). Each frame is tracked at its \
            receive time exactly as `replay` tracks a recording of it. Source state changes and \
            a health line go to stderr; metrics are served on 127.0.0.1 when health.port is set. \
            SIGINT or SIGTERM: the sources stop, what they received is tracked, final heartbeats \
            go out, the store's session ends, exit 0.
            """)

    @Option(help: "The configuration file (JSON); without it, the defaults.")
    var config: String?

    @Option(name: .customLong("source"), help: "A source, udp://… or usb://VID:PID[:SERIAL] (repeatable): replaces the configuration's sources.")
    var sources: [String] = []

    @Option(help: "Zones (GeoJSON) the suspect profiles are judged against: replaces the configuration's zones.")
    var zones: String?

    @Option(help: "The store file: replaces the configuration's store.path.")
    var store: String?

    @Option(help: "Serve metrics on 127.0.0.1:PORT (0: any free port): replaces the configuration's health.port.")
    var healthPort: Int?

    @Flag(help: "Show the operator's track display in this terminal (q or SIGINT stops the run). With zones, alerts are judged for it even with no alert feed.")
    var display = false

    /// The configuration file's settings with the command line's on top.
    func settings() throws -> RunConfiguration {
        var c = RunConfiguration()
        do {
            if let config { c = try RunConfiguration.load(path: config) }
            if !sources.isEmpty { c.sources = sources }
            if let zones { c.zones = zones }
            if let store { c.storePath = store }
            if let healthPort {
                guard (0...65_535).contains(healthPort) else { throw ConfigError(description: "--health-port: \(healthPort) is outside 0…65535") }
                c.healthPort = healthPort
            }
            try c.check()
        } catch {
            throw ValidationError("\(error)")
        }
        return c
    }

    func validate() throws { _ = try settings() }

    func run() throws {
        let config = try settings()
        let ring = FrameRing(capacity: config.ringCapacity)
        let changes = StateChanges()
        let live = try config.specs.enumerated().map { number, spec throws(RuntimeFailure) in
            try LiveSource(spec, number: number, ring: ring, changes: changes) { SourceLog.line("run: " + $0) }
        }
        let pipeline = try Self.pipeline(config, judgeAlerts: config.alertsWanted || display)
        let server: MetricsServer?
        do { server = try config.healthPort.map { port throws(RuntimeFailure) in try MetricsServer(port: port) } } catch {
            _ = pipeline.finishStore()
            throw error
        }

        let session: DisplaySession?
        do {
            if display {
                let feed = DisplayFeed(context: pipeline.alerts?.context)
                pipeline.alerts?.keepsBorders = true
                pipeline.display = feed
                feed.hub.post(outputs: Self.outputNames(config))
                session = try DisplaySession.start(hub: feed.hub)
            } else {
                session = nil
            }
        } catch {
            _ = pipeline.finishStore()
            throw error
        }
        Shutdown.install()
        for s in live { s.start() }
        server?.start()
        Console.error("run: listening on \(live.map(\.name).joined(separator: ", "))" + (server.map { "; metrics on http://127.0.0.1:\($0.port)/metrics" } ?? ""))

        var core = CoreLoop(ring: ring, pipeline: pipeline, sources: live.count)
        var health = Health(sources: live, now: HostClock.monotonic())
        var lastPoll = HostClock.monotonic(), lastLog = lastPoll
        var rates = SourceRates(sources: live.count)
        func report(_ now: Double, log: Bool) {
            let counts = core.counts
            if log { Console.error(health.line(live, ring: ring, core: counts, now: now)) }
            server?.publish(Health.metrics(live, ring: ring, core: counts))
            if let session { session.hub.post(sources: rates.statuses(live, core: counts, now: now)) }
        }
        report(lastPoll, log: false)
        var quit = false
        while Shutdown.requested == nil, !quit {
            for request in session?.hub.takeRequests() ?? [] {
                switch request {
                case .quit: quit = true
                case .acknowledge(let id): pipeline.acknowledge(id: id)
                default: break  // live sources cannot be paused or stepped
                }
            }
            let now = core.step()
            // A tenth of a second is soon enough to say a state changed, and costs nothing.
            guard now - lastPoll >= 0.1 else { continue }
            lastPoll = now
            let changed = changes.take()
            let due = now - lastLog >= config.healthLogInterval
            if changed || due { lastLog = now }
            report(now, log: changed || due)
        }

        for s in live { s.stop() }
        core.drain()
        pipeline.tick(at: HostClock.utcNow(), final: true)
        report(HostClock.monotonic(), log: true)
        server?.stop()
        session?.stop()
        Console.error(ReplayCommand.summary(pipeline.run, updates: pipeline.totalUpdates, elapsed: HostClock.monotonic() - core.started,
                                           latency: pipeline.latency, trackFeed: pipeline.trackFeed, command: "run"))
        if let alerts = pipeline.alerts {
            Console.error("  \(alerts.raised) alert(s) raised, \(alerts.sent) alert state change(s) sent")
        }
        if let signal = Shutdown.requested { Console.error("run: stopped by signal \(signal)") }
        if !pipeline.finishStore() { throw ExitCode(1) }
    }

    /// The outputs as the display's status line names them.
    private static func outputNames(_ config: RunConfiguration) -> [String] {
        [("CAT062", config.tracks), ("JSON", config.alertsJSONLines), ("CoT", config.alertsCursorOnTarget), ("store", config.storePath)]
            .compactMap { name, value in value.map { "\(name) \($0)" } }
    }

    /// The shared pipeline, its feeds and store opened as the configuration says; alerts are judged
    /// when `judgeAlerts` and there are zones.
    static func pipeline(_ config: RunConfiguration, judgeAlerts: Bool) throws(RuntimeFailure) -> FramePipeline {
        let run = TrackingRun(settings: config.trackerSettings, editions: config.editionTable)
        let trackFeed: TrackFeed?
        do {
            trackFeed = try config.tracks.map { try TrackFeed(to: UDPAddress($0)) }
        } catch {
            throw RuntimeFailure(message: "tracks.cat062: \(error)")
        }
        // The zones and ground before the store: a bad file is refused before a session begins.
        let context = judgeAlerts ? try config.zones.map { zones throws(RuntimeFailure) in
            try AlertOptions.context(zones: zones, terrain: config.terrain, terrainName: "terrain")
        } : nil
        if config.storePath == nil, config.alertsWanted {
            Console.error("run: no store: alerts are sent but not stored (alert_seq null); a consumer cannot recover a lost one")
        }
        let store = try config.storePath.map { path throws(RuntimeFailure) in
            try StoreOptions.open(path: path, settings: config.store, sources: config.sources, command: "run")
        }
        do {
            var alerts: AlertPipeline?
            if let context {
                let destinations = [(AlertFeedFormat.jsonLines, config.alertsJSONLines), (.cursorOnTarget, config.alertsCursorOnTarget)]
                    .compactMap { format, destination in destination.map { (format, $0) } }
                alerts = try AlertPipeline(context: context, destinations: destinations, store: store)
                if let off = alerts?.disabledRules, !off.isEmpty { Console.error("run: these profile rules are off: " + off.joined(separator: "; ")) }
            }
            return FramePipeline(run: run, alerts: alerts, store: store, trackFeed: trackFeed, lines: nil)
        } catch {
            // The session began: it ends, empty.
            if let store { _ = StoreSummary.finish(store, plots: 0, tracks: 0) }
            throw error
        }
    }
}
