import Asterix
import Testing

/// The track updates in CAT062 datagrams, as a consumer of the track feed reads them: each
/// track's number and the track status bits that say it is coasting or ended (I062/080 CST, TSE).
struct TrackFeedUpdate: Equatable {
    var number: Int
    var coasting: Bool
    var ended: Bool

    static func decode(_ datagrams: [[UInt8]]) -> [TrackFeedUpdate] {
        struct Collect: RecordVisitor {
            var updates: [TrackFeedUpdate] = []
            mutating func record(_ record: RecordView) {
                guard let t = try? Cat062Record(record), let n = t.trackNumber, let s = t.status else {
                    Issue.record("a CAT062 record without a track number or status")
                    return
                }
                updates.append(TrackFeedUpdate(number: Int(n), coasting: s.coasting, ended: s.lastMessage))
            }
            mutating func failure(_ error: DecodeError) { Issue.record("\(error)") }
        }
        var decoder = AsterixDecoder()
        var collect = Collect()
        for d in datagrams where d.first == 62 { d.withUnsafeBytes { _ = decoder.decode($0, into: &collect) } }
        return collect.updates
    }

    /// The CAT062 datagrams a live run sent against those `replay` sends from a recording of its
    /// input: alike byte for byte while the input lasted; after it, the run went on through the
    /// quiet (the recording ends with the input), so what follows only coasts or ends tracks.
    static func expectReplayThenQuiet(live: [[UInt8]], replay: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) {
        let live = live.filter { $0.first == 62 }, replay = replay.filter { $0.first == 62 }
        #expect(!replay.isEmpty, sourceLocation: sourceLocation)
        #expect(Array(live.prefix(replay.count)) == replay, sourceLocation: sourceLocation)
        let after = decode(Array(live.dropFirst(replay.count)))
        #expect(after.allSatisfy { $0.coasting || $0.ended }, "after the input: \(after)", sourceLocation: sourceLocation)
    }
}
