import Testing
import Recording
import Surveillance

@Suite("second-LAN duplicate filter")
struct DuplicateFilterTests {
    let p1: ArraySlice<UInt8> = [48, 0, 5, 1, 2]
    let p2: ArraySlice<UInt8> = [48, 0, 5, 1, 3]

    /// Feeds `(payload, time)` pairs; returns which were passed on.
    /// (`#expect(filter.admit(…))` cannot call a mutating method inside the macro.)
    func feed(_ filter: inout DuplicateFilter, _ inputs: [(ArraySlice<UInt8>, FrameTime?)]) -> [Bool] {
        inputs.map { filter.admit(payload: $0.0, time: $0.1) }
    }

    @Test("the same payload within the window is dropped; outside it, or different, it is kept")
    func window() {
        var filter = DuplicateFilter(settings: .init(isEnabled: true, window: 1.0))
        let passed = feed(&filter, [
            (p1, .unix(seconds: 100.000)),
            (p1, .unix(seconds: 100.004)),  // the LAN B copy: dropped
            (p2, .unix(seconds: 100.005)),  // different bytes: kept
            (p2, .unix(seconds: 100.900)),  // within 1 s of the first p2: dropped
            (p1, .unix(seconds: 101.500)),  // 1.5 s after the first p1: kept
        ])
        #expect(passed == [true, false, true, false, true])
        #expect(filter.dropped == 2)
        #expect(filter.passed == 3)
    }

    @Test("a time before the remembered one counts too (copies may arrive out of order)")
    func outOfOrder() {
        var filter = DuplicateFilter(settings: .dualLAN)
        #expect(feed(&filter, [(p1, .unix(seconds: 50.2)), (p1, .unix(seconds: 50.1))]) == [true, false])
    }

    @Test("times of day are compared across midnight")
    func midnight() {
        var filter = DuplicateFilter(settings: .dualLAN)
        let passed = feed(&filter, [
            (p1, .timeOfDay(TimeOfDay(ticks: TimeOfDay.ticksPerDay - 32))),  // 23:59:59.75
            (p1, .timeOfDay(TimeOfDay(ticks: 32))),                          // 00:00:00.25
        ])
        #expect(passed == [true, false])
    }

    @Test("off passes everything and counts nothing dropped")
    func off() {
        var filter = DuplicateFilter(settings: .off)
        let frame = Frame(payload: p1, timestamp: .unix(seconds: 1), offset: 0)
        let passed = (0 ..< 5).map { _ in filter.admit(frame) }
        #expect(passed == [true, true, true, true, true])
        #expect(filter.dropped == 0)
        #expect(filter.passed == 5)
        #expect(filter.rememberedCount == 0)
    }

    @Test("a flood of distinct payloads keeps memory at the capacity, and recent duplicates are still caught")
    func flood() {
        var filter = DuplicateFilter(settings: .init(isEnabled: true, window: 1e9, capacity: 64))
        func payload(_ i: Int) -> ArraySlice<UInt8> {
            [48, 0, 7, UInt8(i >> 24 & 0xFF), UInt8(i >> 16 & 0xFF), UInt8(i >> 8 & 0xFF), UInt8(i & 0xFF)]
        }
        var allPassed = true, maxRemembered = 0
        for i in 0 ..< 20_000 {
            allPassed = filter.admit(payload: payload(i), time: .unix(seconds: Double(i))) && allPassed
            maxRemembered = max(maxRemembered, filter.rememberedCount)
        }
        #expect(allPassed)
        #expect(maxRemembered == 64)
        let passed = feed(&filter, [
            (payload(19_990), .unix(seconds: 20_000)),  // still remembered: dropped
            (payload(5), .unix(seconds: 20_000)),       // pushed out of the ring long ago: kept
        ])
        #expect(passed == [false, true])
        #expect(filter.dropped == 1)
    }

    @Test("frames without a timestamp are compared among themselves, by count")
    func untimed() {
        var filter = DuplicateFilter(settings: .dualLAN)
        let passed = feed(&filter, [
            (p1, nil),
            (p1, nil),                    // dropped
            (p1, .unix(seconds: 3)),      // a timed frame is not compared with untimed ones: kept
        ])
        #expect(passed == [true, false, true])
    }
    @Test("a payload passed again outside the window stays findable when its older slot is overwritten")
    func evictionKeepsNewerSlot() {
        var filter = DuplicateFilter(settings: .init(isEnabled: true, window: 1.0, capacity: 2))
        let passed = feed(&filter, [
            (p1, .unix(seconds: 0)),     // slot 0
            (p1, .unix(seconds: 10)),    // outside the window: kept, slot 1
            (p2, .unix(seconds: 10.2)),  // overwrites slot 0 (the old p1)
            (p1, .unix(seconds: 10.5)),  // duplicate of the p1 in slot 1: dropped
        ])
        #expect(passed == [true, true, true, false])
        #expect(filter.rememberedCount == 2)
    }
}
