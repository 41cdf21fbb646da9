/// A uniform grid over the system plane for gating: items (track indices) go in at their
/// predicted positions, and a query returns those within a radius of a plot, so a batch costs
/// work in proportion to plots + tracks rather than their product.
///
/// Cells are hashed into a table sized from the item count, so the plane may be as large as
/// the coordinates go. Items are laid out bucket by bucket in one flat array (a counting sort),
/// rebuilt for each batch; once warmed up to the largest batch nothing is allocated.
///
///     grid.removeAll(cellSize: 2 * largestGateRadius)
///     for t in live { grid.insert(t, x: predictedX[t], y: predictedY[t]) }
///     grid.build()
///     grid.forEach(within: largestGateRadius, ofX: plot.x, y: plot.y) { t in … }
///
/// An item may carry its own reach (a track's gate bound): a query then reports it only if the
/// query point is within that reach too. The test is made on the entry the scan already reads,
/// so the caller need not look each candidate up (a cache miss each, with 10,000 tracks).
public struct SpatialGrid: Sendable {
    private struct Entry: Sendable {
        var item: Int
        var x: Double
        var y: Double
        /// The square of the item's own reach (+∞ for none).
        var reach2: Double
        var cellX: Int
        var cellY: Int
    }

    /// Cell coordinates are clamped to ±2⁴⁰ so NaN and absurd positions cannot trap the
    /// conversion to Int; clamping keeps the order of cells, so queries stay exact, and only
    /// positions beyond ~10¹² cells share an edge cell.
    private static let cellLimit = Double(1 << 40)

    public private(set) var cellSize = 1.0
    private var staged: [Entry] = []
    private var bucketOfStaged: [Int] = []
    private var entries: [Entry] = []
    /// Bucket b holds entries[bucketStart[b] ..< bucketStart[b + 1]].
    private var bucketStart: [Int] = []
    private var bucketBits = 0
    private var built = false

    public init() {}

    /// Items inserted since the last `removeAll`.
    public var count: Int { staged.count }

    /// Empties the grid (keeping its storage) and sets the cell size for the next batch, metres.
    /// Twice the query radius makes a query visit 1 to 4 cells; with 10,000 tracks that was
    /// faster than cells the size of the radius (4 to 9 cells), see AssignmentBenchmarks.
    public mutating func removeAll(cellSize: Double) {
        precondition(cellSize > 0 && cellSize < .infinity, "SpatialGrid: cell size \(cellSize) m")
        self.cellSize = cellSize
        staged.removeAll(keepingCapacity: true)
        built = false
    }

    /// Adds `item` (typically a track index) at (x, y), metres in the system plane; with a
    /// `reach` (metres), queries farther than that from (x, y) do not report it.
    public mutating func insert(_ item: Int, x: Double, y: Double, reach: Double = .infinity) {
        staged.append(Entry(item: item, x: x, y: y, reach2: reach * reach, cellX: cell(x), cellY: cell(y)))
        built = false
    }

    /// Lays the inserted items out by cell; call after the last insert and before querying.
    public mutating func build() {
        let n = staged.count
        // About two buckets an item keeps collisions rare without wasting memory.
        bucketBits = 4
        while 1 << bucketBits < 2 * n { bucketBits += 1 }
        let buckets = 1 << bucketBits
        bucketStart.removeAll(keepingCapacity: true)
        bucketStart.append(contentsOf: repeatElement(0, count: buckets + 1))
        bucketOfStaged.removeAll(keepingCapacity: true)
        for e in staged {
            let b = bucket(e.cellX, e.cellY)
            bucketOfStaged.append(b)
            bucketStart[b] += 1
        }
        // Running totals make bucketStart[b] the end of bucket b; placing each item by counting
        // down then leaves it at the start of bucket b, which is where b - 1 ends.
        for b in 1..<buckets { bucketStart[b] += bucketStart[b - 1] }
        bucketStart[buckets] = n
        entries.removeAll(keepingCapacity: true)
        if let first = staged.first { entries.append(contentsOf: repeatElement(first, count: n)) }
        for k in stride(from: n - 1, through: 0, by: -1) {
            let b = bucketOfStaged[k]
            bucketStart[b] -= 1
            entries[bucketStart[b]] = staged[k]
        }
        built = true
    }

    /// Calls `body` with every item whose position is within `radius` (inclusive) of (x, y), and
    /// within the item's own reach. Each item is reported once; the order is unspecified.
    public func forEach(within radius: Double, ofX x: Double, y: Double, _ body: (Int) -> Void) {
        precondition(built, "SpatialGrid: build() after inserting, before querying")
        precondition(radius >= 0, "SpatialGrid: radius \(radius) m")
        let r2 = radius * radius
        let x0 = cell(x - radius), x1 = cell(x + radius)
        let y0 = cell(y - radius), y1 = cell(y + radius)
        // A radius spanning more cells than there are buckets: a plain scan is cheaper, and
        // the cell loop would visit some buckets more than once.
        if Double(x1 - x0 + 1) * Double(y1 - y0 + 1) > Double(1 << bucketBits) {
            for e in entries where Self.within(e, x, y, r2) { body(e.item) }
            return
        }
        for cy in y0...y1 {
            for cx in x0...x1 {
                let b = bucket(cx, cy)
                for k in bucketStart[b]..<bucketStart[b + 1] {
                    let e = entries[k]
                    // Other cells hash to this bucket too; count an item only in its own cell,
                    // or an item would be reported once per colliding cell in the range.
                    if e.cellX == cx && e.cellY == cy && Self.within(e, x, y, r2) { body(e.item) }
                }
            }
        }
    }

    private static func within(_ e: Entry, _ x: Double, _ y: Double, _ r2: Double) -> Bool {
        let dx = e.x - x, dy = e.y - y
        let d2 = dx * dx + dy * dy
        return d2 <= r2 && d2 <= e.reach2
    }

    private func cell(_ coordinate: Double) -> Int {
        let c = (coordinate / cellSize).rounded(.down)
        // Written so that NaN fails both tests and lands on the low edge.
        if !(c > -Self.cellLimit) { return -Int(Self.cellLimit) }
        if !(c < Self.cellLimit) { return Int(Self.cellLimit) }
        return Int(c)
    }

    /// Multiplicative (Fibonacci) hashing of the cell: the top bits of the product.
    private func bucket(_ cx: Int, _ cy: Int) -> Int {
        let key = (UInt64(bitPattern: Int64(cx)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(cy))
        return Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - bucketBits))
    }
}
