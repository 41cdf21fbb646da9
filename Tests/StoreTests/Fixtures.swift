import Foundation
import Glibc
import Store
import Surveillance
import Synchronization

/// 2026-05-01T06:12:30.5Z.
let may1 = 1_777_615_950.5

/// A track update with every field set (an identity, an altitude, a covariance) at `time`.
func makeTrack(number: UInt16 = 42, time: Double = may1, firstTime: Double = may1 - 20) -> SystemTrack {
    SystemTrack(
        number: number, time: time, stage: .confirmed, source: .modeS,
        latitude: 31.3012, longitude: -110.9423, x: -12_345.6, y: 67_890.1, vx: 55.3, vy: -180.7,
        covariance: Covariance2(xx: 120 * 120, xy: -2_500, yy: 80 * 80),
        altitude: 3_048, verticalRate: -5.08, flightLevel: 100.25,
        mode3A: Mode3A(item: 0o4215 | 0x2000), address: ModeSAddress(hex: "0D0A1B"), callsign: Callsign("AMX123"),
        manoeuvring: true, firstTime: firstTime, updates: 6, lastSensor: SensorID(sac: 12, sic: 34),
        ended: false)
}

/// An alert on `makeTrack`, with reasons that a naive text column would mangle.
func makeAlert(_ state: Alert.State = .raised, number: UInt16 = 42, time: Double = may1) -> Alert {
    var t = makeTrack(number: number, time: time)
    t.source = .psrOnly
    t.altitude = nil
    t.callsign = nil
    return Alert(id: Alert.id(track: number, raisedTime: may1 - 10), state: state, time: time, raisedTime: may1 - 10,
                 classification: "low-level-border-approach", score: 0.83,
                 reasons: ["PSR-only", "6 km S of border \"heading\" N", "line\nbreak", "[\"json\"]"],
                 acknowledged: state == .acknowledged, track: t)
}

/// A fresh path in the temporary folder; the file and its WAL companions are removed by `remove`.
func temporaryStore(_ name: String) -> String {
    NSTemporaryDirectory() + "centinela-store-\(getpid())-\(UUID().uuidString.prefix(8))-\(name).sqlite"
}

func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}

/// Every alert change stored above `since`.
func storedAlerts(_ file: StoreFile, since: Int = 0, track: UInt16? = nil) throws -> [StoredAlert] {
    var all: [StoredAlert] = []
    try file.forEachAlert(since: since, track: track) { all.append($0) }
    return all
}

/// Collects what a `StoreWriter` reports, from the pipeline's thread and the history's.
final class Messages: Sendable {
    private let said = Mutex<[String]>([])
    var lines: [String] { said.withLock { $0 } }
    func add(_ s: String) { said.withLock { $0.append(s) } }
}
