// Association, per batch: the optimal assignment on gated problems (1×1, the usual cluster;
// 10×10; 200×200, a dense crowd or a GOSPA evaluation), the spatial grid's build and queries for
// 10,000 tracks and 10,000 plots and for a tracker's sector batch, and the whole association of
// such a batch (grid, χ² gate, clusters, assignment) and of one radar sector's share of it
// (clusters, assignment). Solvers and grids are built once and reused, as the tracker does, so
// after warm-up the mallocs should be 0.
import Benchmark
import Surveillance
import Simulation
import Tracking

/// The reused state: benchmarks mutate it from a Sendable closure.
final class AssociationBox: @unchecked Sendable {
    var solver = LinearAssignment()
    var grid = SpatialGrid()
    var clusters = AssociationClusters()
    var pairs: [GatedPair] = []
}

private let sigma = 100.0
private let gate = ChiSquareGate(probability: 0.99)
private let innovation = Covariance2(xx: sigma * sigma, xy: 0, yy: sigma * sigma)

/// `n` tracks spread so that each gate holds a few of them, and one plot near each (σ 100 m),
/// in shuffled order.
private func scene(_ n: Int, side: Double, seed: UInt64) -> (tracks: [(x: Double, y: Double)], plots: [(x: Double, y: Double)]) {
    var rng = SplitMix64(seed: seed)
    let tracks = (0..<n).map { _ in (x: Double.random(in: 0...side, using: &rng), y: Double.random(in: 0...side, using: &rng)) }
    let plots = tracks.map { t in
        (x: t.x + Double.random(in: -2 * sigma...2 * sigma, using: &rng), y: t.y + Double.random(in: -2 * sigma...2 * sigma, using: &rng))
    }.shuffled(using: &rng)
    return (tracks, plots)
}

/// The dense cost matrix of a gated problem: d² inside the gate, forbidden outside.
private func gatedMatrix(_ n: Int, side: Double, seed: UInt64) -> [Double] {
    let (tracks, plots) = scene(n, side: side, seed: seed)
    var costs: [Double] = []
    for t in tracks {
        for p in plots {
            costs.append(gate.distanceSquared(dx: p.x - t.x, dy: p.y - t.y, innovation: innovation) ?? .infinity)
        }
    }
    return costs
}

