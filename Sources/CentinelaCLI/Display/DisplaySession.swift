import Display
import Foundation
import Synchronization

/// The operator's display on this terminal, on a thread of its own: it redraws from the hub's
/// picture and hands the operator's requests to the hub, while the calling thread tracks.
final class DisplaySession: Sendable {
    let hub: DisplayHub
    private let stopAsked = Atomic(false)
    private let done = DispatchSemaphore(value: 0)

    private init(hub: DisplayHub) {
        self.hub = hub
    }

    /// Seconds of data time after which a track with no update is taken off: the tracker drops a
    /// tentative track that no plot confirms without a last update (within 4 scans, 48 s at most),
    /// and a client can miss an ending.
    static let silentTrackExpiry = 60.0

    /// Takes over the terminal and starts drawing.
    static func start(hub: DisplayHub) throws(RuntimeFailure) -> DisplaySession {
        // Handed to the display's thread, which alone uses it from here on.
        nonisolated(unsafe) let display: TerminalDisplay
        do {
            display = TerminalDisplay(terminal: try Terminal(holdingStderr: true),
                                      colour: ScreenWriter.colourAllowed(environment: ProcessInfo.processInfo.environment))
        } catch {
            throw RuntimeFailure(message: "--display needs a terminal: \(error)")
        }
        let session = DisplaySession(hub: hub)
        let thread = Thread {
            var picture = Picture(map: DisplayMap(centre: .init(latitude: 0, longitude: 0)))
            display.run(snapshot: {
                hub.drain(into: &picture)
                picture.expire(silentFor: silentTrackExpiry)
                return picture
            }, request: { hub.request($0) }, until: { session.stopAsked.load(ordering: .relaxed) })
            session.done.signal()
        }
        thread.start()
        return session
    }

    /// Ends the display: the terminal restored, and stderr put back with what it held.
    func stop() {
        stopAsked.store(true, ordering: .relaxed)
        done.wait()
        done.signal()  // a second stop returns at once
    }
}
