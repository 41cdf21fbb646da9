import LiveSources
import Testing

/// The USB source against the fake plot extractor under umockdev (`FakeRadar`): real libusb,
/// real usbdevfs ioctls answered from a usbmon capture whose transfers carry the data blocks of
/// `recordings/smoke.pcap`.
@Suite(.serialized) struct USBPlotSourceTests {
    static let pool = 4

    /// The stream cut into transfers of cycling sizes: the 512-byte ones hold several blocks,
    /// the small ones split blocks (and even headers) across transfers.
    static func transfers(_ stream: [UInt8]) -> [ArraySlice<UInt8>] {
        let sizes = [512, 97, 5, 1, 512, 300, 2, 64, 511]
        var out: [ArraySlice<UInt8>] = []
        var at = 0
        while at < stream.count {
            let n = min(sizes[out.count % sizes.count], stream.count - at)
            out.append(stream[at..<(at + n)])
            at += n
        }
        return out
    }

    @Test func everyBlockBeforeAnUnplugReachesTheRingInOrderThenTheSourceReconnects() throws {
        guard FakeRadar.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(120))
        #expect(Set(blocks.map { $0[0] }) == [34, 48], "the stream carries CAT034 and CAT048")
        let transfers = Self.transfers(blocks.flatMap { $0 })
        // The device is unplugged after two thirds of the transfers, in the middle of a block.
        let sent = transfers.count * 2 / 3
        let delivered = transfers[..<sent].reduce(0) { $0 + $1.count }
        var ends: [Int] = []
        for block in blocks { ends.append((ends.last ?? 0) + block.count) }
        let whole = ends.filter { $0 <= delivered }.count
        let partial = delivered - (ends[whole - 1])
        #expect(partial > 0 && whole > 40, "the unplug cuts a block, after many whole ones")

        var capture = UsbmonCapture(pool: Self.pool)
        for t in transfers[..<sent] { capture.complete(t) }
        capture.fail(status: -19, resubmit: false)  // ENODEV: unplugged
        let run = try FakeRadar.run(capture: capture.pcap, ["--transfers", "\(Self.pool)", "--size", "512",
                                                             "--until", "connected", "--times", "2", "--seconds", "30"])
        #expect(run.status == 0)
        #expect(run.states == ["connected", "lost: the device was unplugged (a transfer came back with NO_DEVICE)",
                               "reconnecting (attempt 1, in 0.5 s)", "connected", "stopped"])
        #expect(run.ended == "state")
        // umockdev adds its own messages (the cancelled transfers of the second connection have no
        // submission in the capture); the source's lines are those naming the device.
        #expect(run.log.filter { $0.hasPrefix("USB ") } == run.states.map { "USB 1209:0001: \($0)" },
                "each state logged once, as it came")
        #expect(run.blocks == blocks[..<whole].flatMap { $0 }, "every whole block, byte for byte, in order")
        #expect(run.counters == ["transfers": sent, "bytes": delivered, "blocks": whole, "resyncs": 0, "skipped": partial,
                                 "drops": 0, "errors": 1, "reconnects": 1])
    }

    @Test func garbageCostsOneResyncAndTransfersFailingAsManyAsThePoolLoseTheDevice() throws {
        guard FakeRadar.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(30))
        // CAT 48 with LEN 1, then bytes no header rule accepts: CAT 0, CAT 1 with LEN 65535, CAT 255.
        let garbage: [UInt8] = [0x30, 0x00, 0x01, 0xFF, 0xFF]
        #expect([34, 48].contains(blocks[10][0]), "the next header starts with an accepted CAT after 0xFF")
        let stream = blocks[..<10].flatMap { $0 } + garbage + blocks[10...].flatMap { $0 }
        let transfers = Self.transfers(stream)

        var capture = UsbmonCapture(pool: Self.pool)
        for t in transfers { capture.complete(t) }
        // EPROTO (a bus error) on every transfer of the pool: the first three are resubmitted.
        for i in 1...Self.pool { capture.fail(status: -71, resubmit: i < Self.pool) }
        let run = try FakeRadar.run(capture: capture.pcap, ["--transfers", "\(Self.pool)", "--size", "512",
                                                             "--until", "reconnecting", "--seconds", "30"])
        #expect(run.states == ["connected", "lost: 4 transfers failed in a row, the last with ERROR",
                               "reconnecting (attempt 1, in 0.5 s)", "stopped"])
        #expect(run.blocks == blocks.flatMap { $0 }, "every block, the garbage left out")
        #expect(run.counters["resyncs"] == 1 && run.counters["skipped"] == garbage.count)
        #expect(run.counters["blocks"] == blocks.count && run.counters["errors"] == Self.pool)
        #expect(run.counters["transfers"] == transfers.count && run.counters["bytes"] == stream.count)
    }

    @Test func aFullRingDropsAndCountsWhileTheCallbackGoesOn() throws {
        guard FakeRadar.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(50))
        var capture = UsbmonCapture(pool: Self.pool)
        for t in Self.transfers(blocks.flatMap { $0 }) { capture.complete(t) }
        capture.fail(status: -19, resubmit: false)
        // Nobody pops the 8-frame ring until the end: the first 8 blocks stay, the rest are dropped.
        let run = try FakeRadar.run(capture: capture.pcap, ["--transfers", "\(Self.pool)", "--size", "512", "--ring", "8",
                                                             "--hold", "--until", "reconnecting", "--seconds", "30"])
        #expect(run.blocks == blocks[..<8].flatMap { $0 })
        #expect(run.counters["blocks"] == blocks.count && run.counters["drops"] == blocks.count - 8)
    }

    @Test func aMissingDeviceIsRetriedWithAGrowingDelay() throws {
        guard FakeRadar.available else { return }
        let run = try FakeRadar.run(capture: nil, ["--device", "1209:0002", "--until", "reconnecting", "--times", "3", "--seconds", "30"])
        let lost = "lost: no device 1209:0002 on any bus (plugged in? `lsusb -d 1209:0002` lists it)"
        #expect(run.states == [lost, "reconnecting (attempt 1, in 0.5 s)", lost, "reconnecting (attempt 2, in 1 s)",
                               lost, "reconnecting (attempt 3, in 2 s)", "stopped"])
        #expect(run.counters["reconnects"] == 0 && run.blocks.isEmpty)
    }
}
