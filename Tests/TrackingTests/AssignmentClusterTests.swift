import Simulation
import Surveillance
import Testing
@testable import Tracking

/// Gates every track against every plot (σ 100 m both ways, P = 0.99) and lists the pairs
/// that pass, costed by d²: the slow, obviously complete way.
private func gatedPairs(tracks: [(x: Double, y: Double)], plots: [(x: Double, y: Double)]) -> [GatedPair] {
    let gate = ChiSquareGate(probability: 0.99)
    let s = Covariance2(xx: 100 * 100, xy: 0, yy: 100 * 100)
    var pairs: [GatedPair] = []
    for (t, track) in tracks.enumerated() {
        for (p, plot) in plots.enumerated() {
            if let d2 = gate.distanceSquared(dx: plot.x - track.x, dy: plot.y - track.y, innovation: s) {
                pairs.append(GatedPair(track: t, plot: p, cost: d2))
            }
        }
    }
    return pairs
}

@Suite struct AssignmentClusterTests {
    let halfGate = ChiSquareGate.threshold(probability: 0.99) / 2

    /// Two aircraft crossing: both plots fall in both gates, so they must be decided together,
    /// and each plot goes to the track it belongs to.
    @Test func crossingTargetsAreOneCluster() {
        let tracks = [(x: 0.0, y: 100.0), (x: 0.0, y: -100.0)]
        let plots = [(x: -10.0, y: -90.0), (x: 10.0, y: 80.0)]
        let pairs = gatedPairs(tracks: tracks, plots: plots)
        #expect(pairs.count == 4)
        var clusters = AssociationClusters()
        clusters.solve(pairs: pairs.span, plotCount: plots.count, unassignedCost: halfGate)
        #expect(clusters.clusterCount == 1)
        #expect(clusters.largestCluster == 4)
        #expect(clusters.track(ofPlot: 1) == 0 && clusters.track(ofPlot: 0) == 1)
        #expect(clusters.plot(ofTrack: 0) == 1 && clusters.plot(ofTrack: 1) == 0)
    }

    /// The nearest track is not always the right one: plot 0 is nearer track 1, but giving it
    /// to track 1 would leave plot 1 to track 0, 200 m (2σ) away.
    @Test func aPlotGoesWhereTheBatchIsBestNotToItsNearestTrack() {
        let tracks = [(x: 0.0, y: 0.0), (x: 100.0, y: 0.0)]
        let plots = [(x: 60.0, y: 0.0), (x: 200.0, y: 0.0)]
        var clusters = AssociationClusters()
        clusters.solve(pairs: gatedPairs(tracks: tracks, plots: plots).span, plotCount: 2, unassignedCost: halfGate)
        #expect(clusters.track(ofPlot: 0) == 0 && clusters.track(ofPlot: 1) == 1)
    }

    /// Aircraft 100 km apart share nothing: one 1×1 cluster each. A plot in no gate and a
    /// track with no plot stay unassigned.
    @Test func distantTargetsAreSeparateClusters() {
        let tracks = [(x: 0.0, y: 0.0), (x: 100_000.0, y: 0.0), (x: 0.0, y: -100_000.0), (x: 50_000.0, y: 50_000.0)]
        let plots = [(x: 30.0, y: 40.0), (x: 99_950.0, y: 20.0), (x: -20.0, y: -100_010.0), (x: -70_000.0, y: 0.0)]
        var clusters = AssociationClusters()
        clusters.solve(pairs: gatedPairs(tracks: tracks, plots: plots).span, plotCount: plots.count, unassignedCost: halfGate)
        #expect(clusters.clusterCount == 3)
        #expect(clusters.largestCluster == 2)
        for i in 0..<3 {
            #expect(clusters.track(ofPlot: i) == i)
            #expect(clusters.plot(ofTrack: i) == i)
        }
        #expect(clusters.track(ofPlot: 3) == nil)
        #expect(clusters.plot(ofTrack: 3) == nil)
        #expect(clusters.assignments.count == 3)
    }

    /// A lone pair dearer than leaving its track and plot apart is not taken; a pair listed twice
    /// counts at its lower cost.
    @Test func aLonePairIsTakenOnlyWhenWorthIt() {
        var clusters = AssociationClusters()
        let dear = [GatedPair(track: 0, plot: 0, cost: 10)]
        clusters.solve(pairs: dear.span, plotCount: 1, unassignedCost: 4)
        #expect(clusters.assignments.isEmpty && clusters.track(ofPlot: 0) == nil)
        let twice = [GatedPair(track: 0, plot: 0, cost: 10), GatedPair(track: 0, plot: 0, cost: 3)]
        clusters.solve(pairs: twice.span, plotCount: 1, unassignedCost: 4)
        #expect(clusters.assignments == [GatedPair(track: 0, plot: 0, cost: 3)])
    }

