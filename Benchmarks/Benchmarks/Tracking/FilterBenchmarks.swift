// Horizontal filters, per plot. Each measured iteration runs one track through exactly 1000
// predict + update cycles (scaling factor .kilo), so every number the plugin prints is per
// predict + update and "throughput" is thousands per second. The plots (a 200 m/s flight with
// turns, 4 s scans, σ 50 m / 0.1° from a radar at the origin) are made before measuring; the
// track restarts from the same state each iteration. The gate benchmark measures
// `mahalanobis2` of a predicted track against 1000 plots, per pair.
//
// The "mallocs per 1000 cycles" twins use scaling factor .one: the plugin rounds scaled malloc
// counts to whole numbers per cycle, which would hide one malloc per pass. Expected: 0.
import Benchmark
import Glibc
import Surveillance
import Tracking

/// 1000 plots of a flight with two 3°/s turns, noise drawn with a fixed-seed generator.
func benchmarkPlots() -> [PositionMeasurement] {
    var seed: UInt64 = 42
    func uniform() -> Double {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (Double(seed >> 11) + 0.5) / 9_007_199_254_740_992
    }
    func gauss(_ sigma: Double) -> Double { sigma * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    var x = -60_000.0, y = 20_000.0, heading = 0.0
    let speed = 200.0, scan = 4.0
    var plots: [PositionMeasurement] = []
    for k in 0..<1000 {
        // A left turn then a right one, every 100 scans, 15 scans each.
        let phase = k % 100
        let rate = phase < 15 ? 3.0 : (50..<65).contains(phase) ? -3.0 : 0
        heading += rate * scan * Double.pi / 180
        x += speed * scan * cos(heading)
        y += speed * scan * sin(heading)
        let r = (x * x + y * y).squareRoot() + gauss(50)
        let a = atan2(x, y) + gauss(0.1 * Double.pi / 180)
        plots.append(PositionMeasurement(x: r * sin(a), y: r * cos(a),
                                         covariance: .polar(range: r, azimuth: a * 180 / Double.pi,
                                                            rangeSigma: 50, azimuthSigma: 0.1)))
    }
    return plots
}

@inline(never)
func run(_ start: IMMFilter, _ plots: [PositionMeasurement]) -> IMMFilter {
    var filter = start
    for m in plots {
        filter.predict(dt: 4)
        filter.update(m)
    }
    return filter
}

@inline(never)
func gate(_ filter: IMMFilter, _ plots: [PositionMeasurement]) -> Int {
    var inside = 0
    for m in plots where filter.mahalanobis2(m) < 9.21 { inside += 1 }
    return inside
}

func filterBenchmarks() {
    let plots = benchmarkPlots()
    var cvSettings = IMMSettings()
    cvSettings.turnModes = false
    let imm = IMMFilter(measurement: plots[0], velocityVariance: 250 * 250)
    let cv = IMMFilter(measurement: plots[0], velocityVariance: 250 * 250, settings: cvSettings)
    var predicted = run(imm, plots)
    predicted.predict(dt: 4)

    let perCycle = Benchmark.Configuration(
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

    Benchmark("IMM predict+update", configuration: perCycle) { _ in blackHole(run(imm, plots)) }
    Benchmark("CV predict+update", configuration: perCycle) { _ in blackHole(run(cv, plots)) }
    Benchmark("IMM gate mahalanobis2 per pair", configuration: perCycle) { _ in blackHole(gate(predicted, plots)) }
    Benchmark("IMM, mallocs per 1000 cycles", configuration: perPass) { _ in blackHole(run(imm, plots)) }
    Benchmark("CV, mallocs per 1000 cycles", configuration: perPass) { _ in blackHole(run(cv, plots)) }
}
