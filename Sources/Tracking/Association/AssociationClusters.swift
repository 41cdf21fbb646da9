/// A track–plot pair that passed the gate, with the cost of associating them (for example the
/// Mahalanobis d², or d² + ln|S|). Indices are the caller's: track slots and plots of the batch.
public struct GatedPair: Sendable, Equatable {
    public var track: Int
    public var plot: Int
    public var cost: Double

    public init(track: Int, plot: Int, cost: Double) {
        self.track = track
        self.plot = plot
        self.cost = cost
    }
}

/// Global nearest neighbour association of one batch, cluster by cluster. Tracks and plots
/// linked by gated pairs form connected components; each is an independent assignment problem,
/// solved optimally by `LinearAssignment`, so a batch of well separated aircraft costs a handful
/// of 1×1 problems instead of one problem the size of the batch.
///
/// Most clusters are one track and one plot, so each pair's track and plot are counted first: a
/// pair whose track and plot are in no other pair is decided on the spot, and only the rest go
/// through union–find and the solver. Tracks are numbered within the batch through a small hash
/// table, so work and memory follow the pairs and the plots of the batch, never the size of the
/// track table (tables indexed by track slot cost a cache miss a pair with 10,000 tracks).
/// Once warmed up nothing is allocated.
public struct AssociationClusters: Sendable {
    private var solver = LinearAssignment()
    private var tracks = BatchTracks()
    // Per pair: its track's batch number.
    private var trackOfPair: [Int] = []
    // Pairs each batch track and each plot is in.
    private var pairsOfTrack: [Int] = []
    private var pairsOfPlot: [Int] = []
    // The pairs that share a track or a plot with another, by index, and their union–find forest:
    // node t is batch track t, node tracks.count + j is plot j.
    private var shared: [Int] = []
    private var parent: [Int] = []
    // The cluster of a root or track node, numbered in the order of the clusters' first pairs.
    private var clusterOfNode: [Int] = []
    // Shared pairs grouped by cluster (counting sort): cluster c owns
    // shared[pairOrder[pairStart[c] ..< pairStart[c + 1]]].
    private var pairStart: [Int] = []
    private var pairOrder: [Int] = []
    // A node's row (track) or column (plot) within its cluster's cost matrix.
    private var localIndex: [Int] = []
    private var rowItem: [Int] = []
    private var columnItem: [Int] = []
    private var costs: [Double] = []
    // The shared clusters' chosen pairs: cluster c's are chosen[chosenStart[c] ..< chosenStart[c + 1]].
    private var chosen: [GatedPair] = []
    private var chosenStart: [Int] = []
    // Answers, -1 for none: a plot's track slot, a batch track's plot.
    private var trackForPlot: [Int] = []
    private var plotForTrack: [Int] = []

    /// The pairs chosen by the last solve, cluster by cluster, clusters in the order of their
    /// first pair, and within a cluster in the order its tracks first appear.
    public private(set) var assignments: [GatedPair] = []
    /// Connected components in the last batch.
    public private(set) var clusterCount = 0
    /// Tracks + plots in the largest component of the last batch.
    public private(set) var largestCluster = 0

    public init() {}

    /// The track assigned to `plot` by the last solve, or nil.
    public func track(ofPlot plot: Int) -> Int? {
        plot < trackForPlot.count && trackForPlot[plot] >= 0 ? trackForPlot[plot] : nil
    }

    /// The plot assigned to `track` by the last solve, or nil.
    public func plot(ofTrack track: Int) -> Int? {
        guard let t = tracks.number(of: track), plotForTrack[t] >= 0 else { return nil }
        return plotForTrack[t]
    }

    /// Associates one batch.
    /// - Parameters:
    ///   - pairs: the gated pairs; a pair listed twice counts at its lower cost.
    ///   - plotCount: plots in the batch (plot indices are below it).
    ///   - unassignedCost: the price of leaving a gated track or plot unassigned; a pair is worth
    ///     taking only when it costs less than twice this (for a gate on d², half the gate
    ///     threshold makes every gated pair acceptable on its own).
    public mutating func solve(pairs: Span<GatedPair>, plotCount: Int, unassignedCost: Double) {
        Self.count(pairs, plotCount: plotCount, tracks: &tracks, trackOfPair: &trackOfPair,
                   pairsOfTrack: &pairsOfTrack, pairsOfPlot: &pairsOfPlot)
        Self.reset(&trackForPlot, count: plotCount, to: -1)
        Self.reset(&plotForTrack, count: tracks.count, to: -1)
        assignments.removeAll(keepingCapacity: true)
        largestCluster = 0

        let sharedClusters = solveSharedClusters(pairs: pairs, plotCount: plotCount, unassignedCost: unassignedCost)

        // Lone pairs, each a 1×1 cluster: worth taking when the pair costs less than leaving
        // both its track and its plot unassigned. Shared clusters' answers join in the order of
        // their first pairs, as if every cluster were solved in that order.
        clusterCount = sharedClusters
        var next = 0
        for k in 0..<pairs.count {
            if isAlone(k, plot: pairs[k].plot) {
                clusterCount += 1
                largestCluster = max(largestCluster, 2)
                let p = pairs[k]
                if p.cost < 2 * unassignedCost {
                    assignments.append(p)
                    answer(track: trackOfPair[k], pair: p)
                }
            } else if clusterOfNode[trackOfPair[k]] == next {
                assignments.append(contentsOf: chosen[chosenStart[next]..<chosenStart[next + 1]])
                next += 1
            }
        }
    }

