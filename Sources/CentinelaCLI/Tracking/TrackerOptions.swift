import ArgumentParser
import FoundationEssentials
import Surveillance
import Tracking

/// Tracker choices shared by the commands that track (`replay`, `evaluate`).
struct TrackerOptions: ParsableArguments {
    @Option(help: "Horizontal filter: imm (constant velocity and two coordinated turns) or cv (constant velocity alone).")
    var filter: String = "imm"

    @Option(name: .customLong("noise"), help: ArgumentHelp(
        "A radar's plot noise, one σ: slant range in metres and azimuth in degrees (repeatable); radars not given use 70 m and 0.1°.",
        valueName: "SAC/SIC=RANGE_M,AZIMUTH_DEG"))
    var noise: [String] = []

    @Option(help: "Date (UTC, YYYY-MM-DD) for recordings whose frames carry only a time of day (GPS recorder, final format).")
    var date: String?

    func validate() throws {
        guard filter == "imm" || filter == "cv" else {
            throw ValidationError("unknown filter '\(filter)': use imm or cv")
        }
        _ = try sensors()
        if let date, Self.midnight(of: date) == nil {
            throw ValidationError("--date takes YYYY-MM-DD, e.g. 2026-05-28; got '\(date)'")
        }
    }

    var settings: TrackerSettings {
        get throws {
            var s = TrackerSettings()
            s.filter.turnModes = filter == "imm"
            s.sensors = try sensors()
            return s
        }
    }

    /// The radars given with `--noise`; their positions still come from their CAT034.
    func sensors() throws -> [SensorSettings] {
        try noise.map { text in
            let parts = text.split(separator: "=")
            let ids = parts.first?.split(separator: "/") ?? []
            let values = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Double($0) } : []
            guard parts.count == 2, ids.count == 2, let sac = UInt8(ids[0]), let sic = UInt8(ids[1]),
                  values.count == 2, values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw ValidationError("--noise takes SAC/SIC=RANGE_M,AZIMUTH_DEG with positive numbers, e.g. 50/1=116,0.18; got '\(text)'")
            }
            return SensorSettings(sensor: SensorID(sac: sac, sic: sic), rangeSigma: values[0], azimuthSigma: values[1])
        }
    }

    /// UTC seconds since 1970 of the date's midnight.
    var midnight: Double? { date.flatMap(Self.midnight(of:)) }

    static func midnight(of text: String) -> Double? {
        guard text.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) else { return nil }
        return date.timeIntervalSince1970
    }
}
