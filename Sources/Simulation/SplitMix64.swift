/// A small seeded generator: the same seed gives the same session, byte for byte, on any machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A normal deviate (Box–Muller).
    public mutating func gaussian(sigma: Double) -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return sigma * (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

// Glibc's log and cos without importing Foundation.
@_silgen_name("log") private func _log(_ x: Double) -> Double
@_silgen_name("cos") private func _cos(_ x: Double) -> Double
