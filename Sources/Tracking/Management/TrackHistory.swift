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
    /// Per slot: index of the oldest point within its ring, and how many points it holds.
    private var start: [Int32] = []
    private var count: [Int32] = []

    init(length: Int) {
        self.length = max(length, 0)
    }

    /// Empties a slot's ring (a new track takes the slot), growing the storage to reach it.
    mutating func reset(slot: Int) {
        while start.count <= slot {
            start.append(0)
            count.append(0)
            points.append(contentsOf: repeatElement(Point(time: 0, x: 0, y: 0), count: length))
        }
        start[slot] = 0
        count[slot] = 0
    }

    mutating func append(_ point: Point, slot: Int) {
        guard length > 0 else { return }
        let n = Int(count[slot])
        if n < length {
            points[slot * length + (Int(start[slot]) + n) % length] = point
            count[slot] += 1
        } else {
            points[slot * length + Int(start[slot])] = point
            start[slot] = Int32((Int(start[slot]) + 1) % length)
        }
    }

    /// The slot's points, oldest first.
    func points(slot: Int) -> [Point] {
        guard slot < count.count else { return [] }
        return (0..<Int(count[slot])).map { points[slot * length + (Int(start[slot]) + $0) % length] }
    }
}
