extension AsterixDecoder {
    /// What `decodePlots` found besides plots.
    public struct PlotCounts: Sendable, Equatable {
        public var counts = Counts()
        /// CAT048 records that are not plots (no detection, or no position).
        public var notPlots = 0
        /// The last failure, if any (the counts say how many there were).
        public var lastFailure: DecodeError?
        public init() {}
    }

    /// The tracker's path: appends the plot of every CAT048 target report in `bytes` to `plots`.
    /// Records of other categories are decoded and counted but give no plot. Defined here, beside
    /// the decoder, so the visitor is specialized with it: measurably faster than a visitor in
    /// another module.
    public mutating func decodePlots(_ bytes: UnsafeRawBufferPointer, into plots: inout [Plot]) -> PlotCounts {
        var visitor = PlotCollector()
        swap(&visitor.plots, &plots)
        let counts = decode(bytes, into: &visitor)
        swap(&visitor.plots, &plots)
        visitor.result.counts = counts
        return visitor.result
    }

    /// The tracker's path with its radars: `decodePlots`, and every CAT034 service message
    /// (which carries the radar's position, I034/120, and rotation period, I034/041) appended to
    /// `services`. A CAT034 record that does not decode is counted in `notPlots`.
    public mutating func decodePlots(_ bytes: UnsafeRawBufferPointer, into plots: inout [Plot],
                                     services: inout [Cat034Record]) -> PlotCounts {
        var visitor = PlotCollector()
        visitor.collectsServices = true
        swap(&visitor.plots, &plots)
        swap(&visitor.services, &services)
        let counts = decode(bytes, into: &visitor)
        swap(&visitor.plots, &plots)
        swap(&visitor.services, &services)
        visitor.result.counts = counts
        return visitor.result
    }
}

private struct PlotCollector: RecordVisitor {
    var plots: [Plot] = []
    var services: [Cat034Record] = []
    var collectsServices = false
    var result = AsterixDecoder.PlotCounts()

    mutating func record(_ record: RecordView) {
        if collectsServices, record.spec.category == Cat034Record.category {
            if let service = try? Cat034Record(record) {
                services.append(service)
            } else {
                result.notPlots += 1
            }
            return
        }
        guard record.spec.category == 48 else { return }
        if let plot = Plot(Cat048Record(record)) {
            plots.append(plot)
        } else {
            result.notPlots += 1
        }
    }

    mutating func failure(_ error: DecodeError) {
        if error.reason != .unsupportedCategory { result.lastFailure = error }
    }
}
