/// A physical value as a count of `lsb`, rounded to the nearest as the Asterix quantizers do, or
/// nil when it is not finite or falls outside `range` (in LSBs: the range the item's definition
/// allows). An out-of-range value is left out of the record rather than clamped or wrapped: a
/// consumer then sees "not known" instead of a wrong number.
@inline(__always)
func lsbCount(_ value: Double, lsb: Double, range: ClosedRange<Int>) -> Int? {
    let q = (value / lsb).rounded(.toNearestOrAwayFromZero)
    guard q.isFinite, q >= Double(range.lowerBound), q <= Double(range.upperBound) else { return nil }
    return Int(q)
}
