import Foundation
import TestSupport

/// Runs `usb-probe` against the fake plot extractor of `shared/usb` under umockdev, which answers
/// libusb's ioctls from the device description and replays a usbmon capture (see
/// `shared/usb/README.md`).
enum FakeRadar {
    /// SwiftPM builds the probe beside the test bundle.
    static let probe: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("usb-probe").path
    }()

    struct Run {
        var status: Int32
        /// The probe's `state:` lines, in order.
        var states: [String]
        /// What it wrote on stderr, line by line: the source's log.
        var log: [String]
        var ended: String
        var counters: [String: Int]
        /// The blocks it received, back to back (its `--out` file).
        var blocks: [UInt8]
    }

    /// Replays `capture` (nil: the device only, no stream) to `usb-probe ARGUMENTS`. The probe is
    /// bounded by its own `--seconds`, and killed by `timeout` 60 s later should it hang.
    static func run(capture: [UInt8]?, _ arguments: [String]) throws -> Run {
        let folder = NSTemporaryDirectory() + "centinela-usb-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/blocks.raw"
        var pcap: String?
        if let capture {
            pcap = folder + "/stream.pcap"
            try Data(capture).write(to: URL(fileURLWithPath: pcap!))
        }
        let umockdev = FakeRadarDevice.umockdev(capture: pcap)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60"] + umockdev + ["--", probe, "--out", out] + arguments
        // Files rather than pipes: neither stream can fill up and stall the probe.
        let stdout = folder + "/stdout", stderr = folder + "/stderr"
        for path in [stdout, stderr] { try Data().write(to: URL(fileURLWithPath: path)) }
        process.standardOutput = FileHandle(forWritingAtPath: stdout)
        process.standardError = FileHandle(forWritingAtPath: stderr)
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: stdout, encoding: .utf8)
        let log = try String(contentsOfFile: stderr, encoding: .utf8)

        var run = Run(status: process.terminationStatus, states: [], log: log.split(separator: "\n").map(String.init),
                      ended: "", counters: [:], blocks: [])
        for line in text.split(separator: "\n") {
            if line.hasPrefix("state: ") { run.states.append(String(line.dropFirst(7))) }
            if line.hasPrefix("ended: ") { run.ended = String(line.dropFirst(7)) }
            if line.hasPrefix("counters: ") {
                for pair in line.dropFirst(10).split(separator: " ") {
                    let kv = pair.split(separator: "=")
                    run.counters[String(kv[0])] = Int(kv[1])
                }
            }
        }
        run.blocks = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))) ?? []
        return run
    }
}
