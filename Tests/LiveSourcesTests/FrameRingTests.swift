import LiveSources
import Testing
import Synchronization

@Suite struct FrameRingTests {
    static func frame(_ i: Int) -> LiveFrame { LiveFrame(bytes: [UInt8(i & 0xFF)], received: Double(i)) }

    @Test func framesComeOutInOrderAndAFullRingDropsAndCounts() {
        let ring = FrameRing(capacity: 3)
        #expect(ring.pop() == nil)
        #expect((0..<5).map { ring.push(Self.frame($0)) } == [true, true, true, false, false])
        #expect(ring.dropped == 2 && ring.depth == 3 && ring.highWater == 3)
        #expect(ring.pop() == Self.frame(0))
        #expect(ring.push(Self.frame(5)))  // the freed slot is reused, order kept across the wrap
        #expect([ring.pop(), ring.pop(), ring.pop(), ring.pop()] == [Self.frame(1), Self.frame(2), Self.frame(5), nil])
    }

    final class Done: Sendable {
        let flag = Atomic<Bool>(false)
    }

    @Test func aProducerThreadAndAConsumerLoseNothingThatWasAccepted() async {
        let ring = FrameRing(capacity: 64)
        let n = 200_000
        let done = Done()
        let producer = Task.detached {
            var ok: [Double] = []
            for i in 0..<n where ring.push(Self.frame(i)) { ok.append(Double(i)) }
            done.flag.store(true, ordering: .releasing)
            return ok
        }
        // The consumer pops while the producer pushes, then drains what is left.
        var seen: [Double] = []
        while true {
            let finished = done.flag.load(ordering: .acquiring)
            while let f = ring.pop() { seen.append(f.received) }
            if finished { break }
            await Task.yield()
        }
        let accepted = await producer.value
        #expect(accepted.count + ring.dropped == n)
        #expect(seen == accepted, "every accepted frame once, in order")
    }
}
