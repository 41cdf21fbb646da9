import Asterix
import Foundation
import TestSupport
import Testing

/// `replay --tracks` with alerts on: the CAT062 feed marks exactly the tracks the alert feed
/// raised, with the alert's class, and sends a CAT065 heartbeat every 5 s of data time.
@Suite struct ReplayTrackFeedTests {
    @Test func cat062MarksTheAlertedTracksAndBeatsEveryFiveSeconds() throws {
        let alertsIn = try LoopbackReceiver()
        let tracksIn = try LoopbackReceiver()
        let night = Centinela.packageRoot + "/recordings/northern-border-night.pcap"
        let zones = Centinela.packageRoot + "/recordings/northern-border.zones.geojson"
        let r = try Centinela.run(["replay", night, "--zones", zones, "--alerts", "udp://127.0.0.1:\(alertsIn.port)",
                                   "--tracks", "udp://127.0.0.1:\(tracksIn.port)", "--no-store"])
        #expect(r.status == 0, "\(r.stderr)")

        var raisedClass: [Int: String] = [:]
        for d in alertsIn.drain() {
            let o = try #require(JSONSerialization.jsonObject(with: Data(d)) as? [String: Any])
            // A track's last update may raise and clear at once: never active, so never marked.
            if o["state"] as? String == "raised", o["track_ended"] as? Bool == false, let n = o["track"] as? Int, raisedClass[n] == nil {
                raisedClass[n] = o["class"] as? String
            }
        }
        #expect(!raisedClass.isEmpty)

        struct Collect: RecordVisitor {
            var firstMark: [Int: [UInt8]] = [:]
            var heartbeats: [Double] = []
            mutating func record(_ record: RecordView) {
                if let t = try? Cat062Record(record), let n = t.trackNumber,
                   let sp = t.otherItems.first(where: { $0.code == ItemSpec.spCode }), firstMark[Int(n)] == nil {
                    firstMark[Int(n)] = sp.bytes
                }
                if let s = try? Cat065Record(record), s.messageType == .sdpsStatus, let tod = s.timeOfDay {
                    heartbeats.append(tod.seconds)
                }
            }
            mutating func failure(_ error: DecodeError) { Issue.record("\(error)") }
        }
        var decoder = AsterixDecoder()
        var collect = Collect()
        for d in tracksIn.drain() { d.withUnsafeBytes { _ = decoder.decode($0, into: &collect) } }

        // The raising update goes out marked: the same tracks in both feeds, with the same class
        // (SP: length, version 1, flags with "active" set, score, class text).
        #expect(Set(collect.firstMark.keys) == Set(raisedClass.keys))
        for (n, sp) in collect.firstMark {
            #expect(sp.count >= 4 && Int(sp[0]) == sp.count && sp[1] == 1 && sp[2] & 0x80 != 0)
            #expect(String(decoding: sp.dropFirst(4), as: UTF8.self) == raisedClass[n], "track \(n)")
        }
        // A 30-minute session: a heartbeat with the first frame at or after each 5 s mark, so
        // 5 s apart give or take the gap between frames (well under a second here).
        #expect(collect.heartbeats.count >= 300)
        #expect(zip(collect.heartbeats, collect.heartbeats.dropFirst()).allSatisfy { abs($1 - $0 - 5) < 1 })
    }
}
