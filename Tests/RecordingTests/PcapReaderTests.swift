import Testing
import Recording

@Suite("pcap reader")
struct PcapReaderTests {
    let radar = UDPEndpoint(IPv4Address(10, 17, 58, 184), port: 21_132)
    let group = UDPEndpoint(IPv4Address(232, 1, 1, 11), port: 21_131)
    let block = dataBlock(48, [0xFD, 0xF7, 0x02, 0x19, 0xC9, 0x35, 0x6D, 0x4D])

    func readAll(_ bytes: [UInt8], framing: PayloadFraming = .plain) throws -> (frames: [Frame], skipped: SkipCounts) {
        var reader = try PcapReader(bytes: bytes, framing: framing)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        return (frames, reader.skipped)
    }

    @Test("little-endian, microseconds: payload, time and addresses of an Ethernet/IPv4/UDP datagram")
    func littleEndianMicroseconds() throws {
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block + block, from: radar, to: group))
        let file = pcapFile([PcapRecord(seconds: 1_462_433_756, fraction: 508_910, data: packet)])
        let (frames, skipped) = try readAll(file)
        #expect(frames.count == 1)
        let f = try #require(frames.first)
        #expect(Array(f.payload) == block + block)  // one datagram, two blocks: the caller splits
        #expect(f.timestamp == .unix(seconds: 1_462_433_756.508910))
        #expect(f.origin == .udp(source: radar, destination: group))
        #expect(f.offset == 24 + 16 + 14 + 20 + 8)
        #expect(Array(file[f.offset ..< f.offset + f.payload.count]) == block + block)
        #expect(skipped.total == 0)
    }

    @Test("big-endian, nanoseconds: the sub-microsecond part is kept")
    func bigEndianNanoseconds() throws {
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block, from: radar, to: group))
        let file = pcapFile(bigEndian: true, nanoseconds: true, [PcapRecord(seconds: 1_700_000_000, fraction: 123_456_789, data: packet)])
        let f = try #require(try readAll(file).frames.first)
        guard case .unix(let t)? = f.timestamp else { Issue.record("no unix time"); return }
        #expect(abs(t - 1_700_000_000.123456789) < 3e-7)
        #expect(Array(f.payload) == block)
    }

    @Test("Ethernet padding of a short frame is not part of the payload")
    func ethernetPadding() throws {
        let tiny = dataBlock(34, [0x01])  // 4 bytes: the frame is padded to 60
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(tiny, from: radar, to: group))
        #expect(packet.count == 60)
        let f = try #require(try readAll(pcapFile([PcapRecord(seconds: 1, fraction: 0, data: packet)])).frames.first)
        #expect(Array(f.payload) == tiny)
    }

    @Test("802.1Q VLAN tag, Linux cooked v1 and v2, raw IPv4 (101 and 228), BSD loopback")
    func linkTypes() throws {
        let ip = Packet.udpOverIPv4(block, from: radar, to: group)
        let cases: [(UInt32, [UInt8])] = [
            (1, Packet.ethernet(type: 0x0800, ip, vlan: 0x0064)),
            (113, Packet.sll(protocol: 0x0800, ip)),
            (276, Packet.sll2(protocol: 0x0800, ip)),
            (101, ip),
            (228, ip),
            (0, [2, 0, 0, 0] + ip),  // AF_INET in little-endian host order
            (108, [0, 0, 0, 2] + ip),
        ]
        for (linkType, packet) in cases {
            let (frames, skipped) = try readAll(pcapFile(linkType: linkType, [PcapRecord(seconds: 5, fraction: 0, data: packet)]))
            #expect(frames.count == 1, "link type \(linkType)")
            #expect(frames.first.map { Array($0.payload) } == block, "link type \(linkType)")
            #expect(frames.first?.origin == .udp(source: radar, destination: group), "link type \(linkType)")
            #expect(skipped.total == 0, "link type \(linkType)")
        }
    }

    @Test("802.3 length field + LLC: ASTERIX right after the LLC header, no IP; the length field trims the padding")
    func llcFrames() throws {
        let short = dataBlock(255, [0x00, 0x0A, 0xE0, 0x08, 0x83, 0x3A, 0xAD])
        let records = [
            PcapRecord(seconds: 1, fraction: 0, data: Packet.llc(dsap: 0x2A, ssap: 0xA0, block)),
            PcapRecord(seconds: 2, fraction: 0, data: Packet.llc(dsap: 0xB0, ssap: 0xB0, short)),
            // Spanning tree BPDU: LLC 42 42 03, protocol id 0 — not ASTERIX.
            PcapRecord(seconds: 3, fraction: 0, data: Packet.llc(dsap: 0x42, ssap: 0x42, [0, 0, 0, 0, 0, 0x80, 0x64])),
            // SNAP (AA AA 03) carries an EtherType, not ASTERIX.
            PcapRecord(seconds: 4, fraction: 0, data: Packet.llc(dsap: 0xAA, ssap: 0xAA, [0, 0, 0, 0x08, 0x00] + block)),
        ]
        let (frames, skipped) = try readAll(pcapFile(records))
        #expect(frames.map { Array($0.payload) } == [block, short])
        #expect(frames.map(\.origin) == [.llc(dsap: 0x2A, ssap: 0xA0), .llc(dsap: 0xB0, ssap: 0xB0)])
        #expect(skipped[.notASTERIXOverLLC] == 2)
    }

    @Test("packets that are not whole UDP-over-IPv4 datagrams are skipped and counted by reason")
    func skippedPackets() throws {
        let udp = Packet.udp(block, sourcePort: 1, destinationPort: 2)
        func ip(_ body: [UInt8], proto: UInt8 = 17, fragment: UInt16 = 0x4000, words: UInt8 = 5, total: UInt16? = nil) -> [UInt8] {
            Packet.ethernet(type: 0x0800, Packet.ipv4(body, protocol: proto, source: radar.address, destination: group.address,
                                                    fragment: fragment, headerWords: words, totalLengthField: total))
        }
        let good = ip(udp)
        let packets: [(PcapRecord, SkipReason?)] = [
            (PcapRecord(seconds: 1, fraction: 0, data: good), nil),
            (PcapRecord(seconds: 1, fraction: 0, data: Packet.ethernet(type: 0x0806, [UInt8](repeating: 1, count: 28))), .notIPv4),   // ARP
            (PcapRecord(seconds: 1, fraction: 0, data: Packet.ethernet(type: 0x86DD, [UInt8](repeating: 0x60, count: 48))), .notIPv4), // IPv6
            (PcapRecord(seconds: 1, fraction: 0, data: ip([UInt8](repeating: 0, count: 20), proto: 6)), .notUDP),                   // TCP
            (PcapRecord(seconds: 1, fraction: 0, data: ip(udp, fragment: 0x2000)), .ipFragment),                                      // more fragments
            (PcapRecord(seconds: 1, fraction: 0, data: ip(udp, fragment: 0x00B9)), .ipFragment),                                      // a later fragment
            (PcapRecord(seconds: 1, fraction: 0, data: Array(good.prefix(40)), originalLength: good.count), .truncatedCapture),     // snap length
            (PcapRecord(seconds: 1, fraction: 0, data: ip(udp, words: 4)), .malformedIPv4),                                          // IHL 16 bytes < 20
            (PcapRecord(seconds: 1, fraction: 0, data: ip(udp, total: 2000)), .malformedIPv4),                                       // total length past the packet
            (PcapRecord(seconds: 1, fraction: 0, data: ip(Packet.udp(block, sourcePort: 1, destinationPort: 2, lengthField: 200))), .malformedUDP), // UDP length past the IP packet
            (PcapRecord(seconds: 1, fraction: 0, data: ip(Packet.udp(block, sourcePort: 1, destinationPort: 2, lengthField: 4))), .malformedUDP),   // UDP length < 8
            (PcapRecord(seconds: 1, fraction: 0, data: Array(good.prefix(10))), .malformedLinkHeader),                              // shorter than an Ethernet header
        ]
        let (frames, skipped) = try readAll(pcapFile(packets.map(\.0)))
        #expect(frames.count == 1)
        #expect(frames.first.map { Array($0.payload) } == block)
        for reason in SkipReason.allCases {
            #expect(skipped[reason] == packets.filter { $0.1 == reason }.count, "\(reason)")
        }
        #expect(skipped.total == packets.count - 1)
        #expect(skipped.description.hasPrefix("\(packets.count - 1) skipped: "))
    }

    @Test("IPv4 options: the header length comes from IHL")
    func ipv4Options() throws {
        let packet = Packet.ethernet(type: 0x0800, Packet.ipv4(Packet.udp(block, sourcePort: 7, destinationPort: 8),
                                                               source: radar.address, destination: group.address, headerWords: 6))
        let f = try #require(try readAll(pcapFile([PcapRecord(seconds: 1, fraction: 0, data: packet)])).frames.first)
        #expect(Array(f.payload) == block)
    }

    @Test("an unsupported link type is refused when the file is opened, naming the type")
    func unsupportedLinkType() {
        let error = #expect(throws: ContainerError.self) { try PcapReader(bytes: pcapFile(linkType: 105, [])) }
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("105") == true)
    }

    @Test("ORADIS framing: each ORADIS packet of a datagram becomes one frame of its blocks")
    func oradis() throws {
        let a = dataBlock(1, [0x80, 0x19, 0xC9]), b = dataBlock(2, [0x01]), c = dataBlock(1, [0x02, 0x03])
        func oradisPacket(_ blocks: [UInt8], time: UInt32) -> [UInt8] {
            var p = ByteBuilder(bigEndian: true)
            p.u16(UInt16(6 + blocks.count)); p.u32(time); p.append(blocks)
            return p.bytes
        }
        let payload = oradisPacket(a + b, time: 0x02BB_4035) + oradisPacket([], time: 0) + oradisPacket(c, time: 0x02BB_406F)
        let good = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(payload, from: radar, to: group))
        // The second datagram's second ORADIS packet claims more than is left.
        let bad = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(oradisPacket(a, time: 1) + [0x01, 0x00, 0, 0, 0, 0, 1], from: radar, to: group))
        let file = pcapFile([PcapRecord(seconds: 10, fraction: 0, data: good), PcapRecord(seconds: 11, fraction: 0, data: bad)])

        let (frames, skipped) = try readAll(file, framing: .oradis)
        #expect(frames.map { Array($0.payload) } == [a + b, c, a])
        #expect(frames.map(\.timestamp) == [.unix(seconds: 10), .unix(seconds: 10), .unix(seconds: 11)])
        #expect(frames.allSatisfy { $0.origin == .udp(source: radar, destination: group) })
        #expect(skipped[.oradisFraming] == 1)

        // Plain framing hands the ORADIS header on as if it were ASTERIX: the option matters.
        let plain = try readAll(file, framing: .plain).frames
        #expect(plain.count == 2)
        #expect(plain.first?.payload.first == 0x00)
    }
}