    /// A batch's answers replace the last batch's: a track assigned before and absent now has no plot.
    @Test func eachBatchStartsClean() {
        var clusters = AssociationClusters()
        let first = [GatedPair(track: 7, plot: 0, cost: 1), GatedPair(track: 3, plot: 1, cost: 1)]
        clusters.solve(pairs: first.span, plotCount: 2, unassignedCost: halfGate)
        #expect(clusters.plot(ofTrack: 7) == 0 && clusters.plot(ofTrack: 3) == 1)
        let second = [GatedPair(track: 3, plot: 0, cost: 2)]
        clusters.solve(pairs: second.span, plotCount: 1, unassignedCost: halfGate)
        #expect(clusters.plot(ofTrack: 7) == nil)
        #expect(clusters.plot(ofTrack: 3) == 0)
        #expect(clusters.track(ofPlot: 1) == nil)
        #expect(clusters.assignments == [GatedPair(track: 3, plot: 0, cost: 2)])
    }

    /// A pair listed twice is one track and one plot, decided at its lower cost wherever that
    /// listing comes; a lone pair that is not finite, or costs exactly twice the unassigned cost,
    /// is not worth taking.
    @Test func aPairListedTwiceIsOneClusterAtItsLowerCost() {
        var clusters = AssociationClusters()
        let pairs = [GatedPair(track: 4, plot: 1, cost: 7), GatedPair(track: 9, plot: 0, cost: 1),
                     GatedPair(track: 4, plot: 1, cost: 2), GatedPair(track: 6, plot: 2, cost: 8),
                     GatedPair(track: 6, plot: 2, cost: 9), GatedPair(track: 5, plot: 3, cost: .nan),
                     GatedPair(track: 2, plot: 4, cost: 8)]
        clusters.solve(pairs: pairs.span, plotCount: 5, unassignedCost: 4)
        #expect(clusters.clusterCount == 5)
        #expect(clusters.largestCluster == 2)
        // Track 6's cheaper listing, 8, is not below 2 × 4; neither is the lone 8 nor NaN.
        #expect(clusters.assignments == [GatedPair(track: 4, plot: 1, cost: 2), GatedPair(track: 9, plot: 0, cost: 1)])
        #expect(clusters.plot(ofTrack: 4) == 1 && clusters.track(ofPlot: 1) == 4)
        #expect(clusters.plot(ofTrack: 6) == nil && clusters.track(ofPlot: 2) == nil)
        #expect(clusters.plot(ofTrack: 5) == nil && clusters.plot(ofTrack: 2) == nil)
    }

    /// A track in two pairs whose plots are each in no other pair is one cluster of three: the
    /// cheaper plot wins and the other is left for a new track. The same the other way round, a
    /// plot gated by two tracks that have nothing else.
    @Test func aTrackWithTwoLonePlotsIsOneCluster() {
        var clusters = AssociationClusters()
        let fork = [GatedPair(track: 3, plot: 0, cost: 5), GatedPair(track: 8, plot: 2, cost: 1),
                    GatedPair(track: 3, plot: 1, cost: 2)]
        clusters.solve(pairs: fork.span, plotCount: 3, unassignedCost: 4)
        #expect(clusters.clusterCount == 2)
        #expect(clusters.largestCluster == 3)
        #expect(clusters.plot(ofTrack: 3) == 1 && clusters.track(ofPlot: 1) == 3)
        #expect(clusters.track(ofPlot: 0) == nil)
        #expect(clusters.plot(ofTrack: 8) == 2)

        let merge = [GatedPair(track: 3, plot: 0, cost: 5), GatedPair(track: 8, plot: 0, cost: 2)]
        clusters.solve(pairs: merge.span, plotCount: 1, unassignedCost: 4)
        #expect(clusters.clusterCount == 1 && clusters.largestCluster == 3)
        #expect(clusters.track(ofPlot: 0) == 8)
        #expect(clusters.plot(ofTrack: 3) == nil && clusters.plot(ofTrack: 8) == 0)
    }

