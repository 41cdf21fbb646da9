/// Writes UDP datagrams as a libpcap 2.4 capture: little-endian, microsecond timestamps,
/// link type Ethernet, each packet Ethernet II / IPv4 / UDP with a correct IPv4 header checksum
/// and a correct UDP checksum. Wireshark, tshark and `PcapReader` read the result.
///
/// The bytes accumulate in `bytes`; `PcapFileWriter` streams them to a file. Addresses default
/// to the loopback address (127.0.0.1) so a file made by a test or a demo never names a real
/// host; the default destination port is 8600, the port Wireshark's ASTERIX dissector listens
/// on, so the file opens decoded.
public struct PcapWriter: Sendable {
    /// 65535 (IPv4 total length) − 20 (IPv4 header) − 8 (UDP header).
    public static let maximumPayload = 65_507
    /// 127.0.0.1:49152 (the first dynamic port).
    public static let defaultSource = UDPEndpoint(.loopback, port: 49_152)
    /// 127.0.0.1:8600.
    public static let defaultDestination = UDPEndpoint(.loopback, port: 8600)
    /// Snap length in the file header: tcpdump's default, above any frame written here.
    static let snapLength: UInt32 = 262_144

    /// The capture written so far (since the last `takeBytes()`).
    public private(set) var bytes: [UInt8] = []
    /// Datagrams written.
    public private(set) var count = 0
    /// Bytes handed out by `takeBytes()`, so error offsets stay file offsets.
    private var handedOut = 0
    private var identification: UInt16 = 0

    /// Bytes of the file header.
    public static let headerBytes = 24

    /// Bytes one datagram of `payload` bytes takes in the file: record header, Ethernet, IPv4, UDP.
    public static func recordBytes(payload: Int) -> Int { 16 + 14 + 20 + 8 + payload }

    /// Starts a capture with its 24-byte file header.
    public init() {
        bytes.reserveCapacity(4096)
        put32(0xA1B2_C3D4)        // magic, microsecond timestamps, written little-endian
        put16(2); put16(4)        // version 2.4
        put32(0)                  // thiszone: timestamps are UTC
        put32(0)                  // sigfigs
        put32(Self.snapLength)
        put32(UInt32(LinkType.ethernet))
    }

