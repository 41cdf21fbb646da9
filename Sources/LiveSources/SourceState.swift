/// What a live source is doing: logged on every change and shown on the operator's status line.
public enum SourceState: Sendable, Equatable, CustomStringConvertible {
    /// Opening its socket or device.
    case starting
    /// Data arriving.
    case connected
    /// Open, but nothing has arrived for the source's silence limit (e.g. two scan periods).
    case silent(seconds: Double)
    /// The device or socket failed; the source will try again (see `reconnecting`).
    case lost(reason: String)
    /// Waiting before the next attempt to open.
    case reconnecting(attempt: Int, delay: Double)
    /// Stopped on request.
    case stopped

    public var description: String {
        switch self {
        case .starting: "starting"
        case .connected: "connected"
        case .silent(let s): "silent for \(Self.seconds(s)) s"
        case .lost(let reason): "lost: \(reason)"
        case .reconnecting(let attempt, let delay): "reconnecting (attempt \(attempt), in \(Self.seconds(delay)) s)"
        case .stopped: "stopped"
        }
    }

    /// 8 → "8", 0.3 → "0.3".
    private static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}
