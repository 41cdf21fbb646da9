// The tracker's per-plot arithmetic. Each area registers its benchmarks from its own file;
// package-benchmark wants one `benchmarks` closure per target, so it lives here and calls them.
import Benchmark

let benchmarks: @Sendable () -> Void = {
    filterBenchmarks()
    assignmentBenchmarks()
    trackerBenchmarks()
}
