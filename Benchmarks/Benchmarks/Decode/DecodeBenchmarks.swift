// CAT048 decoding, per record. Each measured iteration decodes one buffer of exactly 1000 real
// CAT048 records (scaling factor .kilo), so every number the plugin prints is per record and
// "throughput" is thousands of records per second. The buffers alternate, so all the records of
// the corpus are decoded (see BenchmarkCorpus).
//
// The "mallocs per 1000-record pass" twins use scaling factor .one: the plugin rounds scaled
// malloc counts to whole numbers per record, which would hide one malloc per pass.
import Asterix
import Benchmark
import BenchmarkCorpus

/// The tracker's path: scanner → typed CAT048 → Plot.
struct PlotVisitor: RecordVisitor {
    var plots = 0
    var notPlots = 0
    var rangeSum = 0.0
    var failures = 0

    mutating func record(_ r: RecordView) {
        guard r.spec.category == 48 else { return }
        if let plot = Plot(Cat048Record(r)) {
            plots += 1
            rangeSum += plot.range
        } else {
            notPlots += 1
        }
    }

    mutating func failure(_ e: DecodeError) { failures += 1 }
}

/// The generic path: every item decoded by its definition into `ItemValue`s.
struct ValuesVisitor: RecordVisitor {
    var items = 0
    var failures = 0

    mutating func record(_ r: RecordView) {
        do {
            items += try r.values().count
        } catch {
            failures += 1
        }
    }

    mutating func failure(_ e: DecodeError) { failures += 1 }
}

/// The scanner alone (FSPEC and item sizes), the floor under both.
struct ScanVisitor: RecordVisitor {
    var records = 0
    var bytes = 0
    var failures = 0

    mutating func record(_ r: RecordView) {
        records += 1
        bytes += r.range.count
    }

    mutating func failure(_ e: DecodeError) { failures += 1 }
}

/// The decoder is made once and reused, as a live feed would: its item table is the only thing
/// it allocates, and that happens here, outside the measurement.
final class DecoderBox: @unchecked Sendable {
    var decoder = AsterixDecoder(editions: .standard)
}

@inline(__always)
func run<V: RecordVisitor>(_ visitor: inout V, pass: [UInt8], on box: DecoderBox) {
    pass.withUnsafeBytes { bytes in
        _ = box.decoder.decode(bytes, into: &visitor)
    }
}

let benchmarks: @Sendable () -> Void = {
    let corpus = Corpus.cat048Passes(recordsPerPass: 1000)
    let passes = corpus.passes
    let box = DecoderBox()

    // Once, outside any measurement: what the corpus is, and that the typed path finds plots.
    var check = PlotVisitor()
    for pass in passes { run(&check, pass: pass, on: box) }
    print("CAT048 corpus: \(corpus.origin); \(corpus.distinctRecords) records in \(corpus.originalBlocks) blocks, "
        + "decoded as \(passes.count) buffers of \(corpus.recordsPerPass) records (\(check.plots) plots, "
        + "\(check.notPlots) records that are not plots)")

    let perRecord = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
    let perPass = Benchmark.Configuration(
        metrics: [.mallocCountTotal],
        warmupIterations: 10,
        scalingFactor: .one,
        maxDuration: .seconds(1),
        maxIterations: 1_000
    )

    // The tracker's entry point; the plot array is reused, as a live feed would.
    var plots: [Plot] = []
    plots.reserveCapacity(1000)
    func typed(_ benchmark: Benchmark) {
        plots.removeAll(keepingCapacity: true)
        passes[benchmark.currentIteration % passes.count].withUnsafeBytes { bytes in
            blackHole(box.decoder.decodePlots(bytes, into: &plots).notPlots)
        }
        blackHole(plots.count)
    }
    func generic(_ benchmark: Benchmark) {
        var v = ValuesVisitor()
        run(&v, pass: passes[benchmark.currentIteration % passes.count], on: box)
        blackHole(v.items)
        blackHole(v.failures)
    }
    func scan(_ benchmark: Benchmark) {
        var v = ScanVisitor()
        run(&v, pass: passes[benchmark.currentIteration % passes.count], on: box)
        blackHole(v.bytes)
        blackHole(v.failures)
    }

    Benchmark("CAT048 typed: decode → Cat048Record → Plot", configuration: perRecord) { typed($0) }
    Benchmark("CAT048 generic: decode → values()", configuration: perRecord) { generic($0) }
    Benchmark("CAT048 scan only: decode, no item values", configuration: perRecord) { scan($0) }
    Benchmark("CAT048 typed, mallocs per 1000-record pass", configuration: perPass) { typed($0) }
    Benchmark("CAT048 generic, mallocs per 1000-record pass", configuration: perPass) { generic($0) }
}
