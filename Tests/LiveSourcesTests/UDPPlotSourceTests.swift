import Foundation
import LiveSources
import Sockets
import Synchronization
import TestSupport
import Testing

/// What a source said in its log.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
}

/// Waits up to 20 s for `condition` (the whole suite runs at once on two cores).
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<2_000 {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

@Suite(.serialized) struct UDPPlotSourceTests {
    static func source(port: UInt16, ring: FrameRing, log: LogLines, _ change: (inout UDPSourceSettings) -> Void = { _ in }) throws -> UDPPlotSource {
        var settings = UDPSourceSettings(listen: try UDPAddress("udp://127.0.0.1:\(port)"))
        change(&settings)
        return try UDPPlotSource(settings: settings, ring: ring, log: log.sink)
    }

    @Test func datagramsArriveWholeInOrderWithTheirReceiveTime() async throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 1_000), log = LogLines()
        // Silence is another test's: a loaded machine may hold this one back for seconds.
        let source = try Self.source(port: port, ring: ring, log: log) { $0.silenceAfter = 600 }
        #expect(source.state == .starting && source.receiveBuffer > 0)
        source.start()
        let sender = try LoopbackSender()
        let before = Date().timeIntervalSince1970
        let sent = (0..<200).map { i in [48, 0, 6, UInt8(i & 0xFF), UInt8(i >> 8), 0xAA] as [UInt8] }
        for d in sent { sender.send(d, to: port) }
        #expect(await eventually { source.counters.datagrams == 200 })
        let after = Date().timeIntervalSince1970
        source.stop()
        var got: [LiveFrame] = []
        while let f = ring.pop() { got.append(f) }
        #expect(got.map(\.bytes) == sent)
        #expect(got.allSatisfy { $0.received >= before - 0.01 && $0.received <= after + 0.01 })
        #expect(zip(got, got.dropFirst()).allSatisfy { $0.received <= $1.received })
        #expect(source.counters.bytes == 1_200 && source.counters.dropped == 0 && source.counters.kernelDrops == 0)
        #expect(source.state == .stopped)
        #expect(log.all == ["udp://127.0.0.1:\(port): connected", "udp://127.0.0.1:\(port): stopped"])
    }

    @Test func sendersOffTheAllowListAreIgnoredCountedAndNamedOnce() async throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 1_000), log = LogLines()
        let source = try Self.source(port: port, ring: ring, log: log) { $0.allow = ["127.0.0.2"] }
        source.start()
        defer { source.stop() }
        let stranger = try LoopbackSender(from: "127.0.0.1"), radar = try LoopbackSender(from: "127.0.0.2")
        for i in 0..<50 {
            stranger.send([0xFF, UInt8(i)], to: port)
            radar.send([48, UInt8(i)], to: port)
        }
        #expect(await eventually { source.counters.datagrams == 50 && source.counters.refused == 50 })
        #expect(source.counters.refusedSenders == 1)
        var got: [[UInt8]] = []
        while let f = ring.pop() { got.append(f.bytes) }
        #expect(got == (0..<50).map { [48, UInt8($0)] })
        #expect(log.all.filter { $0.contains("127.0.0.1, not on the allow-list") }.count == 1)
    }

    @Test func aFullRingDropsAndCountsWithoutBlockingTheReceiver() async throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 4), log = LogLines()
        let source = try Self.source(port: port, ring: ring, log: log)
        source.start()
        defer { source.stop() }
        let sender = try LoopbackSender()
        for i in 0..<10 { sender.send([UInt8(i)], to: port) }
        #expect(await eventually { source.counters.datagrams + source.counters.dropped == 10 })
        #expect(source.counters.datagrams == 4 && source.counters.dropped == 6 && ring.dropped == 6)
        #expect((0..<4).map { _ in ring.pop()?.bytes } == (0..<4).map { [UInt8($0)] })
    }

    @Test func aQuietSourceReadsSilentAndComesBack() async throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 100), log = LogLines()
        let source = try Self.source(port: port, ring: ring, log: log) { $0.silenceAfter = 0.3 }
        source.start()
        defer { source.stop() }
        let sender = try LoopbackSender()
        sender.send([1], to: port)
        // `connected` lasts 0.3 s, less than a loaded machine may take to look: the log keeps
        // every change. `silent` lasts until the next datagram.
        #expect(await eventually { log.all.count == 2 })
        #expect(source.state == .silent(seconds: 0.3))
        sender.send([2], to: port)
        #expect(await eventually { log.all.count >= 3 })
        #expect(log.all.prefix(3).map { $0.replacingOccurrences(of: "udp://127.0.0.1:\(port): ", with: "") }
                == ["connected", "silent for 0.3 s", "connected"])
    }

    @Test func kernelDropsWhileTheReceiverWasNotReadingAreCounted() async throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 100_000), log = LogLines()
        // The smallest buffer the kernel grants, filled before the thread starts reading.
        let source = try Self.source(port: port, ring: ring, log: log) { $0.receiveBufferBytes = 1 }
        let sender = try LoopbackSender()
        for _ in 0..<2_000 { sender.send([UInt8](repeating: 7, count: 1_000), to: port) }
        source.start()
        defer { source.stop() }
        #expect(await eventually { source.counters.datagrams > 0 })
        // The kernel tells its drop count with the next datagram it queues.
        sender.send([8], to: port)
        #expect(await eventually { source.counters.kernelDrops > 0 })
        // Every datagram sent is either in the ring or counted as dropped by the kernel.
        #expect(source.counters.datagrams + source.counters.kernelDrops == 2_001)
        #expect(source.counters.datagrams < 100)
    }

    @Test func settingsThatCannotWorkAreRefusedWithTheReason() throws {
        let port = Loopback.freeUDPPort(), ring = FrameRing(capacity: 1), log = LogLines()
        #expect { try Self.source(port: port, ring: ring, log: log) { $0.allow = ["radar-1"] } } throws: {
            "\($0)".contains("allow-list entry 'radar-1' is not an IPv4 or IPv6 address")
        }
        let first = try Self.source(port: port, ring: ring, log: log)
        #expect { try Self.source(port: port, ring: ring, log: log) } throws: { "\($0)".contains("cannot listen: Address already in use") }
        _ = first
        // A group on an interface that does not exist: refused before any membership is asked.
        var group = UDPSourceSettings(listen: try UDPAddress("udp://239.255.70.1:\(port)"))
        group.interface = "nosuchif0"
        #expect { try UDPPlotSource(settings: group, ring: ring, log: log.sink) } throws: {
            "\($0)".contains("no network interface named nosuchif0")
        }
    }
}