    /// Numbers the tracks of `pairs` and counts each track's and each plot's pairs. (Static, on
    /// arrays passed in: as a method of `self` every write rechecked its array's uniqueness, and
    /// a sector batch took 6 % longer.)
    private static func count(_ pairs: Span<GatedPair>, plotCount: Int, tracks: inout BatchTracks,
                              trackOfPair: inout [Int], pairsOfTrack: inout [Int], pairsOfPlot: inout [Int]) {
        tracks.removeAll(reserving: pairs.count)
        reset(&trackOfPair, count: pairs.count, to: 0)
        reset(&pairsOfTrack, count: pairs.count, to: 0)  // at most a track a pair
        reset(&pairsOfPlot, count: plotCount, to: 0)
        for k in 0..<pairs.count {
            let p = pairs[k]
            precondition(p.track >= 0 && p.plot >= 0 && p.plot < plotCount,
                         "AssociationClusters: pair \(p) outside \(plotCount) plots")
            let t = tracks.number(p.track)
            pairsOfTrack[t] += 1
            pairsOfPlot[p.plot] += 1
            trackOfPair[k] = t
        }
    }

    /// Whether pair `k`, of `plot`, is the only pair of its track and of its plot. (Takes the
    /// plot rather than the pairs: a `Span` argument here crashed the 6.3.1 optimiser.)
    private func isAlone(_ k: Int, plot: Int) -> Bool {
        pairsOfTrack[trackOfPair[k]] == 1 && pairsOfPlot[plot] == 1
    }

    /// Clusters the pairs that share a track or a plot (union–find), solves each cluster and keeps
    /// its answer in `chosen`; raises `largestCluster` to the largest of them. Returns how many
    /// such clusters there are.
    private mutating func solveSharedClusters(pairs: Span<GatedPair>, plotCount: Int, unassignedCost: Double) -> Int {
        shared.removeAll(keepingCapacity: true)
        parent.removeAll(keepingCapacity: true)
        parent.append(contentsOf: 0..<(tracks.count + plotCount))
        for k in 0..<pairs.count where !isAlone(k, plot: pairs[k].plot) {
            shared.append(k)
            union(trackOfPair[k], tracks.count + pairs[k].plot)
        }

        // Number the clusters by their first pairs, and note each track node's.
        Self.reset(&clusterOfNode, count: parent.count, to: -1)
        var clusters = 0
        for k in shared {
            let t = trackOfPair[k], r = find(t)
            if clusterOfNode[r] < 0 {
                clusterOfNode[r] = clusters
                clusters += 1
            }
            clusterOfNode[t] = clusterOfNode[r]
        }
        Self.group(count: shared.count, buckets: clusters, start: &pairStart, order: &pairOrder) {
            clusterOfNode[trackOfPair[shared[$0]]]
        }

        chosen.removeAll(keepingCapacity: true)
        Self.reset(&chosenStart, count: 1, to: 0)
        Self.reset(&localIndex, count: parent.count, to: -1)
        // The solver is mutated while it reads `costs`, a borrow of self: work on it as a local
        // (a swap, so its buffers are neither copied nor reallocated) and put it back after.
        var solver = LinearAssignment()
        swap(&solver, &self.solver)
        defer { swap(&solver, &self.solver) }
        for c in 0..<clusters {
            // Rows and columns in the order the cluster's pairs first name them.
            rowItem.removeAll(keepingCapacity: true)
            columnItem.removeAll(keepingCapacity: true)
            for i in pairStart[c]..<pairStart[c + 1] {
                let k = shared[pairOrder[i]]
                let t = trackOfPair[k], j = pairs[k].plot
                if localIndex[t] < 0 {
                    localIndex[t] = rowItem.count
                    rowItem.append(t)
                }
                if localIndex[tracks.count + j] < 0 {
                    localIndex[tracks.count + j] = columnItem.count
                    columnItem.append(j)
                }
            }
            let rows = rowItem.count, columns = columnItem.count
            largestCluster = max(largestCluster, rows + columns)
            Self.reset(&costs, count: rows * columns, to: .infinity)
            for i in pairStart[c]..<pairStart[c + 1] {
                let k = shared[pairOrder[i]]
                let m = localIndex[trackOfPair[k]] * columns + localIndex[tracks.count + pairs[k].plot]
                costs[m] = min(costs[m], pairs[k].cost)
            }
            if rows == 1 && columns == 1 {
                // One track and one plot listed more than once: the lone pair's rule at the
                // lowest cost, no solver.
                if costs[0] < 2 * unassignedCost { choose(track: rowItem[0], plot: columnItem[0], cost: costs[0]) }
            } else {
                solver.solve(costs: costs.span, rows: rows, columns: columns, unassignedCost: unassignedCost)
                for r in 0..<rows {
                    guard let col = solver.column(ofRow: r) else { continue }
                    choose(track: rowItem[r], plot: columnItem[col], cost: costs[r * columns + col])
                }
            }
            chosenStart.append(chosen.count)
        }
        return clusters
    }

