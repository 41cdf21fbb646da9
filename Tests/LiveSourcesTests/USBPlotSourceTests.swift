import LiveSources
import TestSupport
import Testing

/// The USB source against the fake plot extractor under umockdev (`FakeRadar`): real libusb,
/// real usbdevfs ioctls answered from a usbmon capture whose transfers carry the data blocks of
/// `recordings/smoke.pcap`.
@Suite(.serialized) struct USBPlotSourceTests {
    static let pool = 4

    @Test func everyBlockBeforeAnUnplugReachesTheRingInOrderThenTheSourceReconnects() throws {
        guard FakeRadarDevice.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(120))
        #expect(Set(blocks.map { $0[0] }) == [34, 48], "the stream carries CAT034 and CAT048")
        // The device is unplugged after two thirds of the transfers, in the middle of a block.
        let cut = UsbmonCapture.Unplugged(blocks)
        let (sent, delivered, whole, partial) = (cut.sent, cut.delivered, cut.whole, cut.partial)
        #expect(partial > 0 && whole > 40, "the unplug cuts a block, after many whole ones")

        var capture = UsbmonCapture(pool: Self.pool)
        for t in cut.transfers[..<sent] { capture.complete(t) }
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
        guard FakeRadarDevice.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(30))
        // CAT 48 with LEN 1, then bytes no header rule accepts: CAT 0, CAT 1 with LEN 65535, CAT 255.
        let garbage: [UInt8] = [0x30, 0x00, 0x01, 0xFF, 0xFF]
        #expect([34, 48].contains(blocks[10][0]), "the next header starts with an accepted CAT after 0xFF")
        let stream = blocks[..<10].flatMap { $0 } + garbage + blocks[10...].flatMap { $0 }
        let transfers = UsbmonCapture.transfers(stream)

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
        guard FakeRadarDevice.available else { return }
        let blocks = Array(try SmokeBlocks.load().prefix(50))
        var capture = UsbmonCapture(pool: Self.pool)
        for t in UsbmonCapture.transfers(blocks.flatMap { $0 }) { capture.complete(t) }
        capture.fail(status: -19, resubmit: false)
        // Nobody pops the 8-frame ring until the end: the first 8 blocks stay, the rest are dropped.
        let run = try FakeRadar.run(capture: capture.pcap, ["--transfers", "\(Self.pool)", "--size", "512", "--ring", "8",
                                                             "--hold", "--until", "reconnecting", "--seconds", "30"])
        #expect(run.blocks == blocks[..<8].flatMap { $0 })
        #expect(run.counters["blocks"] == blocks.count && run.counters["drops"] == blocks.count - 8)
    }

    @Test func aMissingDeviceIsRetriedWithAGrowingDelay() throws {
        guard FakeRadarDevice.available else { return }
        let run = try FakeRadar.run(capture: nil, ["--device", "1209:0002", "--until", "reconnecting", "--times", "3", "--seconds", "30"])
        let lost = "lost: no device 1209:0002 on any bus (plugged in? `lsusb -d 1209:0002` lists it)"
        #expect(run.states == [lost, "reconnecting (attempt 1, in 0.5 s)", lost, "reconnecting (attempt 2, in 1 s)",
                               lost, "reconnecting (attempt 3, in 2 s)", "stopped"])
        #expect(run.counters["reconnects"] == 0 && run.blocks.isEmpty)
    }
}
