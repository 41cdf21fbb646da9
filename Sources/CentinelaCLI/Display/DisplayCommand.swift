import ArgumentParser
import Display
import Glibc
import LiveSources
import Profiling
import Surveillance

struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "The operator's track display as a client of a tracker's feeds (CAT062 tracks, JSON-lines alerts over UDP), so several operators can watch one tracker.",
        discussion: """
            Listens where `replay` or `run` sends its --tracks and --alerts feeds (a multicast \
            group is joined like a source's). Acknowledging an alert here marks it on this display \
            only: the tracker's store is not told. The status line counts what could not be read \
            and the alert datagrams the sequence numbers say were lost (recover them with \
            `centinela alerts --since`). Tracks silent for 60 s of data time are taken off.
            """)

    @Option(help: ArgumentHelp("Listen for the CAT062 track feed here: udp://HOST:PORT[?interface=…&allow=…].", valueName: "udp://HOST:PORT"))
    var tracks: String?

    @Option(help: ArgumentHelp("Listen for the JSON-lines alert feed here.", valueName: "udp://HOST:PORT"))
    var alerts: String?

    @Option(help: "Zones (GeoJSON): the border, airports and strips drawn, and each track's distance to the border.")
    var zones: String?

    @Option(help: "Folder of SRTM tiles: each track's height above the ground (needs --zones).")
    var terrain: String?

    func validate() throws {
        guard tracks != nil || alerts != nil else { throw ValidationError("give --tracks, --alerts or both: the feeds to listen to") }
        for (name, value) in [("--tracks", tracks), ("--alerts", alerts)] {
            guard let value else { continue }
            do {
                guard case .udp = try SourceSpec(value) else { throw ValidationError("\(name): a feed is udp://HOST:PORT; got '\(value)'") }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ValidationError("\(name): \(error)")
            }
        }
        if terrain != nil, zones == nil { throw ValidationError("--terrain needs --zones FILE") }
    }

    func run() throws {
        let context = try zones.map { path throws(RuntimeFailure) in try AlertOptions.context(zones: path, terrain: terrain, terrainName: "--terrain") }
        let changes = StateChanges()
        func listen(_ spec: String?) throws(RuntimeFailure) -> (LiveSource, FrameRing)? {
            guard let spec else { return nil }
            let ring = FrameRing(capacity: 65_536)
            do {
                return (try LiveSource(SourceSpec(spec), number: 0, ring: ring, changes: changes) { SourceLog.line("display: " + $0) }, ring)
            } catch let error as RuntimeFailure {
                throw error
            } catch {
                throw RuntimeFailure(message: "\(spec): \(error)")
            }
        }
        let trackFeed = try listen(tracks), alertFeed = try listen(alerts)

        let hub = DisplayHub()
        hub.post(map: DisplayMapBuilder.map(zones: context?.zones, radars: [], ground: context?.ground))
        let session = try DisplaySession.start(hub: hub)
        Shutdown.install()
        trackFeed?.0.start()
        alertFeed?.0.start()

        var trackReader = TrackFeedReader(), alertReader = AlertFeedReader()
        var shown: [String: DisplayAlert] = [:]
        var batch: [DisplayTrack] = [], newAlerts: [DisplayAlert] = []
        var rates = FeedRates()
        var quit = false
        while !quit, Shutdown.requested == nil {
            batch.removeAll(keepingCapacity: true)
            newAlerts.removeAll(keepingCapacity: true)
            var n = 0
            while n < 4_096, let f = trackFeed?.1.pop() {
                n += 1
                trackReader.read(f.bytes, received: f.received, into: &batch)
            }
            while n < 8_192, let f = alertFeed?.1.pop() {
                n += 1
                if let a = alertReader.read(f.bytes) { newAlerts.append(a) }
            }
            if let context {
                for i in batch.indices {
                    let t = batch[i]
                    batch[i].heightAboveGround = context.heightAboveGround(latitude: t.latitude, longitude: t.longitude, altitude: t.altitude)
                    batch[i].borderDistance = context.zones.borderFix(latitude: t.latitude, longitude: t.longitude)?.signedDistance
                }
            }
            for i in newAlerts.indices {
                // An acknowledgement made here stays on this display's copy of the alert.
                if shown[newAlerts[i].id]?.acknowledged == true { newAlerts[i].acknowledged = true }
                let a = newAlerts[i]
                shown[a.id] = a.isActive ? a : nil
            }
            if n > 0 { hub.post(tracks: batch, alerts: newAlerts) }

            for request in hub.takeRequests() {
                switch request {
                case .quit: quit = true
                case .acknowledge(let id):
                    guard var a = shown[id], !a.acknowledged else { continue }
                    a.acknowledged = true
                    a.state = .acknowledged
                    shown[id] = a
                    hub.post(tracks: [], alerts: [a])
                default: break  // a live feed cannot be paused or stepped
                }
            }
            if let sources = rates.sources(tracks: trackFeed.map { ($0.0, trackReader) }, alerts: alertFeed.map { ($0.0, alertReader) }) {
                hub.post(sources: sources)
            }
            if n == 0 { usleep(2_000) }
        }
        trackFeed?.0.stop()
        alertFeed?.0.stop()
        session.stop()
        if trackFeed != nil {
            Console.error("display: \(trackReader.records) track record(s), \(trackReader.heartbeats) CAT065 status message(s), \(trackReader.errors) unreadable")
        }
        if alertFeed != nil {
            var s = "display: \(alertReader.alerts) alert change(s), \(alertReader.heartbeats) heartbeat(s), \(alertReader.malformed) unreadable"
            if alertReader.missed > 0 {
                s += "; \(alertReader.missed) datagram(s) lost: `centinela alerts --since \(alertReader.lastAlertSeq ?? 0)` recovers the alerts"
            }
            Console.error(s)
        }
        if let signal = Shutdown.requested { Console.error("display: stopped by signal \(signal)") }
    }
}

/// The display client's feeds as its status line shows them, counted at most twice a second.
struct FeedRates {
    private var last: (time: Double, records: Int, alerts: Int)?
    private var rates = (records: 0.0, alerts: 0.0)

    mutating func sources(tracks: (LiveSource, TrackFeedReader)?, alerts: (LiveSource, AlertFeedReader)?) -> [SourceStatus]? {
        let now = HostClock.monotonic()
        let records = tracks?.1.records ?? 0, alertCount = alerts?.1.alerts ?? 0
        if let last {
            guard now - last.time >= 0.5 else { return nil }
            rates = (Double(records - last.records) / (now - last.time), Double(alertCount - last.alerts) / (now - last.time))
        }
        last = (now, records, alertCount)
        var out: [SourceStatus] = []
        if let (source, reader) = tracks {
            let c = source.counts
            out.append(SourceStatus(name: "CAT062 \(source.name)", state: Health.stateName(source.state), plotsPerSecond: rates.records,
                                    drops: c.ringDrops + c.kernelDrops, decodeErrors: reader.errors))
        }
        if let (source, reader) = alerts {
            let c = source.counts
            out.append(SourceStatus(name: "alerts \(source.name)", state: Health.stateName(source.state), plotsPerSecond: rates.alerts,
                                    drops: c.ringDrops + c.kernelDrops + reader.missed, decodeErrors: reader.malformed))
        }
        return out
    }
}
