/// An optimal rectangular linear assignment (global nearest neighbour): pairs rows with columns,
/// each at most once, minimising
///
///     Σ cost(assigned pairs) + unassignedCost × (unassigned rows + unassigned columns)
///
/// A cost of `.infinity` (or NaN) forbids a pair. With an infinite `unassignedCost` it is the
/// classic rectangular problem (scipy's `linear_sum_assignment`): every row or every column,
/// whichever are fewer, is assigned, or the problem is infeasible.
///
/// The solver is the shortest augmenting path method of Jonker and Volgenant in the form of
/// D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 52(4), 2016
/// (the one scipy uses). Leaving things unassigned is modelled with dummy columns: a pair costs
/// `cost − 2·unassignedCost` (taking it saves one unassigned row and one unassigned column), a
/// dummy costs 0, and the total is that sum plus `unassignedCost × (rows + columns)`.
///
/// Every buffer is kept between solves, so once warmed up to the largest problem a solve
/// allocates nothing.
public struct LinearAssignment: Sendable {
    // The problem as solved: `small` rows (the smaller side of the caller's matrix, transposed if
    // need be, because the method assigns every one of its rows) by `width` columns (the larger
    // side, then the dummies), row-major.
    private var matrix: [Double] = []
    private var small = 0
    private var width = 0
    // Dual variables, the Dijkstra state of one augmentation, and the current matching.
    private var u: [Double] = []
    private var v: [Double] = []
    private var shortest: [Double] = []
    private var path: [Int] = []
    private var columnOfSmall: [Int] = []
    private var smallOfColumn: [Int] = []
    private var visitedRow: [Bool] = []
    private var visitedColumn: [Bool] = []
    private var remaining: [Int] = []
    // The answer in the caller's terms; -1 means unassigned.
    private var columnForRow: [Int] = []
    private var rowForColumn: [Int] = []

    public init() {}

    /// Rows of the last problem solved.
    public var rows: Int { columnForRow.count }
    /// Columns of the last problem solved.
    public var columns: Int { rowForColumn.count }

    /// The column assigned to `row` by the last solve, or nil if the row is unassigned.
    public func column(ofRow row: Int) -> Int? {
        let c = columnForRow[row]
        return c < 0 ? nil : c
    }

    /// The row assigned to `column` by the last solve, or nil if the column is unassigned.
    public func row(ofColumn column: Int) -> Int? {
        let r = rowForColumn[column]
        return r < 0 ? nil : r
    }

    /// Solves one problem.
    /// - Parameters:
    ///   - costs: `rows × columns` costs, row-major; `.infinity` forbids a pair.
    ///   - unassignedCost: the price of each row and each column left unassigned; `.infinity`
    ///     for the classic rectangular problem.
    /// - Returns: the minimal total: the assigned pairs' costs plus `unassignedCost` for each
    ///   unassigned row and column (with an infinite `unassignedCost`, the pairs' costs alone).
    ///   `.infinity` if forbidden pairs leave no complete assignment (only possible when
    ///   `unassignedCost` is infinite); every row and column is then reported unassigned.
    @discardableResult
    public mutating func solve(costs: Span<Double>, rows: Int, columns: Int, unassignedCost: Double) -> Double {
        precondition(rows >= 0 && columns >= 0 && costs.count == rows * columns,
                     "LinearAssignment: \(costs.count) costs for a \(rows) × \(columns) problem")
        Self.reset(&columnForRow, count: rows, to: -1)
        Self.reset(&rowForColumn, count: columns, to: -1)
        let optional = unassignedCost < .infinity
        let transposed = rows > columns
        small = min(rows, columns)
        let large = max(rows, columns)
        width = large + (optional ? small : 0)

        // Copy (and transpose) into the working matrix. Dummy columns hold 0: any row may take
        // any dummy, which leaves it and the column it might have had unassigned.
        let shift = optional ? 2 * unassignedCost : 0
        Self.reset(&matrix, count: small * width, to: 0)
        for i in 0..<small {
            for j in 0..<large {
                let c = transposed ? costs[j * columns + i] : costs[i * columns + j]
                matrix[i * width + j] = c < .infinity ? c - shift : .infinity
            }
        }

        guard augmentAll() else { return .infinity }

        var total = 0.0
        for i in 0..<small {
            let j = columnOfSmall[i]
            guard j < large else { continue }  // a dummy: unassigned
            let (r, c) = transposed ? (j, i) : (i, j)
            columnForRow[r] = c
            rowForColumn[c] = r
            total += costs[r * columns + c]
        }
        // The total is recomputed from the caller's costs, not the shifted ones, so it carries
        // no rounding from the shift.
        if optional {
            var unassigned = 0
            for c in columnForRow where c < 0 { unassigned += 1 }
            for r in rowForColumn where r < 0 { unassigned += 1 }
            total += unassignedCost * Double(unassigned)
        }
        return total
    }

