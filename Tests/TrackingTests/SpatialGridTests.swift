import Simulation
import Testing
@testable import Tracking

@Suite struct SpatialGridTests {
    /// What the grid must return: every item within the radius and its own reach, found the slow way.
    private func bruteForce(_ items: [(x: Double, y: Double, reach: Double)], _ x: Double, _ y: Double, _ radius: Double) -> [Int] {
        items.indices.filter {
            let dx = items[$0].x - x, dy = items[$0].y - y, d2 = dx * dx + dy * dy
            return d2 <= radius * radius && d2 <= items[$0].reach * items[$0].reach
        }
    }

    private func query(_ grid: SpatialGrid, _ x: Double, _ y: Double) -> [Int] {
        var found: [Int] = []
        grid.forEach(reachingX: x, y: y) { found.append($0) }
        return found.sorted()
    }

    private func fill(_ grid: inout SpatialGrid, _ items: [(x: Double, y: Double, reach: Double)], radius: Double) {
        grid.removeAll(radius: radius)
        for (i, p) in items.enumerated() { grid.insert(i, x: p.x, y: p.y, reach: p.reach) }
        grid.build()
    }

    /// Random items around a centre, queried with radii from 0 to half the spread; the result
    /// must be exactly the brute-force set, each item once, and nothing from a bigger batch before.
    @Test(arguments: [
        (centre: 0.0, spread: 50_000.0),      // around the plane's origin, negatives included
        (centre: -3.0e6, spread: 20_000.0),   // far west and south
        (centre: 4.0e9, spread: 1.0e6),       // absurdly far out
        (centre: 0.0, spread: 2_000.0),       // a small patch: big radii cover it all
    ])
    func returnsExactlyTheItemsWithinTheRadius(centre: Double, spread: Double) {
        var rng = SplitMix64(seed: 42)
        var grid = SpatialGrid()
        for count in [2_000, 300, 1] {  // shrinking: stale items from a bigger batch must not show
            let items = (0..<count).map { _ in
                (x: centre + Double.random(in: -spread...spread, using: &rng),
                 y: -centre + Double.random(in: -spread...spread, using: &rng), reach: Double.infinity)
            }
            var hits = 0
            for radius in [0, 0.003 * spread, 0.05 * spread, 0.25 * spread, spread / 2] {
                fill(&grid, items, radius: radius)
                #expect(grid.count == count)
                for _ in 0..<100 {
                    let x = centre + Double.random(in: -1.2 * spread...1.2 * spread, using: &rng)
                    let y = -centre + Double.random(in: -1.2 * spread...1.2 * spread, using: &rng)
                    let expected = bruteForce(items, x, y, radius)
                    hits += expected.count
                    #expect(query(grid, x, y) == expected, "(\(x), \(y)) r \(radius)")
                }
                // Every item finds itself, also at radius 0.
                #expect(query(grid, items[0].x, items[0].y).contains(0), "r \(radius)")
            }
            #expect(hits > 0, "the queries should find something")
        }
    }

    /// Items with a reach of their own (a track's gate bound) are found only by queries within
    /// both the radius and their reach; items without one, by the radius alone.
    @Test func anItemsOwnReachLimitsTheQueriesThatFindIt() {
        var rng = SplitMix64(seed: 9)
        var grid = SpatialGrid()
        // Every fifth item has no reach of its own.
        let items = (0..<500).map { i in
            (x: Double.random(in: -20_000...20_000, using: &rng), y: Double.random(in: -20_000...20_000, using: &rng),
             reach: i % 5 == 0 ? Double.infinity : Double.random(in: 0...3_000, using: &rng))
        }
        fill(&grid, items, radius: 2_000)
        var hits = 0, cut = 0
        for _ in 0..<300 {
            let x = Double.random(in: -20_000...20_000, using: &rng), y = Double.random(in: -20_000...20_000, using: &rng)
            let expected = bruteForce(items, x, y, 2_000)
            hits += expected.count
            cut += bruteForce(items.map { (x: $0.x, y: $0.y, reach: Double.infinity) }, x, y, 2_000).count - expected.count
            #expect(query(grid, x, y) == expected, "(\(x), \(y))")
        }
        #expect(hits > 0 && cut > 0, "some items found, some kept out by their reach")
    }

