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
/// linked by gated pairs form connected components (found by union–find); each is an independent
/// assignment problem, solved optimally by `LinearAssignment`, so a batch of well separated
/// aircraft costs a handful of 1×1 problems instead of one problem the size of the batch.
///
/// Work and memory follow the pairs and the plots of the batch, not the size of the track table:
/// per-track entries are set for the tracks in this batch's pairs and cleared at the next solve.
/// Once warmed up nothing is allocated.
public struct AssociationClusters: Sendable {
    private var solver = LinearAssignment()
    // Nodes are the tracks and plots that appear in some pair, numbered as they are met.
    private var nodeOfTrack: [Int] = []
    private var nodeOfPlot: [Int] = []
    private var itemOfNode: [Int] = []
    private var nodeIsTrack: [Bool] = []
    private var parent: [Int] = []
    private var componentOfNode: [Int] = []
    // Nodes and pairs grouped by component (counting sort): component c owns
    // nodeOrder[nodeStart[c] ..< nodeStart[c + 1]] and pairOrder[pairStart[c] ..< pairStart[c + 1]].
    private var nodeStart: [Int] = []
    private var nodeOrder: [Int] = []
    private var pairStart: [Int] = []
    private var pairOrder: [Int] = []
    // A node's row (track) or column (plot) within its component's cost matrix.
    private var localIndex: [Int] = []
    private var rowItem: [Int] = []
    private var columnItem: [Int] = []
    private var costs: [Double] = []
    // Answers, -1 for none.
    private var trackForPlot: [Int] = []
    private var plotForTrack: [Int] = []

    /// The pairs chosen by the last solve, cluster by cluster.
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
        track < plotForTrack.count && plotForTrack[track] >= 0 ? plotForTrack[track] : nil
    }

    /// Associates one batch.
    /// - Parameters:
    ///   - pairs: the gated pairs; a pair listed twice counts at its lower cost.
    ///   - plotCount: plots in the batch (plot indices are below it).
    ///   - unassignedCost: the price of leaving a gated track or plot unassigned; a pair is worth
    ///     taking only when it costs less than twice this (for a gate on d², half the gate
    ///     threshold makes every gated pair acceptable on its own).
    public mutating func solve(pairs: Span<GatedPair>, plotCount: Int, unassignedCost: Double) {
        // Clear what the last batch set in the per-track tables.
        for node in 0..<itemOfNode.count where nodeIsTrack[node] {
            nodeOfTrack[itemOfNode[node]] = -1
            plotForTrack[itemOfNode[node]] = -1
        }
        Self.reset(&nodeOfPlot, count: plotCount, to: -1)
        Self.reset(&trackForPlot, count: plotCount, to: -1)
        itemOfNode.removeAll(keepingCapacity: true)
        nodeIsTrack.removeAll(keepingCapacity: true)
        parent.removeAll(keepingCapacity: true)
        assignments.removeAll(keepingCapacity: true)

        for k in 0..<pairs.count {
            let p = pairs[k]
            precondition(p.track >= 0 && p.plot >= 0 && p.plot < plotCount,
                         "AssociationClusters: pair \(p) outside \(plotCount) plots")
            if p.track >= nodeOfTrack.count {
                let grow = p.track + 1 - nodeOfTrack.count
                nodeOfTrack.append(contentsOf: repeatElement(-1, count: grow))
                plotForTrack.append(contentsOf: repeatElement(-1, count: grow))
            }
            if nodeOfTrack[p.track] < 0 { nodeOfTrack[p.track] = addNode(item: p.track, isTrack: true) }
            if nodeOfPlot[p.plot] < 0 { nodeOfPlot[p.plot] = addNode(item: p.plot, isTrack: false) }
            union(nodeOfTrack[p.track], nodeOfPlot[p.plot])
        }

        // Number the components by their roots.
        let nodes = itemOfNode.count
        Self.reset(&componentOfNode, count: nodes, to: -1)
        clusterCount = 0
        for n in 0..<nodes {
            let r = find(n)
            if componentOfNode[r] < 0 {
                componentOfNode[r] = clusterCount
                clusterCount += 1
            }
            componentOfNode[n] = componentOfNode[r]
        }
        Self.group(count: nodes, buckets: clusterCount, start: &nodeStart, order: &nodeOrder) {
            componentOfNode[$0]
        }
        Self.group(count: pairs.count, buckets: clusterCount, start: &pairStart, order: &pairOrder) {
            componentOfNode[nodeOfTrack[pairs[$0].track]]
        }

        largestCluster = 0
        Self.reset(&localIndex, count: nodes, to: -1)
        // The solver is mutated while it reads `costs`, a borrow of self: work on it as a local
        // (a swap, so its buffers are neither copied nor reallocated) and put it back after.
        var solver = LinearAssignment()
        swap(&solver, &self.solver)
        defer { swap(&solver, &self.solver) }
        for c in 0..<clusterCount {
            rowItem.removeAll(keepingCapacity: true)
            columnItem.removeAll(keepingCapacity: true)
            for k in nodeStart[c]..<nodeStart[c + 1] {
                let n = nodeOrder[k]
                if nodeIsTrack[n] {
                    localIndex[n] = rowItem.count
                    rowItem.append(itemOfNode[n])
                } else {
                    localIndex[n] = columnItem.count
                    columnItem.append(itemOfNode[n])
                }
            }
            let rows = rowItem.count, columns = columnItem.count
            largestCluster = max(largestCluster, rows + columns)
            if rows == 1 && columns == 1 {
                // The usual cluster, one track and one plot: the pair is worth taking when it
                // costs less than leaving both unassigned. No matrix, no solver.
                var cost = Double.infinity
                for k in pairStart[c]..<pairStart[c + 1] { cost = min(cost, pairs[pairOrder[k]].cost) }
                if cost < 2 * unassignedCost { record(track: rowItem[0], plot: columnItem[0], cost: cost) }
                continue
            }
            Self.reset(&costs, count: rows * columns, to: .infinity)
            for k in pairStart[c]..<pairStart[c + 1] {
                let p = pairs[pairOrder[k]]
                let i = localIndex[nodeOfTrack[p.track]] * columns + localIndex[nodeOfPlot[p.plot]]
                costs[i] = min(costs[i], p.cost)
            }
            solver.solve(costs: costs.span, rows: rows, columns: columns, unassignedCost: unassignedCost)
            for r in 0..<rows {
                guard let col = solver.column(ofRow: r) else { continue }
                record(track: rowItem[r], plot: columnItem[col], cost: costs[r * columns + col])
            }
        }
    }

    private mutating func record(track: Int, plot: Int, cost: Double) {
        trackForPlot[plot] = track
        plotForTrack[track] = plot
        assignments.append(GatedPair(track: track, plot: plot, cost: cost))
    }

    private mutating func addNode(item: Int, isTrack: Bool) -> Int {
        itemOfNode.append(item)
        nodeIsTrack.append(isTrack)
        parent.append(parent.count)
        return parent.count - 1
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
