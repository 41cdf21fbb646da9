import Testing
@testable import Tracking

/// Checks that the solver's answer is a real assignment: each row and column used at most once,
/// both directions agreeing, no forbidden pair, the count right when nothing may be left out,
/// and the returned total equal to what the pairs and the unassigned rows and columns cost.
private func checkFeasible(_ solver: LinearAssignment, costs: [Double], rows: Int, columns: Int,
                           unassignedCost: Double, total: Double, _ label: String) {
    var sum = 0.0, pairs = 0
    for r in 0..<rows {
        guard let c = solver.column(ofRow: r) else { continue }
        #expect(solver.row(ofColumn: c) == r, "\(label): row \(r) → column \(c) → row \(String(describing: solver.row(ofColumn: c)))")
        #expect(costs[r * columns + c] < .infinity, "\(label): forbidden pair (\(r), \(c)) assigned")
        sum += costs[r * columns + c]
        pairs += 1
    }
    var columnsUsed = 0
    for c in 0..<columns where solver.row(ofColumn: c) != nil { columnsUsed += 1 }
    #expect(columnsUsed == pairs, "\(label): \(pairs) rows but \(columnsUsed) columns assigned")
    if unassignedCost < .infinity {
        sum += unassignedCost * Double(rows + columns - 2 * pairs)
    } else {
        #expect(pairs == min(rows, columns), "\(label): \(pairs) pairs, need \(min(rows, columns))")
    }
    #expect(abs(sum - total) <= 1e-9 * max(1, abs(total)), "\(label): pairs cost \(sum), solver says \(total)")
}

@Suite struct AssignmentTests {
    @Test func matchesScipyOnEveryFixtureProblem() throws {
        let v = try AssignmentVectors.load()
        #expect(v.scipy == "1.16.3")
        #expect(v.cases.count > 200)
        var solver = LinearAssignment()
        var worst = 0.0
        for p in v.cases {
            let costs = p.matrix
            let u = p.unassignedCost ?? .infinity
            let total = solver.solve(costs: costs.span, rows: p.rows, columns: p.columns, unassignedCost: u)
            guard let expected = p.total else {
                #expect(total == .infinity, "\(p): scipy finds it infeasible, we found \(total)")
                continue
            }
            let error = abs(total - expected) / max(1, abs(expected))
            worst = max(worst, error)
            #expect(error <= 1e-9, "\(p): total \(total), scipy \(expected)")
            checkFeasible(solver, costs: costs, rows: p.rows, columns: p.columns,
                          unassignedCost: u, total: total, "\(p)")
        }
        print("assignment vs scipy: largest relative difference \(worst) over \(v.cases.count) problems")
    }

    /// Greedy would take the cheapest pair (1) and be left with 100; the optimum pairs across.
    @Test func beatsGreedy() {
        var solver = LinearAssignment()
        let costs: [Double] = [1, 2,
                               2, 100]
        let total = solver.solve(costs: costs.span, rows: 2, columns: 2, unassignedCost: .infinity)
        #expect(total == 4)
        #expect(solver.column(ofRow: 0) == 1 && solver.column(ofRow: 1) == 0)
    }

    /// A pair is taken only when it costs less than leaving both its row and column unassigned.
    @Test func unassignedCostDecidesWhetherToPair() {
        var solver = LinearAssignment()
        let cheap: [Double] = [6]
        #expect(solver.solve(costs: cheap.span, rows: 1, columns: 1, unassignedCost: 4) == 6)
        #expect(solver.column(ofRow: 0) == 0)
        let dear: [Double] = [10]
        #expect(solver.solve(costs: dear.span, rows: 1, columns: 1, unassignedCost: 4) == 8)
        #expect(solver.column(ofRow: 0) == nil && solver.row(ofColumn: 0) == nil)
    }

    /// Three rows, one column: one row pairs, two pay the unassigned cost.
    @Test func tallProblemLeavesExtraRowsUnassigned() {
        var solver = LinearAssignment()
        let costs: [Double] = [5, 1, .infinity]
        let total = solver.solve(costs: costs.span, rows: 3, columns: 1, unassignedCost: 10)
        #expect(total == 21)
        #expect(solver.row(ofColumn: 0) == 1)
        #expect(solver.column(ofRow: 0) == nil && solver.column(ofRow: 2) == nil)
    }

    @Test func forbiddenPairsCanMakeItInfeasible() {
        var solver = LinearAssignment()
        let costs: [Double] = [1, .infinity,
                               2, .infinity]
        #expect(solver.solve(costs: costs.span, rows: 2, columns: 2, unassignedCost: .infinity) == .infinity)
        #expect(solver.column(ofRow: 0) == nil && solver.column(ofRow: 1) == nil)
        // With an unassigned cost there is always an answer: one pair, one row and column left.
        #expect(solver.solve(costs: costs.span, rows: 2, columns: 2, unassignedCost: 50) == 101)
    }

    @Test func emptyProblems() {
        var solver = LinearAssignment()
        let none: [Double] = []
        #expect(solver.solve(costs: none.span, rows: 0, columns: 3, unassignedCost: 2) == 6)
        #expect(solver.columns == 3 && solver.row(ofColumn: 2) == nil)
        #expect(solver.solve(costs: none.span, rows: 4, columns: 0, unassignedCost: .infinity) == 0)
        #expect(solver.solve(costs: none.span, rows: 0, columns: 0, unassignedCost: 1) == 0)
    }

    /// Reused buffers must not leak one problem into the next: a large problem, then small ones,
    /// give what a fresh solver gives.
    @Test func reuseGivesTheSameAnswersAsAFreshSolver() throws {
        let v = try AssignmentVectors.load()
        var reused = LinearAssignment()
        for p in v.cases.reversed() where p.total != nil {
            let costs = p.matrix
            let u = p.unassignedCost ?? .infinity
            var fresh = LinearAssignment()
            let a = reused.solve(costs: costs.span, rows: p.rows, columns: p.columns, unassignedCost: u)
            let b = fresh.solve(costs: costs.span, rows: p.rows, columns: p.columns, unassignedCost: u)
            #expect(a == b, "\(p): \(a) reused, \(b) fresh")
            for r in 0..<p.rows { #expect(reused.column(ofRow: r) == fresh.column(ofRow: r), "\(p) row \(r)") }
        }
    }
}