    /// Assignments come cluster by cluster in the order of each cluster's first pair, and within
    /// a cluster in the order its tracks first appear: a lone pair listed between two pairs of
    /// a crossing comes after the crossing's answers.
    @Test func assignmentsComeInTheOrderOfEachClustersFirstPair() {
        var clusters = AssociationClusters()
        let pairs = [GatedPair(track: 20, plot: 0, cost: 1), GatedPair(track: 10, plot: 1, cost: 1),
                     GatedPair(track: 30, plot: 2, cost: 3), GatedPair(track: 10, plot: 0, cost: 2),
                     GatedPair(track: 40, plot: 3, cost: 1), GatedPair(track: 20, plot: 1, cost: 5)]
        clusters.solve(pairs: pairs.span, plotCount: 4, unassignedCost: 10)
        // Tracks 20 and 10 with plots 0 and 1: 20–0 + 10–1 costs 2, 20–1 + 10–0 costs 7.
        #expect(clusters.assignments == [GatedPair(track: 20, plot: 0, cost: 1), GatedPair(track: 10, plot: 1, cost: 1),
                                         GatedPair(track: 30, plot: 2, cost: 3), GatedPair(track: 40, plot: 3, cost: 1)])
        #expect(clusters.clusterCount == 3 && clusters.largestCluster == 4)
    }

    /// Many small random batches, in both pair orders the tracker could give (plot by plot, or
    /// shuffled), with track slots spread over 0..<1,000,000 and some pairs listed twice: each
    /// answer is the one optimum of the whole batch as one big problem (random costs make it
    /// unique), and the cluster count and largest cluster are those a flood fill over the pairs finds.
    @Test func randomBatchesMatchTheWholeProblem() {
        var rng = SplitMix64(seed: 11)
        var clusters = AssociationClusters()
        var solver = LinearAssignment()
        var sawLone = false, sawShared = false
        for round in 0..<400 {
            let plotCount = Int.random(in: 1...30, using: &rng)
            let slots = (0..<Int.random(in: 1...30, using: &rng)).map { _ in Int.random(in: 0..<1_000_000, using: &rng) }
            let trackSlots = Array(Set(slots))
            var pairs: [GatedPair] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                pairs.append(GatedPair(track: trackSlots.randomElement(using: &rng)!, plot: Int.random(in: 0..<plotCount, using: &rng),
                                       cost: Double.random(in: 0...12, using: &rng)))
                if Int.random(in: 0..<8, using: &rng) == 0 {
                    var again = pairs.randomElement(using: &rng)!
                    again.cost = Double.random(in: 0...12, using: &rng)
                    pairs.append(again)
                }
            }
            if round % 2 == 0 { pairs.sort { ($0.plot, $0.track) < ($1.plot, $1.track) } }
            clusters.solve(pairs: pairs.span, plotCount: plotCount, unassignedCost: 5)

            // The whole batch as one problem: rows are the tracks, each pair at its lowest cost.
            let rows = trackSlots.count
            var matrix = [Double](repeating: .infinity, count: rows * plotCount)
            let rowOf = Dictionary(uniqueKeysWithValues: trackSlots.enumerated().map { ($1, $0) })
            for p in pairs {
                let m = rowOf[p.track]! * plotCount + p.plot
                matrix[m] = min(matrix[m], p.cost)
            }
            solver.solve(costs: matrix.span, rows: rows, columns: plotCount, unassignedCost: 5)
            for (r, slot) in trackSlots.enumerated() {
                #expect(clusters.plot(ofTrack: slot) == solver.column(ofRow: r), "round \(round), track \(slot)")
            }
            for j in 0..<plotCount {
                #expect(clusters.track(ofPlot: j) == solver.row(ofColumn: j).map { trackSlots[$0] }, "round \(round), plot \(j)")
            }
            #expect(clusters.assignments.count == (0..<rows).filter { solver.column(ofRow: $0) != nil }.count)
            for a in clusters.assignments {
                #expect(a.cost == matrix[rowOf[a.track]! * plotCount + a.plot])
            }

            // Components by flood fill: a track's component takes every plot of its pairs, and
            // every track of those plots, until nothing new joins.
            var component: [Int: Int] = [:], sizes: [Int] = []
            for start in trackSlots where component[start] == nil && pairs.contains(where: { $0.track == start }) {
                var tracks: Set = [start], plots: Set<Int> = []
                var grew = true
                while grew {
                    let linked = pairs.filter { tracks.contains($0.track) || plots.contains($0.plot) }
                    let before = tracks.count + plots.count
                    tracks.formUnion(linked.map(\.track))
                    plots.formUnion(linked.map(\.plot))
                    grew = tracks.count + plots.count > before
                }
                for t in tracks { component[t] = sizes.count }
                sizes.append(tracks.count + plots.count)
            }
            #expect(clusters.clusterCount == sizes.count, "round \(round)")
            #expect(clusters.largestCluster == (sizes.max() ?? 0), "round \(round)")
            sawLone = sawLone || sizes.contains(2)
            sawShared = sawShared || sizes.contains { $0 > 2 }
        }
        #expect(sawLone && sawShared, "want batches with lone pairs and with shared clusters")
    }

    /// Splitting into clusters must not change the optimum: a dense random batch, found through
    /// the grid and solved cluster by cluster, costs what one big assignment over everything
    /// costs (ungated pairs forbidden, every track and plot paying the unassigned cost).
    @Test func clustersReachTheSameOptimumAsOneBigProblem() {
        var rng = SplitMix64(seed: 7)
        let gate = ChiSquareGate(probability: 0.99)
        let s = Covariance2(xx: 100 * 100, xy: 0, yy: 100 * 100)
        let tracks = (0..<200).map { _ in (x: Double.random(in: 0...5_000, using: &rng), y: Double.random(in: 0...5_000, using: &rng)) }
        let plots = (0..<180).map { _ in (x: Double.random(in: 0...5_000, using: &rng), y: Double.random(in: 0...5_000, using: &rng)) }

        var grid = SpatialGrid()
        let radius = gate.radius(innovation: s)
        grid.removeAll(radius: radius)
        for (t, p) in tracks.enumerated() { grid.insert(t, x: p.x, y: p.y) }
        grid.build()
        var pairs: [GatedPair] = []
        for (p, plot) in plots.enumerated() {
            grid.forEach(reachingX: plot.x, y: plot.y) { t in
                if let d2 = gate.distanceSquared(dx: plot.x - tracks[t].x, dy: plot.y - tracks[t].y, innovation: s) {
                    pairs.append(GatedPair(track: t, plot: p, cost: d2))
                }
            }
        }
        #expect(pairs.count == gatedPairs(tracks: tracks, plots: plots).count, "the grid missed gated pairs")

        var clusters = AssociationClusters()
        clusters.solve(pairs: pairs.span, plotCount: plots.count, unassignedCost: halfGate)
        #expect(clusters.clusterCount > 10 && clusters.largestCluster > 4, "want a batch with real clusters")
        let assigned = clusters.assignments.count
        let clusteredTotal = clusters.assignments.reduce(0) { $0 + $1.cost }
            + halfGate * Double(tracks.count + plots.count - 2 * assigned)

        var matrix = [Double](repeating: .infinity, count: tracks.count * plots.count)
        for p in pairs { matrix[p.track * plots.count + p.plot] = p.cost }
        var solver = LinearAssignment()
        let wholeTotal = solver.solve(costs: matrix.span, rows: tracks.count, columns: plots.count, unassignedCost: halfGate)
        #expect(abs(clusteredTotal - wholeTotal) <= 1e-9 * wholeTotal, "clusters \(clusteredTotal), whole \(wholeTotal)")

        // And the two directions of the answer agree.
        for a in clusters.assignments {
            #expect(clusters.track(ofPlot: a.plot) == a.track && clusters.plot(ofTrack: a.track) == a.plot)
        }
    }
}

