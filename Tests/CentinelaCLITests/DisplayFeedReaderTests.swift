@testable import CentinelaCLI
import Asterix
import Display
import Feeds
import Surveillance
import Testing

/// The `display` client reads what a tracker's feeds send: our own CAT062 and JSON-lines writers
/// produce the datagrams, so what the client shows must be what the tracker meant.
@Suite struct DisplayFeedReaderTests {
    static let may1 = 1_777_593_600.0 + 3_600.5  // 2026-05-01T01:00:00.5Z

    static func track(_ number: UInt16, stage: SystemTrack.Stage, source: SystemTrack.Source, ended: Bool = false) -> SystemTrack {
        SystemTrack(number: number, time: may1, stage: stage, source: source, latitude: 31.3012, longitude: -110.9423,
                    x: 0, y: 0, vx: 30, vy: 40, covariance: Covariance2(xx: 100, xy: 0, yy: 100),
                    altitude: source == .psrOnly ? nil : 3_048, verticalRate: 0, flightLevel: source == .psrOnly ? nil : 100.25,
                    mode3A: source == .psrOnly ? nil : Mode3A(octal: "7600"), address: source == .modeS ? ModeSAddress(hex: "0D0A1B") : nil,
                    callsign: source == .modeS ? Callsign("AMX123") : nil, manoeuvring: false, firstTime: may1 - 60,
                    updates: 9, lastSensor: SensorID(sac: 50, sic: 1), ended: ended)
    }

    static func cat062(_ tracks: [SystemTrack], suspect: (UInt16) -> Alert? = { _ in nil }) throws -> [[UInt8]] {
        var encoder = try #require(Cat062TrackEncoder())
        for t in tracks {
            var r = Cat062Record(track: t, settings: Cat062TrackSettings())
            if let a = suspect(t.number) { r.markSuspect(a) }
            encoder.append(r)
        }
        return encoder.flush()
    }

    static func alert(_ state: Alert.State, track: SystemTrack, acknowledged: Bool = false) -> Alert {
        Alert(id: Alert.id(track: track.number, raisedTime: may1 - 8), state: state, time: may1, raisedTime: may1 - 8,
              classification: "transponder-off", score: 0.87, reasons: ["PSR-only", "night"], acknowledged: acknowledged, track: track)
    }

    @Test func cat062TracksComeBackAsTheTrackerSentThem() throws {
        let psr = Self.track(5, stage: .coasting, source: .psrOnly)
        let ssr = Self.track(6, stage: .tentative, source: .ssr)
        let modeS = Self.track(7, stage: .confirmed, source: .modeS, ended: true)
        let suspect = Self.alert(.raised, track: psr)
        var reader = TrackFeedReader()
        var shown: [DisplayTrack] = []
        for d in try Self.cat062([psr, ssr, modeS], suspect: { $0 == 5 ? suspect : nil }) {
            reader.read(d, received: Self.may1 + 0.3, into: &shown)
        }
        #expect(reader.errors == 0 && reader.records == 3)
        #expect(shown.map(\.number) == [5, 6, 7])
        #expect(shown.map(\.stage) == [.coasting, .tentative, .confirmed])
        #expect(shown.map(\.source) == [.psrOnly, .ssr, .modeS])
        #expect(shown.map(\.ended) == [false, false, true])
        // I062/070 is 1/128 s, I062/105 180/2^25 degrees: within half a step of what was sent.
        for t in shown {
            #expect(abs(t.time - Self.may1) <= 1.0 / 256)
            #expect(abs(t.latitude - 31.3012) < 3e-6 && abs(t.longitude - -110.9423) < 3e-6)
            // (30, 40) m/s: 50 m/s at 36.87° (atan 3/4).
            #expect(abs(t.groundSpeed - 50) < 0.2 && abs(t.heading - 36.8699) < 0.3)
        }
        #expect(shown[0].score == 0.87, "the SP mark gives the suspect's score")
        #expect(shown[1].score == nil && shown[2].score == nil)
        #expect(shown[0].flightLevel == nil && shown[1].flightLevel == 100.25)
        #expect(shown[1].mode3A?.code == 0o7600)
        #expect(shown[2].callsign == Callsign("AMX123") && shown[2].address == ModeSAddress(hex: "0D0A1B"))
        // 3,048 m is 10,000 ft, sent in 6.25 ft steps.
        #expect(abs((shown[2].altitude ?? 0) - 3_048) < 1)
    }

