/// Where the USB plot extractor is and how to read it. The defaults fit the shipped demo
/// device (the pid.codes test VID:PID `1209:0001`).
public struct USBSourceSettings: Sendable, Equatable {
    public var vendorID: UInt16 = 0x1209
    public var productID: UInt16 = 0x0001
    /// Only the device with this serial number (its iSerialNumber string); nil: the first match.
    public var serial: String?
    /// The interface claimed and the bulk IN endpoint its data blocks stream on.
    public var interface: Int32 = 0
    public var endpoint: UInt8 = 0x81
    /// Bytes per bulk transfer: a multiple of the endpoint's packet size (512 at high speed), or
    /// the device may overflow a transfer.
    public var transferSize = 16384
    /// Transfers kept in flight, so the device never waits for the host to resubmit one; also the
    /// number of consecutive failed transfers that means the device is lost.
    public var transferCount = 8
    /// Data block categories the device sends; a header with another CAT means the stream lost sync.
    public var categories: Set<UInt8> = [1, 2, 34, 48]
    /// The longest data block believed; a longer LEN means the stream lost sync.
    public var maximumBlockLength = 8192
    /// Seconds before the first attempt to reopen a lost device; doubled at each failed attempt
    /// up to `maximumReconnectDelay`.
    public var reconnectDelay = 0.5
    public var maximumReconnectDelay = 30.0

    public init() {}

    /// `VID:PID` or `VID:PID:SERIAL`, the ids in hexadecimal as `lsusb` prints them
    /// (`1209:0001`, `1209:0001:A17`).
    public init(device: String) throws(USBSourceError) {
        let parts = device.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        func id(_ text: Substring, _ name: String) throws(USBSourceError) -> UInt16 {
            guard text.count == 4, text.allSatisfy(\.isHexDigit), let value = UInt16(text, radix: 16) else {
                throw .badSetting("USB device \"\(device)\": the \(name) \"\(text)\" is not 4 hexadecimal digits (e.g. 1209:0001)")
            }
            return value
        }
        guard parts.count >= 2 else {
            throw .badSetting("USB device \"\(device)\": expected VID:PID or VID:PID:SERIAL (e.g. 1209:0001)")
        }
        vendorID = try id(parts[0], "vendor id")
        productID = try id(parts[1], "product id")
        if parts.count == 3 {
            guard !parts[2].isEmpty else { throw .badSetting("USB device \"\(device)\": the serial after the second colon is empty") }
            serial = String(parts[2])
        }
    }

    /// `1209:0001`, with `:SERIAL` when one is set: how the source names itself in its messages.
    public var deviceName: String {
        let ids = vendorID.hex + ":" + productID.hex
        return serial.map { ids + ":" + $0 } ?? ids
    }

    /// Throws the first setting that cannot work, naming it.
    public func validate() throws(USBSourceError) {
        guard endpoint & 0x80 != 0 else {
            throw .badSetting("USB \(deviceName): endpoint 0x\(String(endpoint, radix: 16)) is an OUT endpoint; the blocks stream on an IN endpoint (0x81)")
        }
        guard (1...(1 << 24)).contains(transferSize) else {
            throw .badSetting("USB \(deviceName): transfer size \(transferSize) is outside 1 byte–16 MiB")
        }
        guard (1...1024).contains(transferCount) else {
            throw .badSetting("USB \(deviceName): transfer count \(transferCount) is outside 1–1024")
        }
        guard (3...65535).contains(maximumBlockLength) else {
            throw .badSetting("USB \(deviceName): maximum block length \(maximumBlockLength) is outside 3–65535 (a LEN field's range)")
        }
        guard !categories.isEmpty else {
            throw .badSetting("USB \(deviceName): no data block categories accepted")
        }
        guard reconnectDelay > 0, reconnectDelay.isFinite, maximumReconnectDelay >= reconnectDelay, maximumReconnectDelay.isFinite else {
            throw .badSetting("USB \(deviceName): reconnect delays \(reconnectDelay) s … \(maximumReconnectDelay) s must be positive, the maximum no less than the first")
        }
    }

    /// The wait before reconnection attempt `attempt` (1, 2, …).
    public func backOff(attempt: Int) -> Double {
        var delay = reconnectDelay
        for _ in 1..<max(attempt, 1) where delay < maximumReconnectDelay { delay *= 2 }
        return min(delay, maximumReconnectDelay)
    }
}

extension UInt16 {
    /// Four lower-case hexadecimal digits, as `lsusb` prints USB ids.
    var hex: String {
        let digits = String(self, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