@Suite struct AssignmentGateTests {
    /// Textbook χ²(2) quantiles: 5.991 at 95 %, 9.210 at 99 %, 13.816 at 99.9 %.
    @Test func thresholdsAreTheChiSquareQuantiles() {
        #expect(abs(ChiSquareGate.threshold(probability: 0.95) - 5.991) < 1e-3)
        #expect(abs(ChiSquareGate(probability: 0.99).threshold - 9.210) < 1e-3)
        #expect(abs(ChiSquareGate.threshold(probability: 0.999) - 13.816) < 1e-3)
        #expect(ChiSquareGate.threshold(probability: 0) == 0)
    }

    /// An innovation of (2, 3) with σx = 2, σy = 3 is one σ each way: d² = 2.
    @Test func mahalanobisDistance() {
        let gate = ChiSquareGate(threshold: 9)
        let s = Covariance2(xx: 4, xy: 0, yy: 9)
        #expect(gate.distanceSquared(dx: 2, dy: 3, innovation: s) == 2)
        #expect(gate.distanceSquared(dx: 7, dy: 0, innovation: s) == nil)  // 3.5σ east
        // Correlated (ρ = 0.8, eigenvalues 1.8 along (1, 1) and 0.2 across): a point twice as far
        // along the long axis is nearer in d² than one across it.
        let tilted = Covariance2(xx: 1, xy: 0.8, yy: 1)
        let along = gate.distanceSquared(dx: 1, dy: 1, innovation: tilted)!
        let across = gate.distanceSquared(dx: 0.5, dy: -0.5, innovation: tilted)!
        #expect(abs(along - 2 / 1.8) < 1e-12)
        #expect(abs(across - 0.5 / 0.2) < 1e-12)
        // A broken covariance lets nothing in.
        #expect(gate.distanceSquared(dx: 0, dy: 0, innovation: Covariance2(xx: 1, xy: 2, yy: 1)) == nil)
    }

    /// The search radius covers the ellipse's long axis: √(threshold · λmax).
    @Test func radiusCoversTheLongAxis() {
        let gate = ChiSquareGate(threshold: 9)
        #expect(gate.radius(innovation: Covariance2(xx: 4, xy: 0, yy: 9)) == 9)
        // λmax of [[1, 0.8], [0.8, 1]] is 1.8.
        #expect(abs(gate.radius(innovation: Covariance2(xx: 1, xy: 0.8, yy: 1)) - (9 * 1.8).squareRoot()) < 1e-12)
    }
}
