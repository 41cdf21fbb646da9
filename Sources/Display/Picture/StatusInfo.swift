/// One input's state for the status line: a live source, or a feed the display client listens to.
public struct SourceStatus: Sendable, Equatable {
    public var name: String
    /// `connected`, `silent`, `lost`, `reconnecting`, `starting`, `stopped`.
    public var state: String
    public var plotsPerSecond: Double
    public var drops: Int
    public var decodeErrors: Int

    public init(name: String, state: String, plotsPerSecond: Double = 0, drops: Int = 0, decodeErrors: Int = 0) {
        self.name = name
        self.state = state
        self.plotsPerSecond = plotsPerSecond
        self.drops = drops
        self.decodeErrors = decodeErrors
    }
}

/// Where a replay is and how fast it goes.
public struct ReplayStatus: Sendable, Equatable {
    /// UTC seconds since 1970 of the last frame replayed.
    public var position: Double?
    /// Factor of real time; nil as fast as possible.
    public var speed: Double?
    public var paused: Bool
    /// The recording has been replayed to its end.
    public var finished: Bool

    public init(position: Double? = nil, speed: Double?, paused: Bool = false, finished: Bool = false) {
        self.position = position
        self.speed = speed
        self.paused = paused
        self.finished = finished
    }
}
