import Surveillance

/// Turns the bytes of completed transfers into frames in the ring: the assembler cuts the
/// stream into data blocks, each pushed with the time its last byte arrived. Lives on the event
/// thread and outlives each connection, so the counters add up across reconnections.
final class BlockReceiver {
    private var assembler: BlockAssembler
    private let ring: FrameRing
    private let source: Int
    private let counters: USBCounterStore

    init(settings: USBSourceSettings, ring: FrameRing, source: Int, counters: USBCounterStore) {
        assembler = BlockAssembler(categories: settings.categories, maximumLength: settings.maximumBlockLength)
        self.ring = ring
        self.source = source
        self.counters = counters
    }

    /// Called from the transfer callback: must not block, so a full ring drops the block and counts it.
    func receive(_ bytes: UnsafeRawBufferPointer) {
        let received = HostClock.utcNow()
        counters.bytes.add(bytes.count, ordering: .relaxed)
        assembler.append(bytes) { block in
            if !ring.push(LiveFrame(bytes: block, received: received, source: source)) {
                counters.drops.add(1, ordering: .relaxed)
            }
        }
        publish()
    }

    /// The device is gone: a block it had begun will never be finished.
    func forgetPartialBlock() {
        assembler.reset()
        publish()
    }

    private func publish() {
        counters.blocks.store(assembler.blocks, ordering: .relaxed)
        counters.resyncs.store(assembler.resyncs, ordering: .relaxed)
        counters.skippedBytes.store(assembler.skippedBytes, ordering: .relaxed)
    }
}
