// swift-tools-version: 6.1
// Benchmarks for Centinela, kept out of the main package so a normal build never pays for
// package-benchmark. Run them with `bash tools/bench.sh` (or, from the repository root,
// `swift package --package-path Benchmarks benchmark`).
import PackageDescription

// The main package is the folder above this one. A path dependency's identity is its folder's
// name, which depends on where the repository was cloned, so work it out instead of writing it.
let mainPath = Context.packageDirectory + "/.."
let mainIdentity = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

let benchmarkTarget = { (name: String, folder: String) -> Target in
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkCorpus",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "Asterix", package: mainIdentity),
            .product(name: "Recording", package: mainIdentity),
        ],
        path: "Benchmarks/\(folder)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "CentinelaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: mainPath),
        // The default traits pull a package that is not mirrored here; ARC metrics crash with
        // this trait, so the benchmarks ask for wall clock, throughput and mallocs only.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Loads the real recordings (or builds synthetic stand-ins) outside the measured code.
        .target(
            name: "BenchmarkCorpus",
            dependencies: [
                .product(name: "Asterix", package: mainIdentity),
                .product(name: "Recording", package: mainIdentity),
            ],
            path: "Sources/BenchmarkCorpus"
        ),
        // Each benchmark target's folder must sit directly inside Benchmarks/Benchmarks/, or the
        // plugin finds nothing and says nothing.
        benchmarkTarget("DecodeBenchmarks", "Decode"),
        benchmarkTarget("ContainerBenchmarks", "Containers"),
        // The tracker's per-plot arithmetic: filters (and association, added by its author).
        // Only the Tracking product, so it builds without the decoders.
        .executableTarget(
            name: "TrackingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Tracking", package: mainIdentity),
                .product(name: "Simulation", package: mainIdentity),
            ],
            path: "Benchmarks/Tracking",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The operator's display: one redraw (render and diff) of a busy picture.
        .executableTarget(
            name: "DisplayBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Display", package: mainIdentity),
            ],
            path: "Benchmarks/Display",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
