/// Decimal text with a fixed number of places, without Foundation's `String(format:)` (which
/// FoundationEssentials lacks): for tables and summaries people read.
public func fixed(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var frac = String(Int(scaled - Double(whole) * scale))
    frac = String(repeating: "0", count: max(0, places - frac.count)) + frac
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return places == 0 ? sign + String(whole) : sign + String(whole) + "." + frac
}
