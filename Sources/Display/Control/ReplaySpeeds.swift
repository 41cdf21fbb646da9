/// The replay speeds `<` and `>` step through, as factors of real time; nil is as fast as possible.
public enum ReplaySpeeds {
    public static let steps: [Double?] = [1, 2, 5, 10, 30, 60, 120, nil]

    /// The next step up or down the list from `current` (a speed between two steps moves to the
    /// neighbouring step; the ends stay).
    public static func next(after current: Double?, faster: Bool) -> Double? {
        let finite = steps.compactMap { $0 }
        guard let current else { return faster ? nil : finite.last }
        if faster { return finite.first { $0 > current } ?? nil }
        return finite.last { $0 < current } ?? finite.first
    }
}
