import Glibc
import Testing
@testable import Simulation

@Suite struct DetectionModelTests {
    let model = DetectionModel(referenceProbability: 0.9, referenceRange: 150_000, referenceRCS: 2, falseAlarmProbability: 1e-6)

    @Test func theReferencePointGivesTheReferenceProbability() {
        // SNR from Pd = Pfa^(1/(1+SNR)): ln 1e-6 / ln 0.9 − 1 = 130.1261 (21.1 dB).
        #expect(abs(model.referenceSNR - 130.1261) < 1e-3)
        #expect(abs(model.psrProbability(range: 150_000, rcs: 2) - 0.9) < 1e-12)
    }

    @Test func snrFallsWithTheFourthPowerOfRange() {
        // Twice the range: 1/16 of the SNR. Sixteen times the cross-section makes it up.
        #expect(abs(model.snr(range: 300_000, rcs: 2) - model.referenceSNR / 16) < 1e-9)
        #expect(abs(model.snr(range: 300_000, rcs: 32) - model.referenceSNR) < 1e-9)
        // A small target far out is seen less often than a large one close in.
        #expect(model.psrProbability(range: 250_000, rcs: 0.5) < 0.5)
        #expect(model.psrProbability(range: 50_000, rcs: 10) > 0.999)
    }

    @Test func poissonCountsHaveTheirMeanAndVariance() {
        var rng = SplitMix64(seed: 9)
        for mean in [0.5, 4.0, 20.0, 80.0] {
            let n = 20_000
            let draws = (0..<n).map { _ in Double(rng.poisson(mean: mean)) }
            let m = draws.reduce(0, +) / Double(n)
            let v = draws.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(n - 1)
            // Standard error of the mean is √(mean/n); allow five of them. Variance within 6 %.
            #expect(abs(m - mean) < 5 * (mean / Double(n)).squareRoot(), "mean \(mean): \(m)")
            #expect(abs(v / mean - 1) < 0.06, "mean \(mean): variance \(v)")
        }
        #expect(rng.poisson(mean: 0) == 0)
    }

    @Test func detectionsFollowTheProbabilityOverManyScans() {
        var rng = SplitMix64(seed: 4)
        let p = model.psrProbability(range: 200_000, rcs: 2)
        let n = 20_000
        let hits = (0..<n).filter { _ in Double.random(in: 0..<1, using: &rng) < p }.count
        #expect(abs(Double(hits) / Double(n) - p) < 5 * (p * (1 - p) / Double(n)).squareRoot())
    }
}
