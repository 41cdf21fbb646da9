import CPrefetch

/// The recent past of every live track: the last `length` estimated positions, kept in one flat
/// ring per track slot, so history costs a fixed amount of memory per track however long the
/// track lives (the display draws it as dots; the store keeps the long history).
struct TrackHistory {
    struct Point {
        /// UTC seconds since 1970.
        var time: Double
        /// System plane, metres.
        var x: Double
        var y: Double
    }

    let length: Int
    private var points: [Point] = []
    /// Per slot: index of the oldest point within its ring, and how many points it holds (side
    /// by side: an update reads both, one cache miss with 10,000 tracks instead of two).
    private var rings: [Ring] = []
    private struct Ring {
        var start: Int32
        var count: Int32
    }

    init(length: Int) {
        self.length = max(length, 0)
    }

    /// Empties a slot's ring (a new track takes the slot), growing the storage to reach it.
    mutating func reset(slot: Int) {
        while rings.count <= slot {
            rings.append(Ring(start: 0, count: 0))
            points.append(contentsOf: repeatElement(Point(time: 0, x: 0, y: 0), count: length))
        }
        rings[slot] = Ring(start: 0, count: 0)
    }

    mutating func append(_ point: Point, slot: Int) {
        guard length > 0 else { return }
        let ring = rings[slot]
        let start = Int(ring.start), n = Int(ring.count)
        if n < length {
            points[slot * length + Self.wrap(start + n, length)] = point
            rings[slot].count += 1
        } else {
            points[slot * length + start] = point
            rings[slot].start = Int32(Self.wrap(start + 1, length))
        }
    }

    /// Asks the cache for what the next `append` to the slot touches.
    func prefetch(slot: Int) {
        guard length > 0, slot < rings.count else { return }
        rings.withUnsafeBufferPointer { centinela_prefetch($0.baseAddress! + slot, MemoryLayout<Ring>.size) }
        points.withUnsafeBufferPointer { centinela_prefetch($0.baseAddress! + slot * length, length * MemoryLayout<Point>.stride) }
    }

    /// The slot's points, oldest first.
    func points(slot: Int) -> [Point] {
        guard slot < rings.count else { return [] }
        let ring = rings[slot]
        return (0..<Int(ring.count)).map { points[slot * length + Self.wrap(Int(ring.start) + $0, length)] }
    }

    /// i mod length for 0 ≤ i < 2·length, without a division.
    private static func wrap(_ i: Int, _ length: Int) -> Int {
        i < length ? i : i - length
    }
}
