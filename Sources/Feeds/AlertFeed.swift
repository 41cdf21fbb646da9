import Asterix
import Sockets

/// The two alert feed formats.
public enum AlertFeedFormat: Sendable, Equatable {
    /// `AlertJSON`: one object a datagram; default destination udp://127.0.0.1:8610.
    case jsonLines
    /// `CursorOnTarget`: one event a datagram; default destination udp://127.0.0.1:6969 (the
    /// TAK port; TAK's usual multicast group 239.2.3.1 is a setting away).
    case cursorOnTarget

    public var defaultDestination: String {
        switch self {
        case .jsonLines: "udp://127.0.0.1:8610"
        case .cursorOnTarget: "udp://127.0.0.1:6969"
        }
    }
}

/// The datagrams of one alert feed, without the socket: each alert and each heartbeat gets the
/// feed's next sequence number (1, 2, 3, … with no gap, so a consumer that sees one knows it lost
/// a datagram), and a heartbeat goes out every `heartbeatInterval` seconds of data time, so a
/// consumer that sees nothing can tell a quiet sky from a dead feed.
public struct AlertStream: Sendable {
    public let format: AlertFeedFormat
    private var clock: HeartbeatClock
    /// Seconds of data time between heartbeats.
    public var heartbeatInterval: Double { clock.interval }
    /// Cursor on Target: seconds after an event's time when a client should consider it stale.
    public let staleAfter: Double
    /// The sequence number of the last datagram written (0 before the first).
    public private(set) var sequence = 0

    /// nil unless the interval and the stale time are positive and finite.
    public init?(format: AlertFeedFormat, heartbeatInterval: Double = 5, staleAfter: Double = 60) {
        guard let clock = HeartbeatClock(interval: heartbeatInterval), staleAfter > 0, staleAfter.isFinite else { return nil }
        self.format = format
        self.clock = clock
        self.staleAfter = staleAfter
    }

    /// Replaces `out` with the datagram of `alert`, numbered `alertSeq` in the store (nil without one).
    public mutating func datagram(for alert: Alert, alertSeq: Int?, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        sequence += 1
        switch format {
        case .jsonLines: AlertJSON.append(alert, sequence: sequence, alertSeq: alertSeq, to: &out)
        case .cursorOnTarget:
            CursorOnTarget.append(alert, sequence: sequence, alertSeq: alertSeq, staleAfter: staleAfter, to: &out)
        }
    }

    /// Data time has reached `time`: when a heartbeat is due (see `HeartbeatClock`), or `final`
    /// (the feed is closing), replaces `out` with it and returns true. `lastAlertSeq`: the
    /// store's number of the last alert change sent (nil without a store).
    public mutating func heartbeat(at time: Double, activeAlerts: Int, lastAlertSeq: Int?, final: Bool = false,
                                   into out: inout [UInt8]) -> Bool {
        guard clock.isDue(at: time) || final else { return false }
        out.removeAll(keepingCapacity: true)
        sequence += 1
        switch format {
        case .jsonLines:
            AlertJSON.appendHeartbeat(time: time, sequence: sequence, activeAlerts: activeAlerts,
                                      lastAlertSeq: lastAlertSeq, interval: heartbeatInterval, to: &out)
        case .cursorOnTarget:
            CursorOnTarget.appendHeartbeat(time: time, sequence: sequence, activeAlerts: activeAlerts,
                                           lastAlertSeq: lastAlertSeq, interval: heartbeatInterval, to: &out)
        }
        return true
    }
}

/// One alert feed on the network: an `AlertStream` sent through a `UDPSender`, which never blocks
/// (a datagram the kernel refuses is counted in `sender.failed`; its sequence number is used all
/// the same, so the consumer sees the gap).
///
/// Not `Sendable`: it owns a socket; use it from one task.
public final class AlertFeed {
    public private(set) var stream: AlertStream
    public let sender: UDPSender
    private var buffer: [UInt8] = []

    public init(_ stream: AlertStream, to destination: UDPAddress,
                multicast: UDPSender.Multicast = UDPSender.Multicast()) throws(SocketError) {
        self.stream = stream
        sender = try UDPSender(to: destination, multicast: multicast)
    }

    public func send(_ alert: Alert, alertSeq: Int?) {
        stream.datagram(for: alert, alertSeq: alertSeq, into: &buffer)
        sender.send(buffer)
    }

    /// Call as data time advances (each track update or scan): sends a heartbeat when one is due,
    /// or now when `final` (the feed is closing).
    public func tick(at time: Double, activeAlerts: Int, lastAlertSeq: Int?, final: Bool = false) {
        if stream.heartbeat(at: time, activeAlerts: activeAlerts, lastAlertSeq: lastAlertSeq, final: final, into: &buffer) {
            sender.send(buffer)
        }
    }
}
