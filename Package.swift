// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Centinela",
    products: [
        .executable(name: "centinela", targets: ["CentinelaCLI"]),
        .library(name: "Asterix", targets: ["Asterix"]),
        .library(name: "Recording", targets: ["Recording"]),
        .library(name: "Tracking", targets: ["Tracking"]),
        .library(name: "Simulation", targets: ["Simulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Surveillance"),
        .target(name: "Asterix", dependencies: ["Surveillance"]),
        .target(name: "Geodesy", dependencies: ["Surveillance"]),
        .systemLibrary(name: "CZlib"),
        .target(name: "Recording", dependencies: ["Asterix", "CZlib"]),
        .target(name: "Simulation", dependencies: ["Asterix", "Geodesy"]),
        .target(name: "Tracking", dependencies: ["Geodesy"]),
        .target(name: "Evaluation", dependencies: ["Tracking"]),
        .target(name: "Profiling", dependencies: ["Tracking", "Geodesy"]),
        .target(name: "Feeds", dependencies: ["Asterix"]),
        .target(name: "Alerting", dependencies: ["Surveillance"]),
        .target(name: "Pipeline", dependencies: ["Asterix", "Recording", "Tracking", "Profiling", "Alerting"]),
        .executableTarget(
            name: "CentinelaCLI",
            dependencies: [
                "Asterix", "Recording", "Simulation", "Tracking", "Evaluation", "Feeds", "Pipeline", "Profiling", "Alerting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SurveillanceTests", dependencies: ["Surveillance"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"], exclude: ["Fixtures"]),
        .testTarget(name: "AsterixTests", dependencies: ["Asterix", "Recording"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Recording"]),
        .testTarget(name: "TrackingTests", dependencies: ["Tracking", "Simulation"], exclude: ["Fixtures"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"], exclude: ["Fixtures"]),
        .testTarget(name: "ProfilingTests", dependencies: ["Profiling", "Simulation", "Pipeline"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Recording"]),
        .testTarget(name: "AlertingTests", dependencies: ["Alerting"]),
        .testTarget(name: "CentinelaCLITests", dependencies: ["CentinelaCLI", "Asterix", "Recording", "Surveillance"]),
    ]
)
