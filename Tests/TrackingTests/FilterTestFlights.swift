import Glibc
import Surveillance
@testable import Tracking

/// Repeatable Gaussian noise for the filter tests: SplitMix64 and Box–Muller.
struct TestNoise {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992  // (0, 1)
    }

    mutating func gauss(_ sigma: Double) -> Double {
        sigma * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// A plot of (x, y) by a radar at the origin with σ range and σ azimuth (degrees): the noise
    /// drawn in polar coordinates, the covariance the usual Jacobian one.
    mutating func plot(x: Double, y: Double, rangeSigma: Double = 50, azimuthSigma: Double = 0.1) -> PositionMeasurement {
        let r = (x * x + y * y).squareRoot() + gauss(rangeSigma)
        let a = atan2(x, y) + gauss(azimuthSigma * Double.pi / 180)
        return PositionMeasurement(x: r * sin(a), y: r * cos(a),
                                   covariance: .polar(range: r, azimuth: a * 180 / Double.pi,
                                                      rangeSigma: rangeSigma, azimuthSigma: azimuthSigma))
    }
}

/// A true flight made of legs flown at constant speed, each straight or turning at a constant
/// rate, in closed form (arcs of circles), independently of the filters' transition matrices.
struct TestFlight {
    struct Leg { var duration: Double; var turnRate: Double }
    struct Point { var x: Double, y: Double, vx: Double, vy: Double }

    var start: Point
    var legs: [Leg]

    /// Where the aircraft is at `t` seconds; beyond the last leg it flies straight on.
    func at(_ t: Double) -> Point {
        var p = start
        var elapsed = 0.0
        for leg in legs + [Leg(duration: .infinity, turnRate: 0)] {
            let dt = min(leg.duration, t - elapsed)
            p = fly(p, dt, leg.turnRate)
            elapsed += dt
            if elapsed >= t { break }
        }
        return p
    }

    private func fly(_ p: Point, _ t: Double, _ ω: Double) -> Point {
        let v = (p.vx * p.vx + p.vy * p.vy).squareRoot()
        let ψ = atan2(p.vy, p.vx)  // direction of flight, counter-clockwise from east
        if ω == 0 { return Point(x: p.x + p.vx * t, y: p.y + p.vy * t, vx: p.vx, vy: p.vy) }
        let ψt = ψ + ω * t
        return Point(x: p.x + v / ω * (sin(ψt) - sin(ψ)), y: p.y - v / ω * (cos(ψt) - cos(ψ)),
                     vx: v * cos(ψt), vy: v * sin(ψt))
    }
}

/// Whether a symmetric 4×4 covariance is positive definite (Cholesky succeeds), with every
/// element finite.
func isPositiveDefinite(_ p: Covariance4) -> Bool {
    var l = [[Double]](repeating: [0, 0, 0, 0], count: 4)
    for i in 0..<4 {
        for j in 0...i {
            var s = p[i, j]
            for k in 0..<j { s -= l[i][k] * l[j][k] }
            if i == j {
                guard s > 0, s.isFinite else { return false }
                l[i][i] = s.squareRoot()
            } else {
                l[i][j] = s / l[j][j]
            }
        }
    }
    return true
}
