import FoundationEssentials
import Surveillance
@testable import Tracking

/// The vectors tools/filter_vectors.py computed with filterpy 2.0.0 (`--check` proves the file is
/// what filterpy gives today).
struct FilterpyVectors: Decodable, Sendable {
    struct HorizontalStep: Decodable, Sendable {
        let dt: Double
        let priorX: [Double], priorP: [[Double]]
        // Absent when the interval had no plot.
        let z: [Double]?, R: [[Double]]?
        let x: [Double]?, P: [[Double]]?
        let mahalanobis2: Double?, logLikelihood: Double?
    }
    struct HorizontalCase: Decodable, Sendable {
        let name: String
        let turnRate: Double, noiseDensity: Double
        let x0: [Double], P0: [[Double]]
        let steps: [HorizontalStep]
    }
    struct IMMSettingsVector: Decodable, Sendable {
        let straightNoiseDensity: Double, turnNoiseDensity: Double, turnRate: Double
        let meanStraightTime: Double, meanTurnTime: Double, initialTurnProbability: Double
        var settings: IMMSettings {
            var s = IMMSettings()
            s.straightNoiseDensity = straightNoiseDensity
            s.turnNoiseDensity = turnNoiseDensity
            s.turnRate = turnRate
            s.meanStraightTime = meanStraightTime
            s.meanTurnTime = meanTurnTime
            s.initialTurnProbability = initialTurnProbability
            return s
        }
    }
    struct IMMStep: Decodable, Sendable {
        let dt: Double, z: [Double], R: [[Double]], truth: [Double]
        let predictedModes: [Double], predictedX: [Double], predictedP: [[Double]]
        let modes: [Double], x: [Double], P: [[Double]]
    }
    struct IMMCase: Decodable, Sendable {
        let settings: IMMSettingsVector
        let x0: [Double], P0: [[Double]]
        let initialModes: [Double]
        let steps: [IMMStep]
    }
    struct VerticalStep: Decodable, Sendable {
        let dt: Double, altitude: Double, variance: Double
        let x: [Double], P: [[Double]]
        let mahalanobis2: Double
    }
    struct VerticalCase: Decodable, Sendable {
        let noiseDensity: Double, initialRateVariance: Double
        let altitude0: Double, variance0: Double
        let steps: [VerticalStep]
    }

    let filterpy: String
    let horizontal: [HorizontalCase]
    let imm: IMMCase
    let vertical: VerticalCase

    static func load() throws -> FilterpyVectors {
        let folder = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
        let data = try Data(contentsOf: URL(filePath: folder + "/Fixtures/filterpy_vectors.json"))
        return try JSONDecoder().decode(FilterpyVectors.self, from: data)
    }
}

extension HorizontalState {
    /// A state from filterpy's x (x, y, vx, vy) and 4×4 P (its upper triangle).
    init(_ x: [Double], _ p: [[Double]]) {
        self.init(x: x[0], y: x[1], vx: x[2], vy: x[3],
                  covariance: Covariance4(xx: p[0][0], xy: p[0][1], xvx: p[0][2], xvy: p[0][3],
                                          yy: p[1][1], yvx: p[1][2], yvy: p[1][3],
                                          vxvx: p[2][2], vxvy: p[2][3],
                                          vyvy: p[3][3]))
    }

    /// Largest difference from filterpy's x, metres or metres per second.
    func stateError(_ x: [Double]) -> Double {
        max(abs(self.x - x[0]), abs(y - x[1]), abs(vx - x[2]), abs(vy - x[3]))
    }

    /// Largest difference from filterpy's P, each element relative to √(P_ii P_jj) (its own
    /// scale: a correlation of 1e-9 is a 1e-9 error whatever the units).
    func covarianceError(_ p: [[Double]]) -> Double {
        var worst = 0.0
        for i in 0..<4 {
            for j in i..<4 {
                worst = max(worst, abs(covariance[i, j] - p[i][j]) / (p[i][i] * p[j][j]).squareRoot())
            }
        }
        return worst
    }
}

extension PositionMeasurement {
    init(_ z: [Double], _ r: [[Double]]) {
        self.init(x: z[0], y: z[1], covariance: Covariance2(xx: r[0][0], xy: r[0][1], yy: r[1][1]))
    }
}
