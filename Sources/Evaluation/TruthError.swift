/// Why a truth file could not be read. Every case that comes from a line names it (1-based), so a
/// person can open the file there.
public enum TruthError: Error, Equatable, CustomStringConvertible {
    /// No samples at all (an empty file, or a header alone).
    case empty
    /// The line is not JSON: truncated, garbled, or not an object.
    case notJSON(line: Int)
    /// A required key is absent.
    case missingField(line: Int, field: String)
    /// A key holds the wrong kind of value (a string for a number, null, …).
    case wrongType(line: Int, field: String)
    /// A number outside what it can be (a latitude of 95°).
    case outOfRange(line: Int, field: String, value: Double)
    /// A second sample for the same flight and second.
    case duplicate(line: Int, flight: String, t: Double)
    /// The header's `start` is not an ISO 8601 UTC time.
    case badStart(line: Int, value: String)
    /// Neither a header nor the caller gave the UTC time of session second 0.
    case noStart

    /// The line the problem is on, when it is on one.
    public var line: Int? {
        switch self {
        case .empty, .noStart: nil
        case .notJSON(let l), .missingField(let l, _), .wrongType(let l, _), .outOfRange(let l, _, _),
             .duplicate(let l, _, _), .badStart(let l, _): l
        }
    }

    public var description: String {
        switch self {
        case .empty: "truth: no samples; a truth file is written by `centinela simulate --truth`"
        case .notJSON(let l): "truth line \(l): not a JSON object (truncated or garbled?)"
        case .missingField(let l, let f): "truth line \(l): key `\(f)` is missing"
        case .wrongType(let l, let f): "truth line \(l): key `\(f)` has the wrong type of value"
        case .outOfRange(let l, let f, let v): "truth line \(l): `\(f)` \(v) is out of range"
        case .duplicate(let l, let id, let t): "truth line \(l): a second sample of \(id) at t = \(t)"
        case .badStart(let l, let v): "truth line \(l): start '\(v)' is not an ISO 8601 UTC time like 2026-05-28T04:30:00Z"
        case .noStart: "truth: the file has no header with `start`; give the UTC start of the session"
        }
    }
}
