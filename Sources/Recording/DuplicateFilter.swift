/// Second-LAN duplicate suppression.
///
/// Radar feeds are often sent twice, once on each of two LANs (A and B), so a recording or a
/// receiver that listens to both sees every datagram twice, from different addresses, a few
/// milliseconds apart. This filter drops a frame whose payload bytes equal those of a frame
/// passed within `window` seconds of frame time. The addresses are deliberately not compared:
/// they are what differs between the two copies.
///
/// Memory is flat: the filter remembers the last `capacity` passed payloads in a ring, with an
/// index from a 64-bit hash of the payload to its slot, so a lookup is one dictionary probe and
/// one byte comparison. The ring and the index are sized once; nothing is allocated per frame.
/// Payloads are remembered as slices, which keeps their buffers alive: free for a recording
/// (the slices point into the file already in memory); a live source should hand over slices
/// of buffers sized to the datagram, since up to `capacity` of them stay referenced.
///
/// Two remembered payloads with the same hash share one index entry (the newer wins), so a hash
/// collision can only let a duplicate through, never drop a frame that is not one.
///
/// Whether to filter is the caller's decision and is explicit in `Settings.isEnabled`: a feed
/// that legitimately repeats a payload would lose data.
public struct DuplicateFilter: Sendable {
    public struct Settings: Sendable, Hashable {
        /// Off passes every frame and counts nothing.
        public var isEnabled: Bool
        /// Seconds of frame time within which an equal payload is a duplicate. Frames without
        /// a timestamp are compared with the remembered frames that have none, by count alone.
        public var window: Double
        /// How many passed payloads are remembered (at least 1).
        public var capacity: Int

        public init(isEnabled: Bool, window: Double = 1.0, capacity: Int = 1024) {
            self.isEnabled = isEnabled
            self.window = window
            self.capacity = capacity
        }

        /// No filtering.
        public static let off = Settings(isEnabled: false)
        /// Dual-LAN suppression with the defaults: 1 s window, 1024 payloads remembered.
        public static let dualLAN = Settings(isEnabled: true)
    }

    public let settings: Settings
    /// Frames dropped as duplicates.
    public private(set) var dropped = 0
    /// Frames passed on.
    public private(set) var passed = 0

    private struct Entry: Sendable {
        var hash: UInt64
        var time: FrameTime?
        var payload: ArraySlice<UInt8>
    }

    private var ring: [Entry] = []
    private var oldest = 0  // once the ring is full: the slot the next entry overwrites
    /// Payload hash → ring slot of the newest passed payload with that hash.
    private var index: [UInt64: Int] = [:]

    public init(settings: Settings) {
        var s = settings
        s.capacity = max(1, s.capacity)
        s.window = s.window.isNaN ? 0 : max(0, s.window)
        self.settings = s
        if s.isEnabled {
            ring.reserveCapacity(s.capacity)
            index.reserveCapacity(s.capacity)
        }
    }

    /// How many payloads are remembered now (never more than `settings.capacity`).
    public var rememberedCount: Int { ring.count }

    /// True to pass the frame on; false when it is a duplicate (and then counted in `dropped`).
    public mutating func admit(_ frame: Frame) -> Bool {
        admit(payload: frame.payload, time: frame.timestamp)
    }

    public mutating func admit(payload: ArraySlice<UInt8>, time: FrameTime?) -> Bool {
        guard settings.isEnabled else {
            passed += 1
            return true
        }
        let hash = Self.fnv1a(payload)
        if let slot = index[hash] {
            let seen = ring[slot]
            if Self.within(time, seen.time, settings.window), seen.payload.elementsEqual(payload) {
                dropped += 1
                return false
            }
        }
        let entry = Entry(hash: hash, time: time, payload: payload)
        let slot: Int
        if ring.count < settings.capacity {
            slot = ring.count
            ring.append(entry)
        } else {
            slot = oldest
            let evicted = ring[slot].hash
            if index[evicted] == slot { index[evicted] = nil }  // unless a newer payload took it
            ring[slot] = entry
            oldest = (oldest + 1) % settings.capacity
        }
        index[hash] = slot
        passed += 1
        return true
    }

    /// Whether two frame times are within `window` of each other. Times of day are compared
    /// the short way round midnight. Frames of different time kinds are never duplicates.
    static func within(_ a: FrameTime?, _ b: FrameTime?, _ window: Double) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (.unix(let x)?, .unix(let y)?): abs(x - y) <= window
        case (.timeOfDay(let x)?, .timeOfDay(let y)?): abs(x.seconds(since: y)) <= window
        default: false
        }
    }

    /// FNV-1a, 64 bits: simple, deterministic across runs (unlike `Hasher`), good enough to
    /// avoid most byte comparisons.
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
