import Glibc

/// Whether a radar sees a target in one scan. Primary radar: the signal-to-noise ratio falls with
/// the fourth power of range and grows with the radar cross-section; a Swerling I target then
/// gives Pd = Pfa^(1/(1+SNR)). Secondary radar: a transponder either replies or not, with a fixed
/// probability. Both anchored on numbers a radar's data sheet gives.
public struct DetectionModel: Sendable, Equatable {
    /// The PSR's detection probability for a target of `referenceRCS` at `referenceRange`.
    public var referenceProbability: Double
    public var referenceRange: Double
    /// m².
    public var referenceRCS: Double
    public var falseAlarmProbability: Double
    /// Probability that a working transponder's reply is decoded in a scan.
    public var ssrProbability: Double

    public init(referenceProbability: Double = 0.9, referenceRange: Double = 150_000, referenceRCS: Double = 2,
                falseAlarmProbability: Double = 1e-6, ssrProbability: Double = 0.98) {
        self.referenceProbability = referenceProbability
        self.referenceRange = referenceRange
        self.referenceRCS = referenceRCS
        self.falseAlarmProbability = falseAlarmProbability
        self.ssrProbability = ssrProbability
    }

    /// The SNR (linear) at the reference point, from Pd = Pfa^(1/(1+SNR)).
    public var referenceSNR: Double {
        log(falseAlarmProbability) / log(referenceProbability) - 1
    }

    /// Signal-to-noise ratio (linear) of a target of `rcs` m² at `range` metres.
    public func snr(range: Double, rcs: Double) -> Double {
        let r = referenceRange / max(range, 1)
        return referenceSNR * (rcs / referenceRCS) * r * r * r * r
    }

    /// The PSR's probability of detecting that target in one scan.
    public func psrProbability(range: Double, rcs: Double) -> Double {
        pow(falseAlarmProbability, 1 / (1 + snr(range: range, rcs: rcs)))
    }
}

extension SplitMix64 {
    /// A Poisson count of mean `mean` (Knuth's method below 30; a rounded normal above, where it is
    /// close enough for false plots and keeps the cost bounded).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean >= 30 {
            return max(0, Int((mean + gaussian(sigma: mean.squareRoot())).rounded()))
        }
        let limit = exp(-mean)
        var k = 0
        var p = Double.random(in: 0..<1, using: &self)
        while p > limit {
            k += 1
            p *= Double.random(in: 0..<1, using: &self)
        }
        return k
    }
}
