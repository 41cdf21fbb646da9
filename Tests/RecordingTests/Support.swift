import Foundation
import Recording

// MARK: - Real recordings

/// The public sample recordings in `shared/recordings/real` (see its README). They live beside
/// the repository, never in it: the package root is three levels up from this file.
enum RealRecordings {
    static let folder: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/RecordingTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .appendingPathComponent("../shared/recordings/real").standardizedFileURL.path

    /// The path of a real recording, or nil after printing why the calling test does nothing:
    /// a checkout without the shared folder must not fail.
    static func path(_ relative: String) -> String? {
        let path = folder + "/" + relative
        guard FileManager.default.isReadableFile(atPath: path) else {
            print("note: skipping a real-recording check: \(path) is not there (the shared recordings folder is absent in this checkout)")
            return nil
        }
        return path
    }
}

// MARK: - ASTERIX data blocks (test-side, independent of the readers)

/// Splits bytes into data blocks by their LEN fields; nil unless they tile exactly.
func splitBlocks(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
    var blocks: [ArraySlice<UInt8>] = []
    var i = bytes.startIndex
    while i < bytes.endIndex {
        guard bytes.endIndex - i >= 3 else { return nil }
        let length = Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
        guard length >= 3, length <= bytes.endIndex - i else { return nil }
        blocks.append(bytes[i ..< i + length])
        i += length
    }
    return blocks
}

/// A data block: category, LEN, then `body`.
func dataBlock(_ category: UInt8, _ body: [UInt8]) -> [UInt8] {
    let length = body.count + 3
    return [category, UInt8(length >> 8), UInt8(length & 0xFF)] + body
}

func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

// MARK: - Building files by hand

/// Appends integers in a chosen byte order (the container's), or in network order.
struct ByteBuilder {
    var bytes: [UInt8] = []
    var bigEndian: Bool

    init(bigEndian: Bool = false) { self.bigEndian = bigEndian }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { bytes += bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
    mutating func u32(_ v: UInt32) {
        let be = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        bytes += bigEndian ? be : be.reversed()
    }
    mutating func u64(_ v: UInt64) {
        if bigEndian { u32(UInt32(v >> 32)); u32(UInt32(v & 0xFFFF_FFFF)) } else { u32(UInt32(v & 0xFFFF_FFFF)); u32(UInt32(v >> 32)) }
    }
    mutating func be16(_ v: UInt16) { bytes += [UInt8(v >> 8), UInt8(v & 0xFF)] }
    mutating func be32(_ v: UInt32) { bytes += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    mutating func append(_ b: [UInt8]) { bytes += b }
    mutating func padTo4() { while bytes.count % 4 != 0 { bytes.append(0) } }
}

/// Network packets, built field by field (all network headers are big-endian).
enum Packet {
    /// UDP header + payload. `lengthField` overrides the UDP length to build bad packets.
    static func udp(_ payload: [UInt8], sourcePort: UInt16, destinationPort: UInt16, lengthField: UInt16? = nil) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        b.u16(sourcePort); b.u16(destinationPort)
        b.u16(lengthField ?? UInt16(8 + payload.count)); b.u16(0)  // checksum 0: none
        b.append(payload)
        return b.bytes
    }

    /// IPv4 header (no checksum: readers must not depend on it) + body.
    static func ipv4(_ body: [UInt8], protocol proto: UInt8 = 17, source: IPv4Address, destination: IPv4Address,
                     fragment: UInt16 = 0x4000, headerWords: UInt8 = 5, totalLengthField: UInt16? = nil) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        let headerLength = max(Int(headerWords), 5) * 4
        b.u8(0x40 | headerWords); b.u8(0)
        b.u16(totalLengthField ?? UInt16(headerLength + body.count))
        b.u16(0x1234); b.u16(fragment)
        b.u8(64); b.u8(proto); b.u16(0)
        b.be32(source.value); b.be32(destination.value)
        b.append([UInt8](repeating: 0, count: headerLength - 20))  // options (NOPs as zeros)
        b.append(body)
        return b.bytes
    }

    static func udpOverIPv4(_ payload: [UInt8], from source: UDPEndpoint, to destination: UDPEndpoint) -> [UInt8] {
        ipv4(udp(payload, sourcePort: source.port, destinationPort: destination.port), source: source.address, destination: destination.address)
    }

    /// Ethernet II with an EtherType, optionally one 802.1Q tag, padded to the 60-byte minimum
    /// as a NIC would.
    static func ethernet(type: UInt16, _ body: [UInt8], vlan: UInt16? = nil) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        b.append([0x01, 0x00, 0x5E, 0x01, 0x01, 0x0B, 0x00, 0x1B, 0x21, 0x3C, 0x4D, 0x5E])
        if let vlan { b.u16(0x8100); b.u16(vlan) }
        b.u16(type)
        b.append(body)
        while b.bytes.count < 60 { b.u8(0) }
        return b.bytes
    }

    /// IEEE 802.3 with a length field and an LLC header, then `data`; padded to 60 bytes.
    static func llc(dsap: UInt8, ssap: UInt8, control: UInt8 = 0x03, _ data: [UInt8]) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        b.append([0xFD, 0xFF, 0x30, 0xFF, 0x08, 0x18, 0x00, 0x80, 0x02, 0x00, 0x0A, 0x02])
        b.u16(UInt16(3 + data.count))
        b.append([dsap, ssap, control])
        b.append(data)
        while b.bytes.count < 60 { b.u8(0) }
        return b.bytes
    }

    /// Linux cooked capture v1: packet type(2) ARPHRD(2) address length(2) address(8) protocol(2).
    static func sll(protocol proto: UInt16, _ body: [UInt8]) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        b.u16(0); b.u16(1); b.u16(6)
        b.append([0x00, 0x1B, 0x21, 0x3C, 0x4D, 0x5E, 0, 0])
        b.u16(proto)
        b.append(body)
        return b.bytes
    }

    /// Linux cooked capture v2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1)
    /// address length(1) address(8).
    static func sll2(protocol proto: UInt16, _ body: [UInt8]) -> [UInt8] {
        var b = ByteBuilder(bigEndian: true)
        b.u16(proto); b.u16(0); b.u32(3); b.u16(1); b.u8(0); b.u8(6)
        b.append([0x00, 0x1B, 0x21, 0x3C, 0x4D, 0x5E, 0, 0])
        b.append(body)
        return b.bytes
    }
}

