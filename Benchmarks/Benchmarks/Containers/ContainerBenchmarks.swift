// Container reading, per frame: each measured iteration opens an in-memory recording of exactly
// 1000 frames and reads them all (scaling factor .kilo), so the numbers are per frame and
// "throughput" is thousands of frames per second. The recordings are the real pcap and GPS
// files' frames repeated (see BenchmarkCorpus); no ASTERIX decoding is included.
import Benchmark
import BenchmarkCorpus
import Recording

@inline(__always)
func readAll(_ container: Corpus.Container) -> (frames: Int, bytes: Int) {
    var frames = 0, bytes = 0
    do {
        var reader = try RecordingFile.reader(bytes: container.bytes, format: container.format)
        while let frame = try reader.next() {
            frames += 1
            bytes += frame.payload.count
        }
    } catch {
        fatalError("benchmark recording does not read: \(error)")
    }
    return (frames, bytes)
}

let benchmarks: @Sendable () -> Void = {
    let pcap = Corpus.pcap(frames: 1000)
    let gps = Corpus.gps(frames: 1000)
    for c in [pcap, gps] {
        let (frames, bytes) = readAll(c)
        precondition(frames == c.frames, "\(c.format) benchmark recording gave \(frames) frames, not \(c.frames)")
        print("\(c.format) corpus: \(c.origin); \(c.frames) frames, \(bytes) payload bytes, \(c.bytes.count) bytes in all")
    }

    let perFrame = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )
    let perPass = Benchmark.Configuration(
        metrics: [.mallocCountTotal],
        warmupIterations: 10,
        scalingFactor: .one,
        maxDuration: .seconds(1),
        maxIterations: 1_000
    )

    Benchmark("pcap frames", configuration: perFrame) { _ in blackHole(readAll(pcap)) }
    Benchmark("GPS frames", configuration: perFrame) { _ in blackHole(readAll(gps)) }
    Benchmark("pcap, mallocs per 1000-frame file", configuration: perPass) { _ in blackHole(readAll(pcap)) }
    Benchmark("GPS, mallocs per 1000-frame file", configuration: perPass) { _ in blackHole(readAll(gps)) }
}
