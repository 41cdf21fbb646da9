import Synchronization

/// What the USB source has done since it started, for the status line and the metrics.
public struct USBSourceCounters: Sendable, Equatable {
    /// Bulk transfers that came back with data (or empty) from the device.
    public var transfers = 0
    public var bytes = 0
    /// Whole data blocks cut from the stream and offered to the ring.
    public var blocks = 0
    /// Times the stream lost sync (see `BlockAssembler`), and bytes skipped while out of sync or
    /// of a partial block when the device was lost.
    public var resyncs = 0
    public var skippedBytes = 0
    /// Blocks the ring refused because it was full.
    public var drops = 0
    /// Transfers that failed (device gone, stall, protocol error…).
    public var errors = 0
    /// Times the device was opened again after it was lost.
    public var reconnects = 0

    public init() {}
}

/// The counters, written by the event thread and read from anywhere.
final class USBCounterStore: Sendable {
    let transfers = Atomic(0), bytes = Atomic(0), blocks = Atomic(0), resyncs = Atomic(0)
    let skippedBytes = Atomic(0), drops = Atomic(0), errors = Atomic(0), reconnects = Atomic(0)

    var snapshot: USBSourceCounters {
        var c = USBSourceCounters()
        c.transfers = transfers.load(ordering: .relaxed)
        c.bytes = bytes.load(ordering: .relaxed)
        c.blocks = blocks.load(ordering: .relaxed)
        c.resyncs = resyncs.load(ordering: .relaxed)
        c.skippedBytes = skippedBytes.load(ordering: .relaxed)
        c.drops = drops.load(ordering: .relaxed)
        c.errors = errors.load(ordering: .relaxed)
        c.reconnects = reconnects.load(ordering: .relaxed)
        return c
    }
}
