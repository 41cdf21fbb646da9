/// A usbmon capture (pcap, link type 220 `DLT_USB_LINUX_MMAPPED`) of a device streaming on bulk
/// IN endpoint 0x81, as umockdev replays it: `pool` transfers submitted, then each completion
/// followed by the resubmission of its transfer, oldest first, as the kernel would log a driver
/// that keeps its pool in flight. Built like `shared/usb/gen_pcap.py`, with our payloads.
/// umockdev hands a completion only to a transfer of the recorded size: `pool` and
/// `transferSize` must be those of the source that reads the capture.
public struct UsbmonCapture {
    /// The device in `shared/usb/fakeradar.umockdev`.
    static let bus: UInt16 = 1, device: UInt8 = 2, endpoint: UInt8 = 0x81
    public let transferSize: UInt32

    private var records: [[UInt8]] = []
    private var waiting: [UInt64] = []
    private var nextID: UInt64 = 0x1000

    public init(pool: Int, transferSize: UInt32 = 512) {
        self.transferSize = transferSize
        for _ in 0..<pool { submit() }
    }

    /// A stream cut into transfers of cycling sizes of at most 512 bytes: the 512-byte ones hold
    /// several blocks, the small ones split blocks (and even headers) across transfers.
    public static func transfers(_ stream: [UInt8]) -> [ArraySlice<UInt8>] {
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

    /// Data blocks streamed back to back, cut into `transfers(_:)`, and the device unplugged
    /// after two thirds of the transfers: how much of the stream got through.
    public struct Unplugged {
        public let transfers: [ArraySlice<UInt8>]
        /// Transfers completed before the unplug, and their bytes.
        public let sent: Int, delivered: Int
        /// Blocks delivered whole, and the bytes delivered of the next one (cut by the unplug).
        public let whole: Int, partial: Int

        public init(_ blocks: [[UInt8]]) {
            transfers = UsbmonCapture.transfers(blocks.flatMap { $0 })
            sent = transfers.count * 2 / 3
            delivered = transfers[..<sent].reduce(0) { $0 + $1.count }
            var end = 0, whole = 0
            for block in blocks {
                end += block.count
                guard end <= delivered else { break }
                whole += 1
            }
            self.whole = whole
            partial = delivered - blocks[..<whole].reduce(0) { $0 + $1.count }
        }
    }

    /// The oldest transfer completes with `payload` (at most `transferSize` bytes) and is resubmitted.
    public mutating func complete(_ payload: ArraySlice<UInt8>) {
        precondition(payload.count <= Int(transferSize))
        let id = waiting.removeFirst()
        add(header(id: id, event: "C", status: 0, urbLength: UInt32(payload.count), dataLength: UInt32(payload.count)) + payload)
        submit()
    }

    /// The oldest transfer fails with kernel status `status` (-19 ENODEV: the device was
    /// unplugged; -71 EPROTO: a bus error). `resubmit` as a driver would after a passing error.
    public mutating func fail(status: Int32, resubmit: Bool) {
        let id = waiting.removeFirst()
        add(header(id: id, event: "C", status: status, urbLength: 0, dataLength: 0))
        if resubmit { submit() }
    }

    /// The device is back after an unplug: the source opened it again and submits a fresh pool
    /// (the transfers of the old connection were cancelled, never completed), which umockdev
    /// then completes with what follows.
    public mutating func replug(pool: Int) {
        waiting.removeAll()
        for _ in 0..<pool { submit() }
    }

    public var pcap: [UInt8] {
        var out: [UInt8] = []
        // Global header: magic (µs), version 2.4, zone 0, sigfigs 0, snaplen, link type 220.
        out.le(UInt32(0xA1B2_C3D4)); out.le(UInt16(2)); out.le(UInt16(4))
        out.le(UInt32(0)); out.le(UInt32(0)); out.le(UInt32(65535)); out.le(UInt32(220))
        for (i, record) in records.enumerated() {
            out.le(UInt32(1000 + i / 1000)); out.le(UInt32(i % 1000 * 1000))
            out.le(UInt32(record.count)); out.le(UInt32(record.count))
            out += record
        }
        return out
    }

    private mutating func submit() {
        waiting.append(nextID)
        // usbmon shows a submitted URB with status -EINPROGRESS and no data.
        add(header(id: nextID, event: "S", status: -115, urbLength: transferSize, dataLength: 0))
        nextID += 1
    }

    private mutating func add(_ record: [UInt8]) { records.append(record) }

    /// `struct pcap_usb_header_mmapped`, 64 bytes little-endian: id, event type, transfer type
    /// (3 bulk), endpoint, device, bus, setup flag, data flag ('<' none), seconds, µs, status,
    /// URB length, data length, setup bytes, interval, start frame, transfer flags, descriptors.
    private func header(id: UInt64, event: Character, status: Int32, urbLength: UInt32, dataLength: UInt32) -> [UInt8] {
        var h: [UInt8] = []
        h.le(id)
        h += [event.asciiValue!, 3, Self.endpoint, Self.device]
        h.le(Self.bus)
        h += [UInt8(ascii: "-"), dataLength == 0 ? UInt8(ascii: "<") : 0]
        h.le(UInt64(1000)); h.le(UInt32(records.count)); h.le(UInt32(bitPattern: status))
        h.le(urbLength); h.le(dataLength)
        h += [UInt8](repeating: 0, count: 8 + 16)
        return h
    }
}

extension [UInt8] {
    fileprivate mutating func le<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