/// Registered from TrackingBenchmarks.swift.
func assignmentBenchmarks() {
    let box = AssociationBox()
    let unassigned = gate.threshold / 2
    let perBatch = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000
    )

    // Sides chosen so a gate (radius 303 m) holds about 1, 3 and 6 tracks.
    for (n, side) in [(1, 100.0), (10, 1_000.0), (200, 3_000.0)] {
        let costs = gatedMatrix(n, side: side, seed: UInt64(n))
        let allowed = costs.filter { $0 < .infinity }.count
        print("Assign \(n)×\(n): \(allowed) gated pairs of \(n * n)")
        Benchmark("Assign \(n)×\(n) gated", configuration: perBatch) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(box.solver.solve(costs: costs.span, rows: n, columns: n, unassignedCost: unassigned))
            }
        }
    }

    // 10,000 tracks over a 600 km square: national scale, a few tracks per 10 km.
    let (tracks, plots) = scene(10_000, side: 600_000, seed: 10_000)
    let radius = gate.radius(innovation: innovation)
    func buildGrid() {
        box.grid.removeAll(radius: radius)
        for (t, p) in tracks.enumerated() { box.grid.insert(t, x: p.x, y: p.y) }
        box.grid.build()
    }
    Benchmark("Grid build + query, 10k tracks × 10k plots", configuration: perBatch) { benchmark in
        for _ in benchmark.scaledIterations {
            buildGrid()
            var found = 0
            for p in plots { box.grid.forEach(reachingX: p.x, y: p.y) { _ in found += 1 } }
            blackHole(found)
        }
    }
    // What the tracker asks of the grid per sector batch with 10,000 tracks: about 1,800 tracks
    // near a 200 × 80 km sector, each with its own reach (most 0.5–2.5 km, one in a hundred
    // new and reaching the whole 6 km radius), and about 600 plots, each near a track.
    let sector: (tracks: [(x: Double, y: Double, reach: Double)], plots: [(x: Double, y: Double)]) = {
        var rng = SplitMix64(seed: 1_800)
        let tracks = (0..<1_800).map { t in
            (x: Double.random(in: 0...200_000, using: &rng), y: Double.random(in: 0...80_000, using: &rng),
             reach: t % 100 == 0 ? 6_000 : Double.random(in: 500...2_500, using: &rng))
        }
        let plots = tracks.prefix(600).map { t in
            (x: t.x + Double.random(in: -2 * sigma...2 * sigma, using: &rng), y: t.y + Double.random(in: -2 * sigma...2 * sigma, using: &rng))
        }
        return (tracks, plots)
    }()
    Benchmark("Grid build + query, sector of 1,800 tracks with own reaches × 600 plots", configuration: perBatch) { benchmark in
        for _ in benchmark.scaledIterations {
            box.grid.removeAll(radius: 6_000)
            for (t, p) in sector.tracks.enumerated() { box.grid.insert(t, x: p.x, y: p.y, reach: p.reach) }
            box.grid.build()
            var found = 0
            for p in sector.plots { box.grid.forEach(reachingX: p.x, y: p.y) { _ in found += 1 } }
            blackHole(found)
        }
    }

    // The pairs of that batch, found once: what clustering and assignment alone cost.
    buildGrid()
    var batchPairs: [GatedPair] = []
    for (i, p) in plots.enumerated() {
        box.grid.forEach(reachingX: p.x, y: p.y) { t in
            if let d2 = gate.distanceSquared(dx: p.x - tracks[t].x, dy: p.y - tracks[t].y, innovation: innovation) {
                batchPairs.append(GatedPair(track: t, plot: i, cost: d2))
            }
        }
    }
    box.clusters.solve(pairs: batchPairs.span, plotCount: plots.count, unassignedCost: unassigned)
    print("Assign batch: \(batchPairs.count) gated pairs, \(box.clusters.clusterCount) clusters, "
        + "largest \(box.clusters.largestCluster) tracks + plots, \(box.clusters.assignments.count) assigned")
    let pairs = batchPairs
    Benchmark("Assign clusters only, 10k tracks × 10k plots", configuration: perBatch) { benchmark in
        for _ in benchmark.scaledIterations {
            box.clusters.solve(pairs: pairs.span, plotCount: plots.count, unassignedCost: unassigned)
            blackHole(box.clusters.assignments.count)
        }
    }
    // One radar sector's batch, as the tracker solves it: the plots in a sixteenth of the square
    // (renumbered from 0, listed plot by plot) against track slots spread over all 10,000.
    var sectorPlot = [Int](repeating: -1, count: plots.count)
    var sectorPlots = 0
    for (i, p) in plots.enumerated() where p.x < 600_000 / 16 {
        sectorPlot[i] = sectorPlots
        sectorPlots += 1
    }
    let sectorPairs = batchPairs.compactMap { p in
        sectorPlot[p.plot] < 0 ? nil : GatedPair(track: p.track, plot: sectorPlot[p.plot], cost: p.cost)
    }
    box.clusters.solve(pairs: sectorPairs.span, plotCount: sectorPlots, unassignedCost: unassigned)
    print("Assign sector: \(sectorPairs.count) gated pairs, \(box.clusters.clusterCount) clusters, "
        + "largest \(box.clusters.largestCluster) tracks + plots, \(box.clusters.assignments.count) assigned")
    Benchmark("Assign clusters only, a sector: 1/16 of 10k plots × 10k tracks", configuration: perBatch) { benchmark in
        for _ in benchmark.scaledIterations {
            box.clusters.solve(pairs: sectorPairs.span, plotCount: sectorPlots, unassignedCost: unassigned)
            blackHole(box.clusters.assignments.count)
        }
    }
    Benchmark("Assign batch: grid + gate + clusters, 10k tracks × 10k plots", configuration: perBatch) { benchmark in
        for _ in benchmark.scaledIterations {
            buildGrid()
            box.pairs.removeAll(keepingCapacity: true)
            for (i, p) in plots.enumerated() {
                box.grid.forEach(reachingX: p.x, y: p.y) { t in
                    if let d2 = gate.distanceSquared(dx: p.x - tracks[t].x, dy: p.y - tracks[t].y, innovation: innovation) {
                        box.pairs.append(GatedPair(track: t, plot: i, cost: d2))
                    }
                }
            }
            box.clusters.solve(pairs: box.pairs.span, plotCount: plots.count, unassignedCost: unassigned)
            blackHole(box.clusters.assignments.count)
        }
    }
}