    /// Assigns every working row, one shortest augmenting path each. False if a row cannot be
    /// assigned (forbidden pairs with no dummies).
    private mutating func augmentAll() -> Bool {
        Self.reset(&u, count: small, to: 0)
        Self.reset(&v, count: width, to: 0)
        Self.reset(&columnOfSmall, count: small, to: -1)
        Self.reset(&smallOfColumn, count: width, to: -1)
        Self.reset(&path, count: width, to: -1)
        for current in 0..<small {
            guard let (sink, minimum) = shortestAugmentingPath(from: current) else { return false }
            // Update the duals so reduced costs stay non-negative and the new path is tight.
            u[current] += minimum
            for i in 0..<small where visitedRow[i] && i != current {
                u[i] += minimum - shortest[columnOfSmall[i]]
            }
            for j in 0..<width where visitedColumn[j] {
                v[j] -= minimum - shortest[j]
            }
            // Flip the matching along the path, from the free column back to `current`.
            var j = sink
            while true {
                let i = path[j]
                smallOfColumn[j] = i
                swap(&columnOfSmall[i], &j)
                if i == current { break }
            }
        }
        return true
    }

    /// Dijkstra over reduced costs from the free row `start` to the nearest free column.
    /// Returns that column and the path length, or nil if every reachable column is forbidden.
    private mutating func shortestAugmentingPath(from start: Int) -> (sink: Int, minimum: Double)? {
        Self.reset(&shortest, count: width, to: .infinity)
        Self.reset(&visitedRow, count: small, to: false)
        Self.reset(&visitedColumn, count: width, to: false)
        remaining.removeAll(keepingCapacity: true)
        // Crouse's (and scipy's) scan order, so ties are broken the same way.
        for j in stride(from: width - 1, through: 0, by: -1) { remaining.append(j) }
        var unscanned = width
        var minimum = 0.0
        var i = start
        while true {
            visitedRow[i] = true
            var lowest = Double.infinity
            var best = -1
            let row = i * width
            for k in 0..<unscanned {
                let j = remaining[k]
                let reduced = minimum + matrix[row + j] - u[i] - v[j]
                if reduced < shortest[j] {
                    path[j] = i
                    shortest[j] = reduced
                }
                // Among equals prefer a free column: it ends the search sooner.
                if shortest[j] < lowest || (shortest[j] == lowest && smallOfColumn[j] < 0) {
                    lowest = shortest[j]
                    best = k
                }
            }
            minimum = lowest
            guard minimum < .infinity else { return nil }
            let j = remaining[best]
            visitedColumn[j] = true
            unscanned -= 1
            remaining[best] = remaining[unscanned]
            if smallOfColumn[j] < 0 { return (j, minimum) }
            i = smallOfColumn[j]
        }
    }

    /// Sets `array` to `count` copies of `value`, reusing its storage.
    private static func reset<T>(_ array: inout [T], count: Int, to value: T) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }
}
