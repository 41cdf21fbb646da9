import Testing
import Asterix
import Feeds

/// 2026-05-01T06:12:30.5Z (Python: datetime(2026, 5, 1, 6, 12, 30, 500000, tzinfo=utc).timestamp()).
let may1 = 1_777_615_950.5
/// Its time of day: 6 h 12 min 30.5 s.
let may1TimeOfDay = 6.0 * 3600 + 12 * 60 + 30.5

/// A confirmed Mode S track with every optional value known; tests change what they look at.
func makeTrack(number: UInt16 = 42) -> SystemTrack {
    SystemTrack(
        number: number, time: may1, stage: .confirmed, source: .modeS,
        latitude: 31.3012, longitude: -110.9423, x: -12_345.6, y: 67_890.1, vx: 55.3, vy: -180.7,
        covariance: Covariance2(xx: 120 * 120, xy: -2_500, yy: 80 * 80),
        altitude: 3_048, verticalRate: -5.08, flightLevel: 100.25,
        mode3A: Mode3A(octal: "4215"), address: ModeSAddress(hex: "0D0A1B"), callsign: Callsign("AMX123"),
        manoeuvring: false, firstTime: may1 - 20, updates: 6, lastSensor: SensorID(sac: 12, sic: 34),
        ended: false)
}

/// Every CAT062 record in `bytes` (blocks back to back), typed by our decoder, and the decoder's
/// failures.
func decodeCat062(_ bytes: [UInt8]) -> (records: [Cat062Record], failures: Int) {
    struct Visitor: RecordVisitor {
        var records: [Cat062Record] = []
        var failures = 0
        mutating func record(_ r: RecordView) {
            if let typed = try? Cat062Record(r) { records.append(typed) } else { failures += 1 }
        }
        mutating func failure(_ error: DecodeError) { failures += 1 }
    }
    var decoder = AsterixDecoder()
    var v = Visitor()
    bytes.withUnsafeBytes { _ = decoder.decode($0, into: &v) }
    return (v.records, v.failures)
}

/// The records our encoder writes for `tracks`, as our decoder reads them back.
func roundTrip(_ tracks: [SystemTrack], settings: Cat062TrackSettings = Cat062TrackSettings()) -> [Cat062Record] {
    var encoder = Cat062TrackEncoder(settings: settings)!
    for t in tracks { encoder.append(t) }
    let decoded = decodeCat062(encoder.flush().flatMap { $0 })
    #expect(decoded.failures == 0)
    return decoded.records
}

func close(_ a: Double?, _ b: Double, within tolerance: Double, _ what: String,
           sourceLocation: SourceLocation = #_sourceLocation) {
    guard let a else {
        Issue.record("\(what): absent, expected \(b)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(a - b) <= tolerance, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
}
