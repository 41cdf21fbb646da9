/// Cuts a byte stream of ASTERIX data blocks sent back to back (`CAT(1) LEN(2)` then the rest)
/// into whole blocks, whatever the pieces it arrives in: a block may span several USB transfers
/// and a transfer may hold several blocks.
///
/// A header is believed when its LEN is at least 3 (it counts the header) and at most
/// `maximumLength`, and its CAT is one of `categories`. Anything else means the stream lost
/// sync (a dropped packet, a device that restarted mid-block). Resynchronisation rule: skip one
/// byte and test the next as a header, until one is believed; each loss of sync counts one
/// resync however many bytes it skips, and the skipped bytes are counted too. A block is whole
/// only when all its LEN bytes have arrived; `reset()` forgets a partial one (the device was lost).
public struct BlockAssembler: Sendable {
    public let categories: Set<UInt8>
    public let maximumLength: Int

    /// The block being gathered: its header and as much of the rest as has arrived.
    private var pending: [UInt8] = []
    private var inSync = true

    /// Whole blocks handed out.
    public private(set) var blocks = 0
    /// Times the stream lost sync.
    public private(set) var resyncs = 0
    /// Bytes skipped while out of sync, and bytes of partial blocks forgotten by `reset()`.
    public private(set) var skippedBytes = 0

    public init(categories: Set<UInt8>, maximumLength: Int) {
        precondition(maximumLength >= 3, "a data block is at least its 3-byte header")
        self.categories = categories
        self.maximumLength = maximumLength
        pending.reserveCapacity(maximumLength)
    }

    /// Takes the next piece of the stream; calls `block` with each data block it completes, in order.
    public mutating func append(_ bytes: UnsafeRawBufferPointer, block: ([UInt8]) -> Void) {
        var at = 0
        while at < bytes.count {
            if pending.count < 3 {
                pending.append(bytes[at])
                at += 1
                if pending.count == 3 { checkHeader() }
            } else {
                let take = min(declaredLength - pending.count, bytes.count - at)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + take)]))
                at += take
            }
            if pending.count >= 3, pending.count == declaredLength { finish(block) }
        }
    }

    /// Forgets a partial block: the stream it belonged to is gone.
    public mutating func reset() {
        skippedBytes += pending.count
        pending.removeAll(keepingCapacity: true)
        inSync = true
    }

    private var declaredLength: Int { Int(pending[1]) << 8 | Int(pending[2]) }

    /// With three header bytes gathered: believe them, or drop the first (the rule above).
    private mutating func checkHeader() {
        let length = declaredLength
        if length >= 3, length <= maximumLength, categories.contains(pending[0]) {
            inSync = true
            return
        }
        if inSync {
            inSync = false
            resyncs += 1
        }
        skippedBytes += 1
        pending.removeFirst()
    }

    private mutating func finish(_ block: ([UInt8]) -> Void) {
        blocks += 1
        // A copy of exactly the block's size: `pending` keeps its capacity for the next one.
        block(pending.withUnsafeBufferPointer { Array($0) })
        pending.removeAll(keepingCapacity: true)
    }
}
