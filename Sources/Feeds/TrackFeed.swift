import Asterix
import Sockets

/// The CAT062 track feed on the network: track updates packed into datagrams (suspect tracks
/// marked, see `Cat062Record.markSuspect`), and a CAT065 SDPS status message every
/// `heartbeatInterval` seconds of data time, so a consumer can tell a quiet sky from a dead feed.
/// Sending never blocks (see `UDPSender`); refused datagrams are counted in `sender.failed`.
///
/// Not `Sendable`: it owns a socket; use it from one task.
public final class TrackFeed {
    public let sender: UDPSender
    private var encoder: Cat062TrackEncoder
    private var clock: HeartbeatClock
    private let statusSpec: CategorySpec
    private var statusBlock = DataBlockWriter(category: 65)
    /// CAT062 datagrams sent (or refused by the kernel).
    public private(set) var datagrams = 0
    public private(set) var heartbeats = 0
    /// Updates whose record could not be written (see `Cat062TrackEncoder.dropped`).
    public var dropped: Int { encoder.dropped }

    public init(to destination: UDPAddress, settings: Cat062TrackSettings = Cat062TrackSettings(),
                heartbeatInterval: Double = 5, multicast: UDPSender.Multicast = UDPSender.Multicast()) throws(TrackFeedError) {
        guard let encoder = Cat062TrackEncoder(settings: settings),
              let spec = SpecLibrary.spec(category: 65, edition: Edition(major: 1, minor: 6)) else { throw .noDefinition }
        guard let clock = HeartbeatClock(interval: heartbeatInterval) else { throw .badInterval(heartbeatInterval) }
        do {
            sender = try UDPSender(to: destination, multicast: multicast)
        } catch {
            throw .socket(error)
        }
        self.encoder = encoder
        self.clock = clock
        statusSpec = spec
    }

    /// Sends one frame's updates; `suspect` gives the active alert of a track number, if any.
    public func send(_ updates: [SystemTrack], suspect: (UInt16) -> Alert?) {
        guard !updates.isEmpty else { return }
        for u in updates {
            var record = Cat062Record(track: u, settings: encoder.settings)
            if let alert = suspect(u.number) { record.markSuspect(alert) }
            encoder.append(record)
        }
        for d in encoder.flush() {
            datagrams += 1
            sender.send(d)
        }
    }

    /// Call as data time advances: sends the CAT065 SDPS status when one is due. `overloaded`
    /// sets its OVL bit (the tracker is refusing plots at its track limit). `final`: the feed is
    /// closing, so the status goes out now whether due or not.
    public func tick(at time: Double, overloaded: Bool, final: Bool = false) {
        guard clock.isDue(at: time) || final else { return }
        var r = Cat065Record()
        r.messageType = .sdpsStatus
        r.dataSource = encoder.settings.sensor
        r.serviceID = encoder.settings.serviceID
        r.timeOfDay = Cat062Record.timeOfDay(utc: time)
        r.status = Cat065Record.Status(nogo: 0, overload: overloaded, timeSourceInvalid: false, pss: 0)
        // A record of these items always fits an empty block.
        try? r.encode(into: &statusBlock, spec: statusSpec)
        heartbeats += 1
        sender.send(statusBlock.finish())
    }
}

public enum TrackFeedError: Error, Sendable, CustomStringConvertible {
    case noDefinition
    case badInterval(Double)
    case socket(SocketError)

    public var description: String {
        switch self {
        case .noDefinition: "no CAT062/CAT065 definition to encode with"
        case .badInterval(let s): "heartbeat interval \(s) s: must be positive and finite"
        case .socket(let e): "\(e)"
        }
    }
}
