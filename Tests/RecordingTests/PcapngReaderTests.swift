import Testing
import Recording

/// pcapng files built block by block (layout in `PcapngBuilder`): a section header, two
/// interfaces — 0 Ethernet with the default microsecond resolution, 1 Linux cooked capture (SLL)
/// with nanosecond resolution — enhanced packet blocks on both, a simple packet block (interface
/// 0, no timestamp), and block types the reader must step over.
@Suite("pcapng reader")
struct PcapngReaderTests {
    let a = UDPEndpoint(IPv4Address(10, 19, 58, 182), port: 20_124)
    let b = UDPEndpoint(IPv4Address(233, 1, 1, 31), port: 8600)
    let block1 = dataBlock(48, [0x80, 0x19, 0xC9, 0x00, 0x01])
    let block2 = dataBlock(34, [0xF6, 0x19, 0xC9, 0x02])

    func twoInterfaceFile(bigEndian: Bool) -> [UInt8] {
        var f = PcapngBuilder(bigEndian: bigEndian)
        f.section()
        f.interface(linkType: 1)                    // 0: Ethernet, microseconds
        f.block(type: 4, [0, 0, 0, 0])              // name resolution block: skipped
        f.interface(linkType: 113, tsresol: 9)      // 1: SLL, nanoseconds
        f.enhancedPacket(interface: 0, timestamp: 1_462_433_756_508_910,
                         Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block1, from: a, to: b)))
        f.block(type: 0x4000_0BAD, [1, 2, 3, 4, 5])  // an unknown (custom) block type: skipped
        f.enhancedPacket(interface: 1, timestamp: 1_700_000_000_123_456_789,
                         Packet.sll(protocol: 0x0800, Packet.udpOverIPv4(block2, from: b, to: a)))
        f.simplePacket(Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block2 + block1, from: a, to: b)))
        f.block(type: 5, [UInt8](repeating: 0, count: 8))  // interface statistics: skipped
        return f.bytes
    }

    func readAll(_ bytes: [UInt8], framing: PayloadFraming = .plain) throws -> (frames: [Frame], skipped: SkipCounts) {
        var reader = try PcapngReader(bytes: bytes, framing: framing)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        return (frames, reader.skipped)
    }

    @Test("two interfaces (Ethernet µs, SLL ns), unknown blocks skipped, both byte orders", arguments: [false, true])
    func twoInterfaces(bigEndian: Bool) throws {
        let (frames, skipped) = try readAll(twoInterfaceFile(bigEndian: bigEndian))
        #expect(skipped.total == 0)
        #expect(frames.map { Array($0.payload) } == [block1, block2, block2 + block1])
        #expect(frames.map(\.origin) == [.udp(source: a, destination: b), .udp(source: b, destination: a), .udp(source: a, destination: b)])
        #expect(frames[0].timestamp == .unix(seconds: 1_462_433_756.508910))
        guard case .unix(let t)? = frames[1].timestamp else { Issue.record("no time on the SLL packet"); return }
        #expect(abs(t - 1_700_000_000.123456789) < 3e-7)
        #expect(frames[2].timestamp == nil)  // a simple packet block carries none
    }

    @Test("if_tsresol as a power of two and if_tsoffset")
    func binaryResolutionAndOffset() throws {
        var f = PcapngBuilder()
        f.section()
        f.interface(linkType: 101, tsresol: 0x80 | 10, tsoffset: 1_000)  // 1/1024 s, +1000 s
        f.enhancedPacket(interface: 0, timestamp: 5 * 1024 + 512, Packet.udpOverIPv4(block1, from: a, to: b))
        let frame = try #require(try readAll(f.bytes).frames.first)
        #expect(frame.timestamp == .unix(seconds: 1_005.5))
    }

    @Test("a new section may switch byte order and forgets the previous interfaces")
    func sections() throws {
        var f = PcapngBuilder(bigEndian: false)
        f.section()
        f.interface(linkType: 1)
        f.interface(linkType: 113)
        f.enhancedPacket(interface: 1, timestamp: 1, Packet.sll(protocol: 0x0800, Packet.udpOverIPv4(block1, from: a, to: b)))
        f.section(bigEndian: true)
        f.interface(linkType: 1)
        f.enhancedPacket(interface: 0, timestamp: 2, Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block2, from: a, to: b)))
        f.enhancedPacket(interface: 1, timestamp: 3, Packet.sll(protocol: 0x0800, Packet.udpOverIPv4(block1, from: a, to: b)))
        let (frames, skipped) = try readAll(f.bytes)
        #expect(frames.map { Array($0.payload) } == [block1, block2])
        #expect(skipped[.unknownInterface] == 1)  // interface 1 belonged to the first section
    }

    @Test("packets on an unsupported link type, truncated captures and impossible captured lengths are skipped")
    func skippedPackets() throws {
        var f = PcapngBuilder()
        f.section()
        f.interface(linkType: 1)
        f.interface(linkType: 105)  // 802.11: not decoded
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block1, from: a, to: b))
        f.enhancedPacket(interface: 1, timestamp: 1, packet)
        f.enhancedPacket(interface: 0, timestamp: 2, Array(packet.prefix(30)), originalLength: packet.count)
        f.enhancedPacket(interface: 0, timestamp: 3, packet, capturedLengthField: 0xFFFF_FFFF)
        f.enhancedPacket(interface: 0, timestamp: 4, packet)
        let (frames, skipped) = try readAll(f.bytes)
        #expect(frames.count == 1)
        #expect(skipped[.unsupportedLinkType] == 1)
        #expect(skipped[.truncatedCapture] == 1)
        #expect(skipped[.malformedPacketBlock] == 1)
    }

    @Test("ORADIS framing works the same in pcapng")
    func oradis() throws {
        var f = PcapngBuilder()
        f.section()
        f.interface(linkType: 1)
        var payload = ByteBuilder(bigEndian: true)
        payload.u16(UInt16(6 + block1.count)); payload.u32(7); payload.append(block1)
        payload.u16(UInt16(6 + block2.count)); payload.u32(8); payload.append(block2)
        f.enhancedPacket(interface: 0, timestamp: 9, Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(payload.bytes, from: a, to: b)))
        let frames = try readAll(f.bytes, framing: .oradis).frames
        #expect(frames.map { Array($0.payload) } == [block1, block2])
    }

    @Test("block lengths below 12, not a multiple of 4, or disagreeing with the trailing copy end the file with an error")
    func badBlockLengths() throws {
        var f = PcapngBuilder()
        f.section()
        f.interface(linkType: 1)
        let good = f.bytes
        func withBlock(type: UInt32, length: UInt32, trailing: UInt32? = nil, bodyCount: Int) -> [UInt8] {
            var b = ByteBuilder()
            b.u32(type); b.u32(length); b.append([UInt8](repeating: 0, count: bodyCount)); b.u32(trailing ?? length)
            return good + b.bytes
        }
        let cases: [([UInt8], ContainerError.Kind, String)] = [
            (withBlock(type: 6, length: 8, bodyCount: 0), .badLength, "less than the 12-byte minimum"),
            (withBlock(type: 6, length: 14, bodyCount: 2), .badLength, "not a multiple of 4"),
            (withBlock(type: 6, length: 16, trailing: 20, bodyCount: 4), .badLength, "trailing length 20"),
            (withBlock(type: 6, length: 0xFFFF_FFFC, bodyCount: 4), .truncated, "past the end of the file"),
        ]
        for (bytes, kind, words) in cases {
            var reader = try PcapngReader(bytes: bytes)
            let error = #expect(throws: ContainerError.self) { while try reader.next() != nil {} }
            #expect(error?.kind == kind)
            #expect(error?.offset == good.count)
            #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
            #expect(try reader.next() == nil)
        }
    }

    @Test("a file that does not start with a section header is refused")
    func notPcapng() {
        let error = #expect(throws: ContainerError.self) { try PcapngReader(bytes: [1, 0, 0, 0, 12, 0, 0, 0, 12, 0, 0, 0]) }
        #expect(error?.kind == .badFileHeader)
    }
}
