import Alerting
import Surveillance
import Testing

/// 2026-05-01T06:12:30.5Z.
private let may1 = 1_777_615_950.5

/// Update `k` (one every 5 s) of track `number`, first seen at `may1`.
private func update(_ k: Int, number: UInt16 = 42, ended: Bool = false) -> SystemTrack {
    SystemTrack(number: number, time: may1 + Double(k) * 5, stage: .confirmed, source: .psrOnly,
                latitude: 31.3, longitude: -110.9, x: 0, y: Double(k) * 300, vx: 0, vy: 60,
                covariance: Covariance2(xx: 100, xy: 0, yy: 100), altitude: 450, verticalRate: 0,
                flightLevel: nil, mode3A: nil, address: nil, callsign: nil, manoeuvring: false,
                firstTime: may1, updates: UInt32(k + 1), lastSensor: SensorID(sac: 1, sic: 2), ended: ended)
}

/// Runs `scores` (one update each, 5 s apart) through a lifecycle; the alerts each update caused.
private func run(_ scores: [Double], settings: AlertSettings = AlertSettings(),
                 classes: [String]? = nil, endAt: Int? = nil) throws -> [[Alert]] {
    var lifecycle = try #require(AlertLifecycle(settings: settings))
    return scores.enumerated().map { k, score in
        var out: [Alert] = []
        lifecycle.update(update(k, ended: k == endAt), score: score, classification: classes?[k] ?? "transponder-off",
                         reasons: ["PSR-only"], into: &out)
        return out
    }
}

private func states(_ alerts: [[Alert]]) -> [String] {
    alerts.map { $0.map { "\($0.state)" }.joined(separator: "+") }
}

@Suite("Alert lifecycle")
struct AlertLifecycleTests {
    @Test("every track number can raise an alert, the highest included, and both are active")
    func anyTrackNumber() throws {
        var lifecycle = try #require(AlertLifecycle(settings: AlertSettings()))
        var out: [Alert] = []
        for k in 0..<3 {
            for number: UInt16 in [7, 65_535] {
                lifecycle.update(update(k, number: number), score: 0.9, classification: "transponder-off",
                                 reasons: ["PSR-only"], into: &out)
            }
        }
        #expect(out.map(\.track.number) == [7, 65_535] && out.allSatisfy { $0.state == .raised })
        #expect(lifecycle.active.map(\.track.number) == [7, 65_535] && lifecycle.activeCount == 2)
    }

    @Test("raised after K consecutive updates at or above the raise score, not before")
    func raiseAfterK() throws {
        let out = try run([0.9, 0.9, 0.7, 0.9, 0.9, 0.9, 0.9])
        #expect(states(out) == ["", "", "", "", "", "raised", ""])
        let a = try #require(out[5].first)
        #expect(a.id == "42-\(Int64((may1 + 25) * 1000))" && a.raisedTime == may1 + 25 && a.time == a.raisedTime)
        #expect(a.track.number == 42 && a.score == 0.9 && a.reasons == ["PSR-only"] && !a.acknowledged)
    }

    @Test("hysteresis: a score wobbling between the thresholds neither clears nor raises again")
    func noFlapping() throws {
        let wobble = [0.9, 0.9, 0.9] + Array(repeating: [0.65, 0.82], count: 10).flatMap { $0 }
        let out = try run(wobble + [0.5, 0.65, 0.82, 0.65, 0.82])
        let sequence = states(out).filter { !$0.isEmpty }
        // 0.65 and 0.82 differ by more than scoreChange, so rate-limited updates come; what must
        // not happen is a clear before the score drops below 0.6, or a second raise.
        let clearAt = try #require(out.firstIndex { $0.contains { $0.state == .cleared } })
        #expect(clearAt == wobble.count)
        #expect(sequence.first == "raised" && sequence.filter { $0 == "raised" }.count == 1)
        #expect(sequence.last == "cleared", "0.65/0.82 after the clear never holds above 0.8 for 3 updates")
    }

    @Test("material changes are rate-limited to one per minimum interval; nothing else is sent")
    func rateLimit() throws {
        var settings = AlertSettings()
        settings.minUpdateInterval = 12  // updates come every 5 s
        settings.refreshInterval = 1_000
        // The class flickers six times; each is compared with the last state sent, so "b" at 3
        // waits until 5 (15 s after the raise), "a" at 6 until 8, and "b" at 7 is no change then.
        let classes = ["a", "a", "a", "b", "a", "b", "a", "b", "a", "a", "a", "a"]
        let out = try run(Array(repeating: 0.8, count: classes.count), settings: settings, classes: classes)
        #expect(states(out) == ["", "", "raised", "", "", "updated", "", "", "updated", "", "", ""])
        #expect(out[5].first?.classification == "b" && out[8].first?.classification == "a")
    }

