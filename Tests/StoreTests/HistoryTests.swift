import Store
import Surveillance
import Testing

@Suite("Track history")
struct HistoryTests {
    /// Updates of one track every 4 s from `start`, the last one `ended` when asked.
    static func flight(number: UInt16, start: Double, count: Int, ended: Bool) -> [SystemTrack] {
        (0..<count).map { k in
            var t = makeTrack(number: number, time: start + Double(k) * 4, firstTime: start)
            t.latitude += Double(k) * 0.01
            t.ended = ended && k == count - 1
            return t
        }
    }

    @Test("per track: the first update past tentative, one every interval, the last; tentative ones left out")
    func sampling() throws {
        var sampler = try #require(HistorySampler(interval: 10))
        var tentative = makeTrack(number: 5, time: may1 - 8)
        tentative.stage = .tentative
        var kept: [SystemTrack] = []
        sampler.offer([tentative], into: &kept)
        #expect(kept.isEmpty)
        // Updates at 0, 4, 8, …, 40 s; the last ends the track.
        for u in Self.flight(number: 5, start: may1, count: 11, ended: true) { sampler.offer([u], into: &kept) }
        #expect(kept.map { $0.time - may1 } == [0, 12, 24, 36, 40])
        sampler.finish(into: &kept)
        #expect(kept.count == 5, "an ended track leaves nothing behind")
    }

    @Test("a track still alive when the run stops keeps its latest update")
    func liveAtTheEnd() throws {
        var sampler = try #require(HistorySampler(interval: 10))
        var kept: [SystemTrack] = []
        sampler.offer(Self.flight(number: 9, start: may1, count: 5, ended: false), into: &kept)
        #expect(kept.map { $0.time - may1 } == [0, 12])
        sampler.finish(into: &kept)
        #expect(kept.map { $0.time - may1 } == [0, 12, 16])
    }

    @Test("a number given to a new track: the old one's last update is kept, the new one starts afresh")
    func reusedNumber() throws {
        var sampler = try #require(HistorySampler(interval: 10))
        var kept: [SystemTrack] = []
        sampler.offer(Self.flight(number: 3, start: may1, count: 4, ended: false), into: &kept)  // 0…12 s
        sampler.offer(Self.flight(number: 3, start: may1 + 600, count: 2, ended: false), into: &kept)
        #expect(kept.map { $0.time - may1 } == [0, 12, 600])
        #expect(kept.map(\.firstTime) == [may1, may1, may1 + 600])
        #expect(HistorySampler(interval: 0) == nil && HistorySampler(interval: .infinity) == nil)
    }

    @Test("the writer stores the samples; history picks the latest flight of a number, or the one asked for")
    func flights() throws {
        let path = temporaryStore("history")
        defer { remove(path) }
        let settings = StoreSettings(historyInterval: 10)
        // Session 1: track 3 flies twice (the number reused), track 4 once.
        do {
            let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                         sources: ["one.pcap"], wallTime: 0, report: { Issue.record("\($0)") })
            for u in Self.flight(number: 3, start: may1, count: 8, ended: true) + Self.flight(number: 4, start: may1, count: 3, ended: false) {
                writer.sample([u], at: u.time)
            }
            for u in Self.flight(number: 3, start: may1 + 900, count: 6, ended: true) { writer.sample([u], at: u.time) }
            #expect(writer.finish(plots: 0, tracks: 3, wallTime: 1))
            #expect(writer.samplesWritten == 4 + 2 + 3, "0, 12, 24, 28 s; 0, 8 s; 900, 912, 920 s")
        }
        // Session 2: track 3 again, earlier in data time (an older recording replayed later).
        do {
            let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                         sources: ["two.pcap"], wallTime: 2, report: { Issue.record("\($0)") })
            for u in Self.flight(number: 3, start: may1 - 86_400, count: 3, ended: true) { writer.sample([u], at: u.time) }
            #expect(writer.finish(plots: 0, tracks: 1, wallTime: 3))
        }

        let file = try StoreFile(path: path)
        let latest = try #require(try file.history(track: 3))
        #expect(latest.sessionID == 2 && latest.firstTime == may1 - 86_400 && latest.samples.count == 2)
        let inOne = try #require(try file.history(track: 3, session: 1))
        #expect(inOne.firstTime == may1 + 900)
        #expect(inOne.samples.map { $0.time - may1 } == [900, 912, 920])
        let earlier = try #require(try file.history(track: 3, at: may1 + 20))
        #expect(earlier.sessionID == 1 && earlier.firstTime == may1)
        #expect(earlier.samples.map { $0.time - may1 } == [0, 12, 24, 28])
        // Samples come back as they were given (every field).
        #expect(earlier.samples[1] == Self.flight(number: 3, start: may1, count: 8, ended: true)[3])
        #expect(earlier.samples.last?.ended == true)
        #expect(try file.history(track: 4)?.samples.map { $0.time - may1 } == [0, 8])
        #expect(try file.history(track: 3, at: may1 + 500) == nil, "between the two flights")
        #expect(try file.history(track: 99) == nil)
        #expect(try file.history(track: 4, session: 2) == nil)
    }

    @Test("the history queue is bounded: past its size the oldest samples are dropped, counted and said once")
    func queueOverflow() throws {
        let path = temporaryStore("history-queue")
        defer { remove(path) }
        let settings = StoreSettings(historyQueueCapacity: 3)
        let messages = Messages()
        let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                     sources: ["one.pcap"], wallTime: 0, report: messages.add)
        // Ten new tracks in one frame: ten first samples handed over at once, three fit.
        writer.sample((1...10).map { makeTrack(number: $0) }, at: may1)
        #expect(!writer.finish(plots: 0, tracks: 10, wallTime: 1), "a run that dropped history does not end clean")
        #expect(writer.overflowedSamples == 7 && writer.samplesWritten == 3 && writer.droppedSamples == 0)
        #expect(messages.lines == ["store: history queue full (3 samples): dropping the oldest, counted; the disk is slower than the history"])
        let file = try StoreFile(path: path)
        #expect(try (1...10).filter { try file.history(track: $0) != nil } == [8, 9, 10], "the newest kept")
    }

    @Test("a recording's history waits for room instead: nothing dropped, every track's first update stored")
    func queueFullWaits() throws {
        let path = temporaryStore("history-wait")
        defer { remove(path) }
        var settings = StoreSettings(historyQueueCapacity: 3)
        settings.historyQueueFull = .wait
        let messages = Messages()
        let writer = try StoreWriter(file: StoreFile(path: path, writing: settings), settings: settings,
                                     sources: ["one.pcap"], wallTime: 0, report: messages.add)
        writer.sample((1...10).map { makeTrack(number: $0) }, at: may1)
        writer.sample((11...20).map { makeTrack(number: $0, time: may1 + 1) }, at: may1 + 1)
        #expect(writer.finish(plots: 0, tracks: 20, wallTime: 1))
        #expect(writer.overflowedSamples == 0 && writer.samplesWritten == 20 && messages.lines.isEmpty, "\(messages.lines)")
        let file = try StoreFile(path: path)
        #expect(try (1...20).allSatisfy { try file.history(track: $0) != nil })
    }
}