    /// Keeps a shared cluster's pair for `assignments` and answers for its track and plot.
    private mutating func choose(track t: Int, plot: Int, cost: Double) {
        let pair = GatedPair(track: tracks.slots[t], plot: plot, cost: cost)
        chosen.append(pair)
        answer(track: t, pair: pair)
    }

    private mutating func answer(track t: Int, pair: GatedPair) {
        trackForPlot[pair.plot] = pair.track
        plotForTrack[t] = pair.plot
    }

    /// The root of `n`'s set, halving the path on the way.
    private mutating func find(_ n: Int) -> Int {
        var n = n
        while parent[n] != n {
            parent[n] = parent[parent[n]]
            n = parent[n]
        }
        return n
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Counting sort of 0..<count by `key` into `buckets` groups: group g is
    /// order[start[g] ..< start[g + 1]], in increasing order within the group.
    private static func group(count: Int, buckets: Int, start: inout [Int], order: inout [Int],
                              key: (Int) -> Int) {
        reset(&start, count: buckets + 1, to: 0)
        for i in 0..<count { start[key(i) + 1] += 1 }
        for g in 0..<buckets { start[g + 1] += start[g] }
        reset(&order, count: count, to: 0)
        // start[g] serves as group g's cursor and ends at g's end, the next group's start;
        // shifting by one puts every start back.
        for i in 0..<count {
            let g = key(i)
            order[start[g]] = i
            start[g] += 1
        }
        for g in stride(from: buckets, to: 0, by: -1) { start[g] = start[g - 1] }
        start[0] = 0
    }

    private static func reset<T>(_ array: inout [T], count: Int, to value: T) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }
}

/// The tracks of one batch, numbered 0, 1, 2… as they are first met, through an open-addressing
/// table keyed by track slot (linear probing, Fibonacci hashing), kept at most half full. An
/// entry is only number + 1 (0 for empty) in 32 bits, the slot being in `slots`: a sector batch's
/// table is 8 KB, and a solve took 6 % longer with 16-byte entries.
private struct BatchTracks: Sendable {
    private var table = [UInt32](repeating: 0, count: 2)
    private var bits = 1
    /// Track slot of each number.
    private(set) var slots: [Int] = []

    var count: Int { slots.count }

    /// Forgets every track, with room for `capacity` of them.
    mutating func removeAll(reserving capacity: Int) {
        bits = 1
        while 1 << bits < 2 * capacity { bits += 1 }
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(0, count: 1 << bits))
        slots.removeAll(keepingCapacity: true)
    }

    /// The number of `track`, numbering it if it is new.
    mutating func number(_ track: Int) -> Int {
        let (entry, number) = probe(track)
        if let number { return number }
        precondition(slots.count < table.count / 2, "BatchTracks: more tracks than reserved")
        slots.append(track)
        table[entry] = UInt32(slots.count)
        return slots.count - 1
    }

    /// The number of `track`, or nil if it was not met.
    func number(of track: Int) -> Int? {
        probe(track).number
    }

    /// The entry holding `track` and its number, or the empty entry where it would go.
    private func probe(_ track: Int) -> (entry: Int, number: Int?) {
        var i = home(track)
        while table[i] != 0 {
            let n = Int(table[i]) - 1
            if slots[n] == track { return (i, n) }
            i = (i + 1) & (table.count - 1)
        }
        return (i, nil)
    }

    private func home(_ track: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: track) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }
}