    /// A sector of tracks as the tracker sees it: most reach a kilometre or two, a few (new,
    /// tentative tracks) the whole radius. The far-reaching ones must be found as exactly as
    /// the rest, and must not swell the grid beyond a few cells an item.
    @Test func aFewFarReachingItemsAmongManyShortOnes() {
        var rng = SplitMix64(seed: 11)
        var grid = SpatialGrid()
        let items = (0..<3_000).map { i in
            (x: Double.random(in: 0...200_000, using: &rng), y: Double.random(in: 0...80_000, using: &rng),
             reach: i % 100 == 0 ? 6_000 : Double.random(in: 500...2_500, using: &rng))
        }
        fill(&grid, items, radius: 6_000)
        #expect(grid.cellCount <= 10 * items.count)
        var hits = 0, farHits = 0
        for k in 0..<2_000 {
            // Half the queries next to an item, as plots are; half anywhere.
            let near = items[Int.random(in: 0..<items.count, using: &rng)]
            let x = k % 2 == 0 ? near.x + Double.random(in: -3_000...3_000, using: &rng) : Double.random(in: -10_000...210_000, using: &rng)
            let y = k % 2 == 0 ? near.y + Double.random(in: -3_000...3_000, using: &rng) : Double.random(in: -10_000...90_000, using: &rng)
            let expected = bruteForce(items, x, y, 6_000)
            hits += expected.count
            farHits += expected.filter { $0 % 100 == 0 }.count
            #expect(query(grid, x, y) == expected, "(\(x), \(y))")
        }
        #expect(hits > 1_000 && farHits > 0, "the queries should find short- and far-reaching items")
    }

    /// Many items in one spot: all are returned, once each.
    @Test func itemsAtTheSamePlaceAreAllReturned() {
        var grid = SpatialGrid()
        let items = Array(repeating: (x: -250.0, y: 1_000.0, reach: Double.infinity), count: 50)
            + [(x: 5_000, y: 5_000, reach: .infinity)]
        fill(&grid, items, radius: 20)
        #expect(query(grid, -240, 1_000) == Array(0..<50))
        fill(&grid, items, radius: 5)
        #expect(query(grid, -240, 1_000) == [])
        #expect(query(grid, -250, 1_000) == Array(0..<50))
    }

    /// A track with a broken (NaN), infinite or absurd prediction, or a NaN or negative reach,
    /// is never returned and does not trap; nor does a NaN query.
    @Test func brokenItemsAreNeverReturned() {
        var grid = SpatialGrid()
        grid.removeAll(radius: 1e12)
        grid.insert(0, x: .nan, y: 0)
        grid.insert(1, x: .infinity, y: -.infinity)
        grid.insert(2, x: 10, y: 10)
        grid.insert(3, x: 1e300, y: 0)
        grid.insert(4, x: 0, y: -0x1p61)
        grid.insert(5, x: 20, y: 20, reach: .nan)
        grid.insert(6, x: 20, y: 20, reach: -1)
        grid.build()
        #expect(grid.count == 1)
        #expect(query(grid, 0, 0) == [2])
        #expect(query(grid, 1e300, 0) == [])
        #expect(query(grid, 0, -0x1p61) == [])
        #expect(query(grid, .nan, 0) == [])
        #expect(query(grid, 0, .infinity) == [])
    }

    /// Items a plane's width apart and ones as far out as the grid takes (10¹⁷ m): the box is
    /// huge, yet the grid stays a few cells an item and every query stays exact.
    @Test func farFlungItemsKeepTheGridSmallAndExact() {
        var rng = SplitMix64(seed: 5)
        var grid = SpatialGrid()
        var items = (0..<1_000).map { _ in
            (x: Double.random(in: -50_000...50_000, using: &rng), y: Double.random(in: -50_000...50_000, using: &rng),
             reach: Double.random(in: 0...3_000, using: &rng))
        }
        items += [(x: 1e17, y: -1e17, reach: 3_000), (x: -1e17, y: 1e17, reach: 3_000), (x: 1e17, y: 1e17, reach: 0)]
        fill(&grid, items, radius: 3_000)
        #expect(grid.count == items.count)
        #expect(grid.cellCount <= 10 * items.count)
        var hits = 0
        for _ in 0..<500 {
            let x = Double.random(in: -55_000...55_000, using: &rng), y = Double.random(in: -55_000...55_000, using: &rng)
            let expected = bruteForce(items, x, y, 3_000)
            hits += expected.count
            #expect(query(grid, x, y) == expected, "(\(x), \(y))")
        }
        #expect(hits > 0)
        #expect(query(grid, 1e17, -1e17 + 1_000) == [1_000])
        #expect(query(grid, -1e17 + 2_000, 1e17) == [1_001])
        #expect(query(grid, 1e17, 1e17) == [1_002])
    }

    @Test func emptyGridFindsNothing() {
        var grid = SpatialGrid()
        grid.removeAll(radius: 10_000)
        grid.build()
        #expect(grid.count == 0)
        #expect(query(grid, 0, 0).isEmpty)
    }
}
