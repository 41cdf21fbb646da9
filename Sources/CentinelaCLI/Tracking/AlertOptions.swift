import ArgumentParser
import Feeds
import Pipeline
import Profiling
import Recording
import Sockets
import Store
import Surveillance

/// The suspect-profile alerts of `replay`: the zones the classifier judges tracks against, and the
/// feeds the alerts go to.
struct AlertOptions: ParsableArguments {
    @Option(help: "Zones (GeoJSON: the border, airports with hours, strips, restricted areas) the suspect profiles are judged against, e.g. recordings/northern-border.zones.geojson. Needed for --alerts and --cot.")
    var zones: String?

    @Option(help: "Folder of SRTM tiles (N31W111.hgt or .hgt.gz, as `simulate --tiles` writes them): the ground for the height-above-ground rules, which are off without it.")
    var terrain: String?

    @Option(help: "Send alerts as JSON lines to udp://HOST:PORT (one alert or heartbeat a datagram).")
    var alerts: String?

    @Option(help: "Send alerts as Cursor on Target events to udp://HOST:PORT.")
    var cot: String?

    var wanted: Bool { alerts != nil || cot != nil }

    func validate() throws {
        for (name, value) in [("--alerts", alerts), ("--cot", cot)] {
            guard let value else { continue }
            do { _ = try UDPAddress(value) } catch { throw ValidationError("\(name): \(error)") }
        }
        if terrain != nil, zones == nil {
            throw ValidationError("--terrain needs --zones FILE: the ground serves the suspect profiles, which are judged against the zones")
        }
        if wanted, zones == nil {
            throw ValidationError("--alerts and --cot need --zones FILE (the border and airports the profiles are judged against)")
        }
    }
}

extension AlertOptions {
    /// What the classifier judges against: the zones, and the ground when `--terrain` is given.
    func context() throws(RuntimeFailure) -> ProfileContext {
        guard let path = zones else { throw RuntimeFailure(message: "--zones is needed for alerts") }
        let zones: Zones
        do {
            zones = try Zones(geoJSON: RecordingFile.load(path: path))
        } catch {
            throw RuntimeFailure(message: "\(path): \(error)")
        }
        do {
            return ProfileContext(zones: zones, ground: try terrain.map(TerrainFolder.load))
        } catch {
            throw RuntimeFailure(message: "--terrain: \(error)")
        }
    }
}

/// Track updates in, alerts out: the classifier's verdict on every update, the alert lifecycle,
/// the store (which numbers each change and commits it before it is sent), and the feeds, each
/// numbering its datagrams and sending heartbeats on the data's clock.
final class AlertPipeline {
    private var watch: SuspectWatch
    private let feeds: [AlertFeed]
    private let store: StoreWriter?
    private var changes: [Alert] = []
    private(set) var raised = 0
    private(set) var sent = 0
    let disabledRules: [String]
    /// The rules that were off at the end, with the updates outside the terrain's tiles.
    var rulesOff: [String] { watch.rulesOff }

    init(_ options: AlertOptions, store: StoreWriter?) throws(RuntimeFailure) {
        let context = try options.context()
        disabledRules = context.disabledRules
        guard let watch = SuspectWatch(context: context) else { throw RuntimeFailure(message: "alert settings cannot work") }
        self.watch = watch
        var feeds: [AlertFeed] = []
        for (format, destination) in [(AlertFeedFormat.jsonLines, options.alerts), (.cursorOnTarget, options.cot)] {
            guard let destination else { continue }
            do {
                guard let stream = AlertStream(format: format) else { throw RuntimeFailure(message: "alert feed settings cannot work") }
                feeds.append(try AlertFeed(stream, to: UDPAddress(destination)))
            } catch let error as RuntimeFailure {
                throw error
            } catch {
                throw RuntimeFailure(message: "\(destination): \(error)")
            }
        }
        self.feeds = feeds
        self.store = store
    }

    /// The active alert of a track number, if any.
    func active(track: UInt16) -> Alert? { watch.lifecycle.active(track: track) }

    /// Judges the updates of one frame and sends what changed; then heartbeats if one is due.
    func process(_ updates: [SystemTrack], at time: Double) {
        changes.removeAll(keepingCapacity: true)
        watch.judge(updates, into: &changes)
        let alertSeqs = store?.record(changes)
        for (i, alert) in changes.enumerated() {
            if alert.state == .raised { raised += 1 }
            for feed in feeds { feed.send(alert, alertSeq: alertSeqs?[i]) }
            sent += 1
        }
        let active = watch.lifecycle.activeCount
        for feed in feeds { feed.tick(at: time, activeAlerts: active, lastAlertSeq: store?.lastAlertSeq) }
    }
}