/// One pcap record for `pcapFile`.
struct PcapRecord {
    var seconds: UInt32
    var fraction: UInt32
    var data: [UInt8]
    var originalLength: Int? = nil
}

/// A libpcap 2.4 file: magic (A1B2C3D4 µs / A1B23C4D ns, in the file's byte order), version
/// 2.4, thiszone, sigfigs, snaplen, link type; then per record ts_sec, ts_frac, incl_len,
/// orig_len and the bytes.
func pcapFile(bigEndian: Bool = false, nanoseconds: Bool = false, linkType: UInt32 = 1, _ records: [PcapRecord]) -> [UInt8] {
    var b = ByteBuilder(bigEndian: bigEndian)
    b.u32(nanoseconds ? 0xA1B2_3C4D : 0xA1B2_C3D4)
    b.u16(2); b.u16(4); b.u32(0); b.u32(0); b.u32(65535); b.u32(linkType)
    for r in records {
        b.u32(r.seconds); b.u32(r.fraction)
        b.u32(UInt32(r.data.count)); b.u32(UInt32(r.originalLength ?? r.data.count))
        b.append(r.data)
    }
    return b.bytes
}

/// pcapng, block by block. Every block is `type(4) total length(4) body (padded to 4) total
/// length(4)`, all in the section's byte order.
struct PcapngBuilder {
    var out: ByteBuilder

    init(bigEndian: Bool = false) { out = ByteBuilder(bigEndian: bigEndian) }

    var bytes: [UInt8] { out.bytes }
    var bigEndian: Bool { out.bigEndian }

    mutating func block(type: UInt32, _ body: [UInt8]) {
        var padded = body
        while padded.count % 4 != 0 { padded.append(0) }
        out.u32(type); out.u32(UInt32(12 + padded.count)); out.append(padded); out.u32(UInt32(12 + padded.count))
    }

    /// SHB body: byte-order magic 1A2B3C4D, version 1.0, section length -1 (unknown).
    /// A new section may switch byte order.
    mutating func section(bigEndian: Bool? = nil) {
        if let bigEndian { out.bigEndian = bigEndian }
        var b = ByteBuilder(bigEndian: out.bigEndian)
        b.u32(0x1A2B_3C4D); b.u16(1); b.u16(0); b.u64(.max)
        block(type: 0x0A0D_0D0A, b.bytes)
    }

    /// IDB body: link type(2) reserved(2) snap length(4), options `code(2) length(2) value`
    /// padded to 4: if_tsresol (9, 1 byte), if_tsoffset (14, 8 bytes), end (0, 0).
    mutating func interface(linkType: UInt16, snapLength: UInt32 = 0, tsresol: UInt8? = nil, tsoffset: Int64? = nil) {
        var b = ByteBuilder(bigEndian: out.bigEndian)
        b.u16(linkType); b.u16(0); b.u32(snapLength)
        if let tsresol { b.u16(9); b.u16(1); b.u8(tsresol); b.padTo4() }
        if let tsoffset { b.u16(14); b.u16(8); b.u64(UInt64(bitPattern: tsoffset)) }
        if tsresol != nil || tsoffset != nil { b.u16(0); b.u16(0) }
        block(type: 1, b.bytes)
    }

    /// EPB body: interface(4) timestamp high(4) low(4) captured length(4) original length(4),
    /// data padded to 4.
    mutating func enhancedPacket(interface: UInt32, timestamp: UInt64, _ data: [UInt8], originalLength: Int? = nil, capturedLengthField: UInt32? = nil) {
        var b = ByteBuilder(bigEndian: out.bigEndian)
        b.u32(interface); b.u32(UInt32(timestamp >> 32)); b.u32(UInt32(timestamp & 0xFFFF_FFFF))
        b.u32(capturedLengthField ?? UInt32(data.count)); b.u32(UInt32(originalLength ?? data.count))
        b.append(data)
        block(type: 6, b.bytes)
    }

    /// SPB body: original length(4), data padded to 4 (interface 0, no timestamp).
    mutating func simplePacket(_ data: [UInt8]) {
        var b = ByteBuilder(bigEndian: out.bigEndian)
        b.u32(UInt32(data.count)); b.append(data)
        block(type: 3, b.bytes)
    }
}

/// A reproducible pseudo-random generator (SplitMix64) for the random-input tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What draining a reader gave.
struct Drained {
    var frames: [Frame] = []
    var error: ContainerError?
    /// True if the reader still gave frames after `limit` calls: it would never have ended.
    var runaway = false
}

/// Reads to the end or the first error, at most `limit` frames, then checks that the reader
/// stays ended.
func drain(_ reader: inout RecordingReader, limit: Int) -> Drained {
    var result = Drained()
    do {
        while let frame = try reader.next() {
            result.frames.append(frame)
            if result.frames.count > limit { result.runaway = true; return result }
        }
    } catch {
        result.error = error
    }
    // An ended reader stays ended (after an error too).
    if (try? reader.next()) != nil { result.runaway = true }
    return result
}
