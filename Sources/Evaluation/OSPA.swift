import Geodesy

/// The optimal sub-pattern assignment distance (Schuhmacher, Vo, Vo, IEEE TSP 2008) of order p
/// and cut-off c between m and n points, m ≤ n:
///
///     d = ( (min over assignments of the m  Σ min(d, c)^p  +  c^p (n − m)) / n )^(1/p)
///
/// It is computed from GOSPA (α = 2) of the same p and c rather than by a second assignment:
/// a pair at c or farther costs c^p in OSPA and c^p/2 + c^p/2 unassigned in GOSPA, and each of
/// the n − m extra points costs c^p in OSPA but c^p/2 in GOSPA, so for every assignment
/// n · OSPA^p = GOSPA^p + c^p/2 · (n − m), and both are minimised by the same one.
public enum OSPA {
    /// OSPA, metres; 0 when both sets are empty.
    public static func from(_ gospa: GOSPA, truths: Int, tracks: Int, p: Double, c: Double) -> Double {
        let n = max(truths, tracks)
        guard n > 0 else { return 0 }
        let gospaP = gospa.localisation + gospa.missedCost + gospa.falseCost
        let extra = SetAssignment.power(c, p) / 2 * Double(abs(truths - tracks))
        return SetAssignment.root((gospaP + extra) / Double(n), p)
    }

    /// OSPA between two sets of points in a plane, metres.
    public static func between(truths: [PlanePoint], tracks: [PlanePoint], p: Double, c: Double) -> Double {
        from(GOSPA.between(truths: truths, tracks: tracks, p: p, c: c), truths: truths.count,
             tracks: tracks.count, p: p, c: c)
    }
}