    @Test func unreadableTrackDatagramsAreCountedAndTheRestIsRead() throws {
        let good = try Self.cat062([Self.track(9, stage: .confirmed, source: .ssr)])[0]
        var reader = TrackFeedReader()
        var shown: [DisplayTrack] = []
        reader.read(Array(good.prefix(good.count - 3)), received: Self.may1, into: &shown)  // truncated
        reader.read([0xFF, 0xFF], received: Self.may1, into: &shown)                      // garbage
        reader.read([], received: Self.may1, into: &shown)
        var noPosition = Cat062Record(track: Self.track(10, stage: .confirmed, source: .ssr), settings: Cat062TrackSettings())
        noPosition.wgs84 = nil
        var encoder = try #require(Cat062TrackEncoder())
        encoder.append(noPosition)
        for d in encoder.flush() { reader.read(d, received: Self.may1, into: &shown) }
        reader.read(good, received: Self.may1, into: &shown)
        #expect(shown.map(\.number) == [9])
        #expect(reader.errors >= 3, "truncated, garbage and a track with no position: \(reader.errors)")
    }

    @Test func alertLinesComeBackAndLostDatagramsAreCounted() throws {
        let t = Self.track(5, stage: .confirmed, source: .psrOnly)
        var reader = AlertFeedReader()
        func line(_ body: (inout [UInt8]) -> Void) -> [UInt8] {
            var out: [UInt8] = []
            body(&out)
            return out
        }
        let raised = line { AlertJSON.append(Self.alert(.raised, track: t), sequence: 1, alertSeq: 11, to: &$0) }
        let read = reader.read(raised)
        let shown = try #require(read)
        #expect(shown == DisplayAlert(Self.alert(.raised, track: t)))
        #expect(reader.lastAlertSeq == 11)
        // seq 2 and 3 never arrive.
        let heartbeat = line { AlertJSON.appendHeartbeat(time: Self.may1 + 5, sequence: 4, activeAlerts: 1, lastAlertSeq: 12, interval: 5, to: &$0) }
        #expect(reader.read(heartbeat) == nil)
        #expect(reader.missed == 2 && reader.heartbeats == 1)
        let acked = line { AlertJSON.append(Self.alert(.acknowledged, track: t, acknowledged: true), sequence: 5, alertSeq: 13, to: &$0) }
        #expect(reader.read(acked)?.acknowledged == true)
        // The tracker started again: numbering from 1 is not a loss.
        _ = reader.read(line { AlertJSON.appendHeartbeat(time: Self.may1 + 9, sequence: 1, activeAlerts: 0, lastAlertSeq: nil, interval: 5, to: &$0) })
        #expect(reader.missed == 2 && reader.malformed == 0)
    }

    @Test func hostileAlertDatagramsAreCountedNotShown() throws {
        var reader = AlertFeedReader()
        let hostile: [String] = [
            "", "not json", "[1,2]", "{\"type\":\"alert\"}",
            "{\"type\":\"alert\",\"version\":2,\"seq\":1}",
            "{\"type\":\"alert\",\"version\":1,\"seq\":2,\"id\":\"x\",\"state\":\"exploded\",\"t\":1,\"raised_t\":1,\"track\":1,\"class\":\"c\",\"score\":1,\"reasons\":[],\"acknowledged\":false}",
            "{\"type\":\"alert\",\"version\":1,\"seq\":3,\"id\":\"x\",\"state\":\"raised\",\"t\":1,\"raised_t\":1,\"track\":70000,\"class\":\"c\",\"score\":1,\"reasons\":[],\"acknowledged\":false}",
            "{\"type\":\"alert\",\"version\":1,\"seq\":4,\"id\":\"x\",\"state\":\"raised\",\"t\":1,\"raised_t\":1,\"track\":1,\"class\":\"c\",\"score\":1,\"reasons\":\"PSR\",\"acknowledged\":false}",
            "{\"type\":\"gossip\",\"version\":1,\"seq\":5}",
        ]
        for h in hostile { #expect(reader.read(Array(h.utf8)) == nil, "\(h)") }
        #expect(reader.malformed == hostile.count && reader.alerts == 0)
    }
}
