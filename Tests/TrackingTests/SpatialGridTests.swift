import Simulation
import Testing
@testable import Tracking

@Suite struct SpatialGridTests {
    /// What the grid must return: every item within the radius, found the slow way.
    private func bruteForce(_ points: [(x: Double, y: Double)], _ x: Double, _ y: Double, _ radius: Double) -> [Int] {
        points.indices.filter {
            let dx = points[$0].x - x, dy = points[$0].y - y
            return dx * dx + dy * dy <= radius * radius
        }
    }

    private func query(_ grid: SpatialGrid, _ x: Double, _ y: Double, _ radius: Double) -> [Int] {
        var found: [Int] = []
        grid.forEach(within: radius, ofX: x, y: y) { found.append($0) }
        return found.sorted()
    }

    /// Random tracks and plots around a centre, queried with radii below, at and well above the
    /// cell size; the result must be exactly the brute-force set, each item once.
    @Test(arguments: [
        (centre: 0.0, spread: 50_000.0, cell: 5_000.0),        // around the plane's origin, negatives included
        (centre: -3.0e6, spread: 20_000.0, cell: 1_000.0),     // far west and south
        (centre: 4.0e9, spread: 1.0e6, cell: 20_000.0),        // absurdly far out
        (centre: 0.0, spread: 2_000.0, cell: 10.0),            // tiny cells: big radii span many
    ])
    func returnsExactlyTheTracksWithinTheRadius(centre: Double, spread: Double, cell: Double) {
        var rng = SplitMix64(seed: 42)
        var grid = SpatialGrid()
        for round in 0..<3 {
            let count = [2_000, 300, 1][round]  // shrinking: stale items from a bigger batch must not show
            let points = (0..<count).map { _ in
                (x: centre + Double.random(in: -spread...spread, using: &rng),
                 y: -centre + Double.random(in: -spread...spread, using: &rng))
            }
            grid.removeAll(cellSize: cell)
            for (i, p) in points.enumerated() { grid.insert(i, x: p.x, y: p.y) }
            grid.build()
            #expect(grid.count == count)
            var hits = 0
            for radius in [0.3 * cell, cell, 3.7 * cell, spread / 2] {
                for _ in 0..<100 {
                    let x = centre + Double.random(in: -1.2 * spread...1.2 * spread, using: &rng)
                    let y = -centre + Double.random(in: -1.2 * spread...1.2 * spread, using: &rng)
                    let expected = bruteForce(points, x, y, radius)
                    hits += expected.count
                    #expect(query(grid, x, y, radius) == expected, "(\(x), \(y)) r \(radius)")
                }
                // Every item finds itself, also at radius 0.
                let p = points[0]
                #expect(query(grid, p.x, p.y, 0).contains(0))
            }
            #expect(hits > 0, "the queries should find something")
        }
    }

    /// Items with a reach of their own (a track's gate bound) are found only by queries within
    /// both the radius and their reach; items without one, by the radius alone.
    @Test func anItemsOwnReachLimitsTheQueriesThatFindIt() {
        var rng = SplitMix64(seed: 9)
        var grid = SpatialGrid()
        let items = (0..<500).map { _ in
            (x: Double.random(in: -20_000...20_000, using: &rng), y: Double.random(in: -20_000...20_000, using: &rng),
             reach: Double.random(in: 0...3_000, using: &rng))
        }
        grid.removeAll(cellSize: 4_000)
        for (i, p) in items.enumerated() {
            // Every fifth item has no reach of its own.
            if i % 5 == 0 { grid.insert(i, x: p.x, y: p.y) } else { grid.insert(i, x: p.x, y: p.y, reach: p.reach) }
        }
        grid.build()
        var hits = 0, cut = 0
        for _ in 0..<300 {
            let x = Double.random(in: -20_000...20_000, using: &rng), y = Double.random(in: -20_000...20_000, using: &rng)
            let expected = items.indices.filter {
                let dx = items[$0].x - x, dy = items[$0].y - y, d = (dx * dx + dy * dy).squareRoot()
                return d <= 2_000 && ($0 % 5 == 0 || d <= items[$0].reach)
            }
            hits += expected.count
            cut += bruteForce(items.map { (x: $0.x, y: $0.y) }, x, y, 2_000).count - expected.count
            #expect(query(grid, x, y, 2_000) == expected, "(\(x), \(y))")
        }
        #expect(hits > 0 && cut > 0, "some items found, some kept out by their reach")
    }

    /// Many items in one spot: all are returned, once each.
    @Test func itemsAtTheSamePlaceAreAllReturned() {
        var grid = SpatialGrid()
        grid.removeAll(cellSize: 100)
        for i in 0..<50 { grid.insert(i, x: -250, y: 1_000) }
        grid.insert(50, x: 5_000, y: 5_000)
        grid.build()
        #expect(query(grid, -240, 1_000, 20) == Array(0..<50))
        #expect(query(grid, -240, 1_000, 5) == [])
    }

    /// A track with a broken (NaN) or infinite prediction is never returned, and does not trap.
    @Test func nonFinitePositionsAreNeverReturned() {
        var grid = SpatialGrid()
        grid.removeAll(cellSize: 1_000)
        grid.insert(0, x: .nan, y: 0)
        grid.insert(1, x: .infinity, y: -.infinity)
        grid.insert(2, x: 10, y: 10)
        grid.build()
        #expect(query(grid, 0, 0, 100) == [2])
        #expect(query(grid, 0, 0, 1e12) == [2])  // a radius spanning every cell: the scan path
    }

    @Test func emptyGridFindsNothing() {
        var grid = SpatialGrid()
        grid.removeAll(cellSize: 1_000)
        grid.build()
        #expect(query(grid, 0, 0, 10_000).isEmpty)
    }
}
