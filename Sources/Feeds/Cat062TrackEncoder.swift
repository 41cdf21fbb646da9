import Asterix

/// System track updates → CAT062 datagrams. Records are packed into one data block per datagram,
/// as many as fit in `settings.maxDatagramBytes`; a record is never split, and a full datagram is
/// closed before the record that would overflow it.
///
///     var encoder = Cat062TrackEncoder(settings: settings)
///     for track in updates { encoder.append(track) }
///     for datagram in encoder.flush() { sender.send(datagram) }
///
/// One block per datagram because every record is CAT062: a second block would only repeat the
/// 3-byte header.
public struct Cat062TrackEncoder {
    public let settings: Cat062TrackSettings
    private let spec: CategorySpec
    /// The open datagram's block.
    private var block: DataBlockWriter
    /// Every record is first written here to learn its size, so that it goes into `block` only
    /// when it fits: a `DataBlockWriter` cannot take a record back.
    private var sizer: DataBlockWriter
    private var finished: [[UInt8]] = []

    /// Records written into datagrams.
    public private(set) var records = 0
    /// Updates dropped because their record could not be written (larger than a datagram, or
    /// refused by the encoder); none with the default settings.
    public private(set) var dropped = 0

    /// Fails only for an edition we have no CAT062 definition of.
    public init?(settings: Cat062TrackSettings = Cat062TrackSettings()) {
        guard let spec = SpecLibrary.spec(category: 62, edition: settings.edition) else { return nil }
        self.settings = settings
        self.spec = spec
        block = DataBlockWriter(category: 62)
        sizer = DataBlockWriter(category: 62)
    }

    /// Adds one track update; the datagrams it completes wait for `flush()`.
    public mutating func append(_ track: SystemTrack) {
        append(Cat062Record(track: track, settings: settings))
    }

    /// Adds one record built elsewhere (issue 5's suspect marking, tests).
    public mutating func append(_ record: Cat062Record) {
        let before = sizer.count
        do {
            try record.encode(into: &sizer, spec: spec)
        } catch {
            dropped += 1
            return
        }
        let size = sizer.count - before
        // Started over now and then; a block ends at 64 KiB.
        if sizer.count > DataBlockWriter.maxLength / 2 { _ = sizer.finish() }
        guard 3 + size <= settings.maxDatagramBytes else {
            dropped += 1
            return
        }
        if block.count + size > settings.maxDatagramBytes { closeDatagram() }
        do {
            try record.encode(into: &block, spec: spec)
            records += 1
        } catch {
            dropped += 1
        }
    }

    /// The datagrams completed since the last call, the open one closed (an empty one is not sent).
    public mutating func flush() -> [[UInt8]] {
        closeDatagram()
        let out = finished
        finished.removeAll(keepingCapacity: true)
        return out
    }

    private mutating func closeDatagram() {
        guard block.records > 0 else { return }
        finished.append(block.finish())
    }
}
