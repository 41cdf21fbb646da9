import LiveSources
import Synchronization

/// One source of a live run, UDP or USB, seen the same way by the health report.
enum LiveSource {
    case udp(UDPPlotSource)
    case usb(USBPlotSource)

    /// What every source counts, whatever it is.
    struct Counts {
        /// Datagrams (UDP) or data blocks (USB) into the ring, and their bytes.
        var frames = 0
        var bytes = 0
        /// Frames the full ring refused.
        var ringDrops = 0
        /// Datagrams the kernel dropped (socket buffer full); USB: 0.
        var kernelDrops = 0
        /// Datagrams from senders not on the allow-list.
        var refused = 0
        /// Receive errors (UDP) or failed transfers (USB).
        var errors = 0
    }

    /// Opens the source (a UDP socket is bound now; a USB device is opened by `start`). Its state
    /// changes are noted in `changes` as they happen, so none is missed between two looks. Its
    /// frames carry `number` (the core counts decode errors by it).
    init(_ spec: SourceSpec, number: Int, ring: FrameRing, changes: StateChanges,
         log: @escaping @Sendable (String) -> Void) throws(RuntimeFailure) {
        switch spec {
        case .udp(let settings):
            // The UDP source's log lines are its state changes (and a refused sender named once).
            do {
                self = .udp(try UDPPlotSource(settings: settings, ring: ring, number: number) { log($0); changes.note() })
            } catch {
                throw RuntimeFailure(message: "\(error)")
            }
        case .usb(let settings):
            do {
                self = .usb(try USBPlotSource(settings: settings, ring: ring, number: number) { _ in changes.note() })
            } catch {
                throw RuntimeFailure(message: "\(error)")
            }
        }
    }

    /// How the source is named in the log and the metrics: `udp://127.0.0.1:8600`, `usb://1209:0001`.
    var name: String {
        switch self {
        case .udp(let s): "\(s.settings.listen)"
        case .usb(let s): "usb://" + s.settings.deviceName
        }
    }

    var state: SourceState {
        switch self {
        case .udp(let s): s.state
        case .usb(let s): s.state
        }
    }

    var counts: Counts {
        switch self {
        case .udp(let s):
            let c = s.counters
            return Counts(frames: c.datagrams, bytes: c.bytes, ringDrops: c.dropped, kernelDrops: c.kernelDrops,
                          refused: c.refused, errors: c.errors + c.truncated)
        case .usb(let s):
            let c = s.counters
            return Counts(frames: c.blocks - c.drops, bytes: c.bytes, ringDrops: c.drops, errors: c.errors)
        }
    }

    func start() {
        switch self {
        case .udp(let s): s.start()
        case .usb(let s): s.start()
        }
    }

    func stop() {
        switch self {
        case .udp(let s): s.stop()
        case .usb(let s): s.stop()
        }
    }
}

/// Whether any source's state changed since the core last looked: set from the sources' threads.
final class StateChanges: Sendable {
    private let changed = Atomic(false)

    func note() { changed.store(true, ordering: .relaxed) }

    /// True once per batch of changes.
    func take() -> Bool { changed.exchange(false, ordering: .relaxed) }
}
