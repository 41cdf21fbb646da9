/// A border as a line of points (latitude, longitude in degrees) drawn from west to east, so that
/// its north side is on the left. Crossings are found between two positions a second apart.
public struct Border: Sendable, Equatable {
    public var points: [(latitude: Double, longitude: Double)]

    public init(points: [(latitude: Double, longitude: Double)]) {
        self.points = points
    }

    public static func == (a: Border, b: Border) -> Bool {
        a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.latitude == $1.latitude && $0.longitude == $1.longitude }
    }

    public enum Crossing: String, Sendable {
        case northbound = "border_crossing_north"
        case southbound = "border_crossing_south"
    }

    /// Whether going from `a` to `b` crosses the border, and which way. Over a second of flight
    /// the degrees of latitude and longitude can be treated as a plane.
    public func crossing(from a: (latitude: Double, longitude: Double), to b: (latitude: Double, longitude: Double)) -> Crossing? {
        for (p, q) in zip(points, points.dropFirst()) {
            let sa = side(a, p, q), sb = side(b, p, q)
            guard (sa > 0) != (sb > 0), sa != 0 || sb != 0 else { continue }
            // The border segment's ends must lie on opposite sides of the flight's step too.
            let sp = side(p, a, b), sq = side(q, a, b)
            guard (sp > 0) != (sq > 0) else { continue }
            return sb > 0 ? .northbound : .southbound
        }
        return nil
    }

    /// Positive when `x` lies left of the line from `p` to `q` (north of a west-to-east border).
    private func side(_ x: (latitude: Double, longitude: Double), _ p: (latitude: Double, longitude: Double),
                      _ q: (latitude: Double, longitude: Double)) -> Double {
        (q.longitude - p.longitude) * (x.latitude - p.latitude) - (q.latitude - p.latitude) * (x.longitude - p.longitude)
    }
}
