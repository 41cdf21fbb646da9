/// A physical value to the nearest multiple of `lsb`, as a signed integer of `bits` bits,
/// clamped to that range (NaN gives 0). Used by the initializers that take physical units.
@inline(__always)
func quantize(_ value: Double, lsb: Double, bits: Int) -> Int {
    let q = (value / lsb).rounded(.toNearestOrAwayFromZero)
    guard q == q else { return 0 }
    let hi = Double((1 << (bits - 1)) - 1), lo = -Double(1 << (bits - 1))
    return Int(min(max(q, lo), hi))
}

/// As `quantize`, for an unsigned field of `bits` bits.
@inline(__always)
func quantizeUnsigned(_ value: Double, lsb: Double, bits: Int) -> Int {
    let q = (value / lsb).rounded(.toNearestOrAwayFromZero)
    guard q == q else { return 0 }
    return Int(min(max(q, 0), Double((1 << bits) - 1)))
}
