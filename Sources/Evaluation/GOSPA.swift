import Geodesy
import Glibc
import Tracking

/// The generalized optimal sub-pattern assignment distance between the tracks and the truth at
/// one instant (Rahmathullah, García-Fernández, Svensson, "Generalized optimal sub-pattern
/// assignment metric", FUSION 2017), with α = 2, the form that splits into localisation, missed
/// and false parts:
///
///     d = ( min over assignments  Σ d(x, y)^p  +  c^p/2 · (missed + false) )^(1/p)
///
/// over assignments of pairs closer than c. A pair at c or farther costs as much as leaving both
/// unassigned (c^p), so it is counted as one missed flight and one false track.
public struct GOSPA: Sendable, Equatable {
    /// d, metres.
    public var distance: Double
    /// Σ d^p over the assigned pairs, metres^p (the parts add up to distance^p, as in Stone Soup).
    public var localisation: Double
    /// c^p/2 per missed flight, metres^p.
    public var missedCost: Double
    /// c^p/2 per false track, metres^p.
    public var falseCost: Double
    public var missed: Int
    public var falseTracks: Int

    /// GOSPA between two sets of points in a plane, metres.
    public static func between(truths: [PlanePoint], tracks: [PlanePoint], p: Double, c: Double) -> GOSPA {
        var distances: [Double] = []
        for t in truths {
            for k in tracks { distances.append(((t.x - k.x) * (t.x - k.x) + (t.y - k.y) * (t.y - k.y)).squareRoot()) }
        }
        var assigner = SetAssignment()
        return assigner.gospa(distances: distances, truths: truths.count, tracks: tracks.count, p: p, c: c)
    }
}

/// Solves the GOSPA assignment of one instant, keeping its buffers between instants.
struct SetAssignment {
    private var solver = LinearAssignment()
    private var costs: [Double] = []
    /// Union-find over truths (0..<m) and tracks (m..<m+n) joined by pairs closer than c.
    private var parent: [Int] = []
    private var rowsOf: [Int: [Int]] = [:]
    private var columnsOf: [Int: [Int]] = [:]
    /// After `gospa`: the track index assigned to each truth, or -1.
    private(set) var trackOfTruth: [Int] = []

    /// - Parameter distances: truths × tracks, row-major, metres.
    mutating func gospa(distances: [Double], truths: Int, tracks: Int, p: Double, c: Double) -> GOSPA {
        let half = Self.power(c, p) / 2
        trackOfTruth.removeAll(keepingCapacity: true)
        trackOfTruth.append(contentsOf: repeatElement(-1, count: truths))
        // Pairs at c or farther are never worth assigning, so the problem falls apart into groups
        // of truths and tracks linked by nearer pairs, solved one by one: usually a lone flight
        // and its track, which keeps a busy picture fast. Anything in no group is missed or false.
        parent.removeAll(keepingCapacity: true)
        parent.append(contentsOf: 0..<(truths + tracks))
        for i in 0..<truths {
            for j in 0..<tracks where distances[i * tracks + j] < c {
                let a = group(of: i), b = group(of: truths + j)
                if a != b { parent[a] = b }
            }
        }
        rowsOf.removeAll(keepingCapacity: true)
        columnsOf.removeAll(keepingCapacity: true)
        for j in 0..<tracks { columnsOf[group(of: truths + j), default: []].append(j) }
        for i in 0..<truths { rowsOf[group(of: i), default: []].append(i) }

        var localisation = 0.0
        var pairs = 0
        // Groups in the order of their first truth, so sums and ties come out the same every run.
        for first in 0..<truths {
            let group = group(of: first)
            guard let rows = rowsOf[group], rows[0] == first, let columns = columnsOf[group] else { continue }
            costs.removeAll(keepingCapacity: true)
            for i in rows {
                for j in columns {
                    let d = distances[i * tracks + j]
                    costs.append(d < c ? Self.power(d, p) : .infinity)
                }
            }
            let problem = costs
            solver.solve(costs: problem.span, rows: rows.count, columns: columns.count, unassignedCost: half)
            for r in rows.indices {
                guard let k = solver.column(ofRow: r) else { continue }
                trackOfTruth[rows[r]] = columns[k]
                localisation += problem[r * columns.count + k]
                pairs += 1
            }
        }
        let missed = truths - pairs, falseTracks = tracks - pairs
        let missedCost = half * Double(missed), falseCost = half * Double(falseTracks)
        let distance = Self.root(localisation + missedCost + falseCost, p)
        return GOSPA(distance: distance, localisation: localisation, missedCost: missedCost,
                     falseCost: falseCost, missed: missed, falseTracks: falseTracks)
    }

    /// The representative of `x`'s group, halving the path on the way.
    private mutating func group(of x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    static func power(_ x: Double, _ p: Double) -> Double {
        p == 1 ? x : p == 2 ? x * x : pow(x, p)
    }

    static func root(_ x: Double, _ p: Double) -> Double {
        p == 1 ? x : p == 2 ? x.squareRoot() : pow(x, 1 / p)
    }
}