    /// Appends one datagram.
    /// - Parameters:
    ///   - timestamp: seconds since 1970-01-01 UTC, rounded to the microsecond.
    ///   - source, destination: default 127.0.0.1:49152 → 127.0.0.1:8600.
    /// - Throws: `.datagramTooLarge` above 65 507 bytes, `.badTimestamp` for a time before 1970,
    ///   after 2106 or not finite. Nothing is written then.
    public mutating func write(
        _ payload: some Collection<UInt8>, timestamp: Double,
        source: UDPEndpoint = PcapWriter.defaultSource, destination: UDPEndpoint = PcapWriter.defaultDestination
    ) throws(ContainerError) {
        let offset = handedOut + bytes.count
        let size = payload.count
        guard size <= Self.maximumPayload else {
            throw ContainerError(.datagramTooLarge, offset: offset, "datagram \(count + 1) has \(size) bytes, more than the \(Self.maximumPayload) a UDP datagram over IPv4 can carry")
        }
        guard timestamp.isFinite, timestamp >= 0, timestamp < 4_294_967_296 else {
            throw ContainerError(.badTimestamp, offset: offset, "datagram \(count + 1) has timestamp \(timestamp), outside what a pcap record holds (0 ..< 2^32 seconds since 1970)")
        }
        var seconds = UInt32(timestamp)  // truncates: timestamp >= 0
        var micros = UInt32((timestamp - Double(seconds)) * 1e6 + 0.5)
        if micros >= 1_000_000 {
            micros -= 1_000_000
            if seconds == .max {
                micros = 999_999
            } else {
                seconds += 1
            }
        }

        let ipLength = 20 + 8 + size
        let frameLength = 14 + ipLength
        // Record header.
        put32(seconds); put32(micros)
        put32(UInt32(frameLength)); put32(UInt32(frameLength))

        // Ethernet II. A multicast group maps to its 01:00:5E MAC (RFC 1112); any other
        // destination, and every source, gets the all-zero MAC Linux uses on loopback.
        if destination.address.isMulticast {
            let v = destination.address.value
            putBE16(0x0100)
            putBE32(0x5E00_0000 | v & 0x007F_FFFF)
        } else {
            putBE16(0); putBE32(0)
        }
        putBE16(0); putBE32(0)
        putBE16(0x0800)

        // IPv4: no options, don't-fragment, TTL 64.
        let ip = bytes.count
        putBE16(0x4500)
        putBE16(UInt16(ipLength))
        putBE16(identification)
        identification &+= 1
        putBE16(0x4000)
        putBE16(0x4011)  // TTL 64, protocol 17 (UDP)
        putBE16(0)       // checksum, filled in below
        putBE32(source.address.value)
        putBE32(destination.address.value)
        let ipChecksum = ~Self.onesComplementSum(bytes[ip ..< ip + 20])
        bytes[ip + 10] = UInt8(ipChecksum >> 8)
        bytes[ip + 11] = UInt8(ipChecksum & 0xFF)

        // UDP with its checksum over the pseudo-header (RFC 768).
        let udp = bytes.count
        putBE16(source.port)
        putBE16(destination.port)
        putBE16(UInt16(8 + size))
        putBE16(0)
        bytes.append(contentsOf: payload)
        var sum = Self.onesComplementSum(bytes[udp...])
        sum = Self.add(sum, UInt16(source.address.value >> 16))
        sum = Self.add(sum, UInt16(source.address.value & 0xFFFF))
        sum = Self.add(sum, UInt16(destination.address.value >> 16))
        sum = Self.add(sum, UInt16(destination.address.value & 0xFFFF))
        sum = Self.add(sum, 17)
        sum = Self.add(sum, UInt16(8 + size))
        var udpChecksum = ~sum
        if udpChecksum == 0 { udpChecksum = 0xFFFF }  // 0 would mean "no checksum"
        bytes[udp + 6] = UInt8(udpChecksum >> 8)
        bytes[udp + 7] = UInt8(udpChecksum & 0xFF)
        count += 1
    }

    /// Hands over the bytes written so far and starts an empty buffer (for streaming).
    public mutating func takeBytes() -> [UInt8] {
        let out = bytes
        handedOut += out.count
        bytes = []
        bytes.reserveCapacity(out.count)
        return out
    }

    // MARK: byte writing

    // Byte by byte: appending array literals would build a temporary array per field.
    private mutating func put16(_ v: UInt16) {
        bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8))
    }
    private mutating func put32(_ v: UInt32) {
        put16(UInt16(v & 0xFFFF)); put16(UInt16(v >> 16))
    }
    private mutating func putBE16(_ v: UInt16) {
        bytes.append(UInt8(v >> 8)); bytes.append(UInt8(v & 0xFF))
    }
    private mutating func putBE32(_ v: UInt32) {
        putBE16(UInt16(v >> 16)); putBE16(UInt16(v & 0xFFFF))
    }

    /// The 16-bit one's-complement sum of big-endian words (RFC 1071), an odd last byte padded
    /// with zero.
    static func onesComplementSum(_ data: ArraySlice<UInt8>) -> UInt16 {
        var sum: UInt32 = 0
        var i = data.startIndex
        while i + 1 < data.endIndex {
            sum += UInt32(data[i]) << 8 | UInt32(data[i + 1])
            sum = (sum & 0xFFFF) + (sum >> 16)
            i += 2
        }
        if i < data.endIndex {
            sum += UInt32(data[i]) << 8
            sum = (sum & 0xFFFF) + (sum >> 16)
        }
        return UInt16(sum)
    }

    static func add(_ a: UInt16, _ b: UInt16) -> UInt16 {
        let s = UInt32(a) + UInt32(b)
        return UInt16((s & 0xFFFF) + (s >> 16))
    }
}
