// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Centinela",
    products: [
        .executable(name: "centinela", targets: ["CentinelaCLI"]),
        .executable(name: "usb-probe", targets: ["USBProbe"]),
        .library(name: "Asterix", targets: ["Asterix"]),
        .library(name: "Recording", targets: ["Recording"]),
        .library(name: "Tracking", targets: ["Tracking"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Display", targets: ["Display"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "Surveillance"),
        .target(name: "Asterix", dependencies: ["Surveillance"]),
        .target(name: "Geodesy", dependencies: ["Surveillance"]),
        .systemLibrary(name: "CZlib"),
        .target(name: "Recording", dependencies: ["Asterix", "CZlib"]),
        .target(name: "Simulation", dependencies: ["Asterix", "Geodesy"]),
        // A cache prefetch (a header), which Swift cannot ask for by itself.
        .systemLibrary(name: "CPrefetch"),
        .target(name: "Tracking", dependencies: ["Geodesy", "CPrefetch"]),
        .target(name: "Evaluation", dependencies: ["Tracking"]),
        .target(name: "Profiling", dependencies: ["Tracking", "Geodesy"]),
        .target(name: "Sockets"),
        .target(name: "Feeds", dependencies: ["Asterix", "Sockets"]),
        .target(name: "Alerting", dependencies: ["Surveillance"]),
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        // recvmmsg, which Swift's Glibc does not declare (see its header).
        .target(name: "CSocketBatch"),
        .target(name: "LiveSources", dependencies: ["Recording", "Sockets", "CLibUSB", "CSocketBatch"]),
        // Streams a USB plot source to stdout: what the umockdev tests run (see the README).
        .executableTarget(name: "USBProbe", dependencies: ["LiveSources"]),
        .target(name: "Store", dependencies: ["Surveillance", .product(name: "GRDB", package: "GRDB.swift"),
                                             .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Display", dependencies: ["Surveillance"]),
        .target(name: "Pipeline", dependencies: ["Asterix", "Recording", "Tracking", "Profiling", "Alerting"]),
        .executableTarget(
            name: "CentinelaCLI",
            dependencies: [
                "Asterix", "Recording", "Simulation", "Tracking", "Evaluation", "Feeds", "Pipeline", "Profiling", "Alerting", "Sockets", "LiveSources", "Store", "Display",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Loopback sockets, tshark and the fake USB plot extractor for the test targets that talk to the outside world.
        .target(name: "TestSupport", dependencies: ["Recording"], path: "Tests/TestSupport"),
        .testTarget(name: "SurveillanceTests", dependencies: ["Surveillance"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"], exclude: ["Fixtures"]),
        .testTarget(name: "AsterixTests", dependencies: ["Asterix", "Recording", "TestSupport"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "TestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Recording"]),
        .testTarget(name: "TrackingTests", dependencies: ["Tracking", "Simulation"], exclude: ["Fixtures"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"], exclude: ["Fixtures"]),
        .testTarget(name: "ProfilingTests", dependencies: ["Profiling", "Alerting", "Simulation", "Pipeline"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Recording", "Sockets", "TestSupport"]),
        .testTarget(name: "AlertingTests", dependencies: ["Alerting"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Recording"]),
        .testTarget(name: "LiveSourcesTests", dependencies: ["LiveSources", "Sockets", "Recording", "USBProbe", "TestSupport"]),
        .testTarget(name: "DisplayTests", dependencies: ["Display"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CentinelaCLITests", dependencies: ["CentinelaCLI", "Asterix", "Recording", "Surveillance", "Pipeline", "Simulation", "Feeds", "Display", "TestSupport"]),
    ]
)
