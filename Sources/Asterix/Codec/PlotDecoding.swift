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
}

private struct PlotCollector: RecordVisitor {
    var plots: [Plot] = []
    var result = AsterixDecoder.PlotCounts()

    mutating func record(_ record: RecordView) {
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
