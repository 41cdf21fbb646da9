import Feeds
import Pipeline
import Profiling
import Sockets
import Store
import Surveillance

/// Track updates in, alerts out: the classifier's verdict on every update, the alert lifecycle,
/// the store (which numbers each change and commits it before it is sent), and the feeds, each
/// numbering its datagrams and sending heartbeats on the data's clock.
final class AlertPipeline {
    private var watch: SuspectWatch
    private let feeds: [AlertFeed]
    private let store: StoreWriter?
    /// The alert changes of the last frame judged.
    private(set) var changes: [Alert] = []
    /// Keep each update's distance to the border as the classifier found it (`borders`): what a
    /// display shows.
    var keepsBorders = false
    /// With `keepsBorders`, the last frame's updates' signed distances to the border, metres, in order.
    private(set) var borders: [Double?] = []
    private(set) var raised = 0
    private(set) var sent = 0
    let disabledRules: [String]
    /// The rules that were off at the end, with the updates outside the terrain's tiles.
    var rulesOff: [String] { watch.rulesOff }

    /// Judges against `context`; sends to each destination (`udp://HOST:PORT`) in its format.
    init(context: ProfileContext, destinations: [(AlertFeedFormat, String)], store: StoreWriter?) throws(RuntimeFailure) {
        disabledRules = context.disabledRules
        guard let watch = SuspectWatch(context: context) else { throw RuntimeFailure(message: "alert settings cannot work") }
        self.watch = watch
        var feeds: [AlertFeed] = []
        for (format, destination) in destinations {
            guard let stream = AlertStream(format: format) else { throw RuntimeFailure(message: "alert feed settings cannot work") }
            do {
                feeds.append(try AlertFeed(stream, to: UDPAddress(destination)))
            } catch {
                throw RuntimeFailure(message: "\(destination): \(error)")
            }
        }
        self.feeds = feeds
        self.store = store
    }

    /// Judges against `context`; sends to the feeds `options` name.
    convenience init(_ options: AlertOptions, context: ProfileContext, store: StoreWriter?) throws(RuntimeFailure) {
        let destinations = [(AlertFeedFormat.jsonLines, options.alerts), (.cursorOnTarget, options.cot)]
            .compactMap { format, destination in destination.map { (format, $0) } }
        try self.init(context: context, destinations: destinations, store: store)
    }

    /// The zones and ground the alerts are judged against.
    var context: ProfileContext { watch.classifier.context }

    /// The active alert of a track number, if any.
    func active(track: UInt16) -> Alert? { watch.lifecycle.active(track: track) }

    /// Judges the updates of one frame and sends what changed; then heartbeats if one is due.
    func process(_ updates: [SystemTrack], at time: Double) {
        changes.removeAll(keepingCapacity: true)
        if keepsBorders {
            borders = Array(repeating: nil, count: updates.count)
            watch.judge(updates, into: &changes) { i, verdict in borders[i] = verdict.features.border?.signedDistance }
        } else {
            watch.judge(updates, into: &changes)
        }
        let alertSeqs = store?.record(changes)
        for (i, alert) in changes.enumerated() {
            if alert.state == .raised { raised += 1 }
            for feed in feeds { feed.send(alert, alertSeq: alertSeqs?[i]) }
            sent += 1
        }
        tick(at: time)
    }

    /// An operator acknowledges an active alert: the change is stored, then sent, like any other;
    /// nil when no alert of that id is active.
    func acknowledge(id: String, at time: Double) -> Alert? {
        guard let alert = watch.acknowledge(id: id, at: time) else { return nil }
        let alertSeq = store?.record([alert]).first
        for feed in feeds { feed.send(alert, alertSeq: alertSeq) }
        sent += 1
        return alert
    }

    /// Time has reached `time`: heartbeats go out when due (`final`: now, whether due or not).
    func tick(at time: Double, final: Bool = false) {
        let active = watch.lifecycle.activeCount
        for feed in feeds { feed.tick(at: time, activeAlerts: active, lastAlertSeq: store?.lastAlertSeq, final: final) }
    }
}
