import Dispatch
import GRDB

/// Copies the WAL into the database file once a second, on its own connection and thread, so the
/// pipeline's commits never pay for it. Left to SQLite (`wal_autocheckpoint`), a checkpoint runs
/// inside whichever commit grows the WAL past 1,000 pages, with two disk flushes: measured here,
/// that put an alert commit's p99 at 4–8 ms against a median of 0.05 ms.
///
/// A checkpoint that fails (the disk is full) leaves the WAL to grow and is tried again a second
/// later: nothing committed is lost, and the writer's own failures are what get said.
final class Checkpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "centinela.store.checkpoint", qos: .utility)
    private let timer: any DispatchSourceTimer
    /// Used and released only on `queue` (hence @unchecked Sendable).
    private var connection: DatabaseQueue?

    init(path: String) throws {
        // A connection of its own: a PASSIVE checkpoint never blocks the writer.
        connection = try DatabaseQueue(path: path)
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            _ = try? self?.connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
        }
        timer.resume()
    }

    /// Stops checkpointing and closes the connection, once no checkpoint is running: the writer's
    /// connection is then the last, and closing it folds the WAL in and removes it.
    func stop() {
        timer.cancel()
        queue.sync { connection = nil }
    }

    deinit { stop() }
}
