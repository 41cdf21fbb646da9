/// Hands out track numbers 1…`highest` and takes them back, reusing a number only after a delay so a
/// consumer never mistakes a new aircraft for the one that last carried the number. Fresh
/// numbers first, then released ones oldest first; nil when every number is live or still
/// resting (the tracker's track limit is far below that).
struct TrackNumbers {
    private var nextFresh: UInt32 = 1
    /// Released numbers with the time they may be reused, oldest first: a ring over `released`.
    private var released: [(number: UInt16, reusableAt: Double)] = []
    private var head = 0
    let reuseDelay: Double
    let highest: UInt16

    init(reuseDelay: Double, highest: UInt16) {
        self.reuseDelay = reuseDelay
        self.highest = max(highest, 1)
    }

    mutating func take(at time: Double) -> UInt16? {
        if nextFresh <= UInt32(highest) {
            defer { nextFresh += 1 }
            return UInt16(nextFresh)
        }
        guard head < released.count, released[head].reusableAt <= time else { return nil }
        defer {
            head += 1
            // Compact now and then so the queue stays as long as the numbers resting in it.
            if head > 1024, head * 2 > released.count {
                released.removeFirst(head)
                head = 0
            }
        }
        return released[head].number
    }

    mutating func release(_ number: UInt16, at time: Double) {
        released.append((number, time + reuseDelay))
    }

    /// The tracker's clock went back by `seconds`: numbers resting keep the rest they had left,
    /// rather than resting hours until the clock again reaches the time they were released.
    mutating func setBack(by seconds: Double) {
        for i in head..<released.count { released[i].reusableAt -= seconds }
    }
}
