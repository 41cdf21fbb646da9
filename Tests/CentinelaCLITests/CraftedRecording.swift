import Asterix
import Foundation
import Recording
import Surveillance

/// A recording made to order for `centinela replay`: frames of CAT034 and CAT048 encoded by the
/// project's own encoders and written by its `PcapWriter`, so a test knows by construction how
/// many plots of each kind the file holds.
///
/// The radar is 50/1 at 31.3 N 110.9 W, 1,200 m, turning in 4 s; its north marker carries its
/// position (I034/120) and period (I034/041), which is how `replay` learns where it is.
struct CraftedRecording {
    static let radar = SensorID(sac: 50, sic: 1)
    static let antenna = (latitude: 31.3, longitude: -110.9, height: 1_200.0)
    static let scanPeriod = 4.0
    /// 2026-05-29T00:00:00Z, UTC seconds since 1970.
    static let midnight = 1_780_012_800.0

    private(set) var pcap = PcapWriter()
    private let cat048 = EditionTable.standard[48]!
    private let cat034 = EditionTable.standard[34]!

    /// One datagram received at `time` (UTC seconds since 1970): the radar's north marker
    /// (unless `northMarker` is false), then the plots as one CAT048 block.
    mutating func frame(at time: Double, plots: [Cat048Record], northMarker: Bool = true) throws {
        var payload: [UInt8] = []
        if northMarker { payload += try Self.northMarker(at: time, cat034: cat034) }
        if !plots.isEmpty { payload += try Self.block(plots, cat048: cat048) }
        try pcap.write(payload, timestamp: time)
    }

    /// `scans` frames of the `aircraft`, one a scan from `start`; `after(k, t, &self)` may add
    /// frames after scan `k` (at `t`).
    mutating func flight(scans: Int, from start: Double,
                         after: (Int, Double, inout CraftedRecording) throws -> Void) throws {
        for k in 0..<scans {
            let t = start + Double(k) * Self.scanPeriod
            try frame(at: t, plots: [Self.aircraft(at: t, seconds: Double(k) * Self.scanPeriod)])
            try after(k, t, &self)
        }
    }

    /// One datagram of raw bytes received at `time`.
    mutating func frame(at time: Double, bytes: [UInt8]) throws {
        try pcap.write(bytes, timestamp: time)
    }

    func write(to path: String) throws {
        try Data(pcap.bytes).write(to: URL(fileURLWithPath: path))
    }

    static func northMarker(at time: Double, cat034: CategorySpec = EditionTable.standard[34]!) throws -> [UInt8] {
        var m = Cat034Record()
        m.dataSource = radar
        m.messageType = .northMarker
        m.timeOfDay = timeOfDay(time)
        m.position = .init(height: antenna.height, latitude: antenna.latitude, longitude: antenna.longitude)
        m.antennaRotationPeriodRaw = UInt16(scanPeriod * 128)
        var w = DataBlockWriter(category: 34)
        try m.encode(into: &w, spec: cat034)
        return w.finish()
    }

    static func block(_ plots: [Cat048Record], cat048: CategorySpec = EditionTable.standard[48]!) throws -> [UInt8] {
        var w = DataBlockWriter(category: 48)
        for p in plots { try p.encode(into: &w, spec: cat048) }
        return w.finish()
    }

    /// A plot at `time` (UTC seconds since 1970): slant range in NM, azimuth in degrees, a Mode C
    /// flight level (an SSR plot) or none (a primary plot).
    static func plot(at time: Double, rangeNM: Double, azimuth: Double, flightLevel: Double? = nil,
                     sensor: SensorID = radar) -> Cat048Record {
        var r = Cat048Record()
        r.sensor = sensor
        r.timeOfDay = timeOfDay(time)
        r.descriptor = TargetReportDescriptor(detection: flightLevel == nil ? .psr : .ssr)
        r.polar = PolarPosition(rangeNM: rangeNM, azimuthDegrees: azimuth)
        r.flightLevel = flightLevel.map { FlightLevelCode(flightLevel: $0) }
        return r
    }

    /// An airliner flying straight out from the radar along 045° at 200 m/s and FL 300: its plot
    /// on the scan at `time`, `seconds` after it was 60 NM out.
    static func aircraft(at time: Double, seconds: Double, flightLevel: Double? = 300) -> Cat048Record {
        plot(at: time, rangeNM: 60 + 200 * seconds / 1_852, azimuth: 45, flightLevel: flightLevel)
    }

    static func timeOfDay(_ time: Double) -> TimeOfDay {
        TimeOfDay(ticks: UInt32((time.truncatingRemainder(dividingBy: 86_400) * 128).rounded()) % TimeOfDay.ticksPerDay)
    }
}

/// `centinela replay`'s summary on stderr, read back: the counts of its first line and of each
/// kind of problem it lists.
struct ReplaySummary {
    var frames = 0, plots = 0, used = 0, started = 0, confirmed = 0, ended = 0, live = 0, updates = 0
    /// Problem lines ("  12 impossible plot(s)") by their words after the count.
    var problems: [String: Int] = [:]

    init(_ stderr: String) throws {
        let head = try Regex(#"replay: (\d+) frame\(s\), (\d+) plot\(s\), (\d+) used, (\d+) track\(s\) started, (\d+) confirmed, (\d+) ended, (\d+) live at the end; (\d+) update\(s\)"#)
        guard let m = stderr.firstMatch(of: head) else { throw SummaryMissing(stderr: stderr) }
        let n = (1...8).map { Int(m.output[$0].substring ?? "") ?? -1 }
        (frames, plots, used, started, confirmed, ended, live, updates) = (n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7])
        let problem = try Regex(#"(?m)^  (\d+) ([^,\n]+)"#)
        for p in stderr.matches(of: problem) {
            if let count = Int(p.output[1].substring ?? ""), let words = p.output[2].substring {
                problems[String(words)] = count
            }
        }
    }

    /// The count of a kind of problem, 0 when the summary does not list it.
    func count(_ words: String) -> Int { problems[words] ?? 0 }

    struct SummaryMissing: Error, CustomStringConvertible {
        var stderr: String
        var description: String { "no replay summary in stderr:\n\(stderr)" }
    }
}
