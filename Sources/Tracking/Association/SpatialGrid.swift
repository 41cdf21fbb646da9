/// A uniform grid over the system plane for gating: items (track indices) go in at their
/// predicted positions, each with the reach of its gate, and a query returns the items whose
/// reach covers a plot, so a batch costs work in proportion to plots + tracks rather than their
/// product.
///
/// Each item is filed under every cell its reach's square overlaps, so a query reads a single
/// cell and tests each entry there once: no neighbouring cells, no duplicates to weed out. The
/// cells are a dense array over the box of the inserted reaches (a sector's extent when the
/// caller inserts only the tracks near a batch), their size set at each build from the items'
/// reaches; the items' indices are laid out cell by cell in one flat array (a counting sort).
/// Once warmed up to the largest batch nothing is allocated.
///
///     grid.removeAll(radius: largestGateRadius)
///     for t in live { grid.insert(t, x: predictedX[t], y: predictedY[t], reach: gateBound[t]) }
///     grid.build()
///     grid.forEach(reachingX: plot.x, y: plot.y) { t in … }
///
/// The test is made on the grid's own copy of the position and reach, so the caller need not
/// look each candidate up (a cache miss each, with 10,000 tracks).
public struct SpatialGrid: Sendable {
    private struct Entry: Sendable {
        var x: Double
        var y: Double
        /// The square of the item's reach, capped at the grid's radius.
        var reach2: Double
        /// The half-side of the square the item is filed over: its reach and a hair more, so
        /// that a point rounding puts within d² ≤ reach² is never outside that square's cells.
        var cover: Double
        var item: Int32
    }

    /// The first and last column and row of the cells an entry is filed under.
    private struct CellSpan {
        var west: Int
        var east: Int
        var south: Int
        var north: Int

        /// Calls `body` with the row-major index of each cell, in a grid `columns` wide.
        @inline(__always) func forEachCell(columns: Int, _ body: (Int) -> Void) {
            for row in south...north {
                for cell in row * columns + west...row * columns + east { body(cell) }
            }
        }
    }

    /// Positions beyond this (metres, 10¹⁸; no plane on the earth goes near) are refused, so
    /// that the box's sides and every offset in it stay finite.
    private static let farthest = 0x1p60

    /// The farthest any item reaches, metres: an item's own reach is capped at it.
    public private(set) var radius = 0.0
    /// The side of a cell in the last build, metres.
    public private(set) var cellSize = 1.0
    /// The items in insertion order.
    private var staged: [Entry] = []
    /// The cells of each staged entry, found by the build's first pass for its second.
    private var spans: [CellSpan] = []
    /// The staged entries filed under cell c (row-major) are those at the indices
    /// filedItems[cellStart[c] ..< cellStart[c + 1]]: 4 bytes each rather than a copy of the
    /// entry, so that the build's scattered writes touch a small array.
    private var filedItems: [Int32] = []
    private var cellStart: [Int] = []
    private var columns = 0
    private var rows = 0
    private var inverseCellSize = 1.0
    /// The box of every inserted reach: no query outside it can find anything.
    private var west = Double.infinity
    private var east = -Double.infinity
    private var south = Double.infinity
    private var north = -Double.infinity
    private var built = false

    public init() {}

    /// Items inserted since the last `removeAll`, less those left out (see `insert`).
    public var count: Int { staged.count }

    /// The number of cells in the last build.
    public var cellCount: Int { columns * rows }

    /// Empties the grid (keeping its storage) for the next batch, whose items reach at most
    /// `radius` metres: a query finds the items within both that and their own reach.
    public mutating func removeAll(radius: Double) {
        // A finite square keeps d² ≤ reach² exact: a distance too large to square is out of reach.
        precondition(radius >= 0 && radius * radius < .infinity, "SpatialGrid: radius \(radius) m")
        self.radius = radius
        staged.removeAll(keepingCapacity: true)
        built = false
    }

    /// Adds `item` (typically a track index, up to Int32.max) at (x, y), metres in the system
    /// plane, reaching `reach` metres (the grid's radius if larger or not given). An item at a
    /// NaN, infinite or absurd position (beyond ±2⁶⁰ m, 10¹⁸ m, where no plane on the earth
    /// goes), or with a NaN or negative reach, can never be found and is left out.
    public mutating func insert(_ item: Int, x: Double, y: Double, reach: Double = .infinity) {
        precondition(item >= 0 && item <= Int(Int32.max), "SpatialGrid: item \(item)")
        let r = min(reach, radius)
        // Written so that NaN fails too.
        guard abs(x) <= Self.farthest, abs(y) <= Self.farthest, r >= 0 else { return }
        staged.append(Entry(x: x, y: y, reach2: r * r, cover: r + (r + max(abs(x), abs(y))) * 0x1p-40, item: Int32(item)))
        built = false
    }