    @Test("a steady alert is refreshed every refresh interval")
    func refresh() throws {
        var settings = AlertSettings()
        settings.refreshInterval = 20
        let out = try run(Array(repeating: 0.8, count: 12), settings: settings)
        #expect(states(out) == ["", "", "raised", "", "", "", "updated", "", "", "", "updated", ""])
    }

    @Test("score moves beyond the setting are material; smaller ones are not")
    func scoreChange() throws {
        let out = try run([0.8, 0.8, 0.8, 0.85, 0.89, 0.95, 0.97, 0.99])
        // Raised at 0.8 (k = 2); 0.85 and 0.89 are within 0.1 of it; 0.95 is not, and comes 15 s
        // after the raise: sent. 0.97 and 0.99 are within 0.1 of 0.95.
        #expect(states(out) == ["", "", "raised", "", "", "updated", "", ""])
        #expect(out[5].first?.score == 0.95)
    }

    @Test("the track's end clears its alert; a high score on a track's last update raises and clears at once")
    func clearOnTrackEnd() throws {
        let out = try run([0.9, 0.9, 0.9, 0.9, 0.9], endAt: 4)
        #expect(states(out) == ["", "", "raised", "", "cleared"])
        #expect(out[4].first?.track.ended == true && out[4].first?.id == out[2].first?.id)
        // Lost heading into a strip: no later update can confirm it, so one verdict raises.
        let lost = try run([0.5, 0.9], endAt: 1)
        #expect(states(lost) == ["", "raised+cleared"])
        #expect(lost[1].map(\.id) == [lost[1][0].id, lost[1][0].id] && lost[1].allSatisfy { $0.track.ended })
        #expect(states(try run([0.9, 0.9, 0.9], endAt: 2)) == ["", "", "raised+cleared"])
        #expect(states(try run([0.9, 0.5], endAt: 1)) == ["", ""])
    }

    @Test("a reused track number clears the old track's alert and starts afresh")
    func reusedNumber() throws {
        var lifecycle = try #require(AlertLifecycle())
        var out: [Alert] = []
        for k in 0..<3 { lifecycle.update(update(k), score: 0.9, classification: "c", reasons: [], into: &out) }
        var reborn = update(100)
        reborn.firstTime = reborn.time
        lifecycle.update(reborn, score: 0.9, classification: "c", reasons: [], into: &out)
        #expect(out.map(\.state) == [.raised, .cleared])
        #expect(out[1].track.ended && out[1].time == reborn.time)
        #expect(lifecycle.active.isEmpty)
    }

    @Test("acknowledge: once, only an active alert; later updates carry it; a clear ends it")
    func acknowledge() throws {
        var lifecycle = try #require(AlertLifecycle())
        var out: [Alert] = []
        for k in 0..<3 { lifecycle.update(update(k), score: 0.9, classification: "c", reasons: [], into: &out) }
        let id = try #require(out.first?.id)
        let unknown = lifecycle.acknowledge(id: "7-0", at: may1 + 11)
        let first = lifecycle.acknowledge(id: id, at: may1 + 11)
        let again = lifecycle.acknowledge(id: id, at: may1 + 12)
        #expect(unknown == nil && again == nil)
        let ack = try #require(first)
        #expect(ack.state == .acknowledged && ack.acknowledged && ack.id == id && ack.time == may1 + 11)
        out = []
        for k in 3..<12 { lifecycle.update(update(k), score: 0.9, classification: "c", reasons: [], into: &out) }
        #expect(!out.isEmpty && out.allSatisfy { $0.state == .updated && $0.acknowledged })
        lifecycle.update(update(12), score: 0.1, classification: "c", reasons: [], into: &out)
        #expect(out.last?.state == .cleared && lifecycle.active.isEmpty)
        let afterClear = lifecycle.acknowledge(id: id, at: may1 + 70)
        #expect(afterClear == nil)
    }

    @Test("deterministic: the same updates give the same alerts")
    func deterministic() throws {
        // A score rising and falling through both thresholds: 0.45 … 0.95, period 40 updates.
        let scores: [Double] = (0..<200).map { k in
            let phase = Double(abs(k % 40 - 20)) / 20
            return 0.45 + 0.5 * phase
        }
        let a = try run(scores), b = try run(scores)
        #expect(a == b && a.contains { !$0.isEmpty })
    }

    @Test("settings that cannot work are refused, saying why")
    func badSettings() {
        var s = AlertSettings()
        s.clearScore = 0.9
        #expect(AlertLifecycle(settings: s) == nil && s.problem?.contains("clear score") == true)
        s = AlertSettings()
        s.raiseUpdates = 0
        #expect(AlertLifecycle(settings: s) == nil)
        #expect(AlertSettings().problem == nil)
    }
}