    /// Lays the inserted items out by cell; call after the last insert and before querying.
    public mutating func build() {
        west = .infinity; east = -.infinity; south = .infinity; north = -.infinity
        var reachSum = 0.0
        for e in staged {
            west = min(west, e.x - e.cover); east = max(east, e.x + e.cover)
            south = min(south, e.y - e.cover); north = max(north, e.y + e.cover)
            reachSum += e.cover
        }
        let n = staged.count
        // Cells about twice the mean reach: an item is then filed under about 4 cells (in the
        // 10,000-track sector scene: 1,800 items, 7,100 filed, 1,700–2,800 cells a batch). A
        // query reads one cell whatever the size, so the bounds below only trade the build's
        // work (clearing and summing the cells, filing the items) against the scans'.
        let entryBudget = 8 * n + 64
        let width = east - west, height = north - south
        var size = max(2 * reachSum / Double(max(n, 1)), (width * height / Double(cellBudget)).squareRoot(),
                       width / Double(cellBudget), height / Double(cellBudget))
        if !(size > 0) { size = 1 }  // every item at one point, reaching nothing
        size = min(size, .greatestFiniteMagnitude)  // no items: an empty box
        // Coarser cells until the entries fit: a few items reaching far (tentative tracks, or
        // hostile input) would otherwise be filed under thousands of cells each.
        while true {
            layOut(cellSize: size)
            cellStart.removeAll(keepingCapacity: true)
            cellStart.append(contentsOf: repeatElement(0, count: columns * rows + 1))
            spans.removeAll(keepingCapacity: true)
            for e in staged { spans.append(span(of: e)) }
            var filed = 0
            // Through pointers: the checked subscripts cost as much as the counting itself.
            // `index` keeps every span within the cells.
            let columns = self.columns
            cellStart.withUnsafeMutableBufferPointer { count in
                for s in spans {
                    filed += (s.east - s.west + 1) * (s.north - s.south + 1)
                    s.forEachCell(columns: columns) { count[$0] += 1 }
                }
            }
            if filed <= entryBudget || size > .greatestFiniteMagnitude / 2 { break }
            size *= 2
        }
        // Running totals make cellStart[c] the end of cell c; placing each entry by counting
        // down then leaves it at the start of cell c, which is where c - 1 ends, and keeps the
        // items of a cell in insertion order.
        let cellTotal = columns * rows
        for c in stride(from: 1, to: cellTotal, by: 1) { cellStart[c] += cellStart[c - 1] }
        let filed = cellTotal > 0 ? cellStart[cellTotal - 1] : 0
        cellStart[cellTotal] = filed
        filedItems.removeAll(keepingCapacity: true)
        filedItems.append(contentsOf: repeatElement(0, count: filed))
        let columns = self.columns
        cellStart.withUnsafeMutableBufferPointer { start in
            filedItems.withUnsafeMutableBufferPointer { filedItems in
                for k in spans.indices.reversed() {
                    spans[k].forEachCell(columns: columns) { cell in
                        start[cell] -= 1
                        filedItems[start[cell]] = Int32(k)
                    }
                }
            }
        }
        built = true
    }

    /// Calls `body` with every item within its reach (inclusive, capped at the radius) of
    /// (x, y). Each item is reported once; within a cell, in insertion order.
    public func forEach(reachingX x: Double, y: Double, _ body: (Int) -> Void) {
        precondition(built, "SpatialGrid: build() after inserting, before querying")
        // Written so that NaN fails too.
        guard x >= west, x <= east, y >= south, y <= north else { return }
        let cell = Self.index((y - south) * inverseCellSize, rows) * columns
            + Self.index((x - west) * inverseCellSize, columns)
        for k in cellStart[cell]..<cellStart[cell + 1] {
            let e = staged[Int(filedItems[k])]
            let dx = e.x - x, dy = e.y - y
            if dx * dx + dy * dy <= e.reach2 { body(Int(e.item)) }
        }
    }

    private var cellBudget: Int { 4 * staged.count + 64 }

    private mutating func layOut(cellSize size: Double) {
        cellSize = size
        inverseCellSize = 1 / size
        columns = staged.isEmpty ? 0 : Self.index((east - west) * inverseCellSize, cellBudget) + 1
        rows = staged.isEmpty ? 0 : Self.index((north - south) * inverseCellSize, cellBudget) + 1
    }

    /// The first and last column and row of the cells an entry is filed under.
    @inline(__always) private func span(of e: Entry) -> CellSpan {
        CellSpan(west: Self.index((e.x - e.cover - west) * inverseCellSize, columns),
                 east: Self.index((e.x + e.cover - west) * inverseCellSize, columns),
                 south: Self.index((e.y - e.cover - south) * inverseCellSize, rows),
                 north: Self.index((e.y + e.cover - south) * inverseCellSize, rows))
    }

    /// The cell a scaled offset from the box's edge falls in. Clamping to the first and last
    /// cells (an offset rounded below 0, or too large to count, or infinite) keeps cells in
    /// order, so filing and queries agree, and keeps the build's pointer writes in bounds.
    private static func index(_ scaled: Double, _ count: Int) -> Int {
        if !(scaled >= 0) { return 0 }
        return scaled < Double(count) ? Int(scaled) : count - 1
    }
}
