import Testing
import Recording

/// Bad input must give an error or a clean end: never a trap, never a reader that goes on for
/// ever, and every frame a slice inside the file. (A trap would crash the test process.)
@Suite("bad input")
struct BadInputTests {
    static let block = dataBlock(48, [0xFD, 0xF7, 0x02, 0x19, 0xC9, 0x35, 0x6D])
    static let a = UDPEndpoint(IPv4Address(10, 0, 0, 1), port: 1000)
    static let b = UDPEndpoint(IPv4Address(232, 1, 1, 1), port: 2000)

    static func samples() -> [(ContainerFormat, PayloadFraming, [UInt8])] {
        let udp = Packet.udpOverIPv4(block + block, from: a, to: b)
        let pcap = pcapFile([
            PcapRecord(seconds: 1, fraction: 2, data: Packet.ethernet(type: 0x0800, udp, vlan: 5)),
            PcapRecord(seconds: 3, fraction: 4, data: Packet.llc(dsap: 1, ssap: 1, block)),
            PcapRecord(seconds: 5, fraction: 6, data: Packet.ethernet(type: 0x0800, udp)),
        ])
        var oradisPayload = ByteBuilder(bigEndian: true)
        oradisPayload.u16(UInt16(6 + block.count)); oradisPayload.u32(1); oradisPayload.append(block)
        oradisPayload.u16(UInt16(6 + block.count)); oradisPayload.u32(2); oradisPayload.append(block)
        let oradis = pcapFile(bigEndian: true, linkType: 113, [PcapRecord(seconds: 1, fraction: 0, data: Packet.sll(protocol: 0x0800, Packet.udpOverIPv4(oradisPayload.bytes, from: a, to: b)))])
        var ng = PcapngBuilder(bigEndian: true)
        ng.section()
        ng.interface(linkType: 1, tsresol: 9)
        ng.interface(linkType: 276)
        ng.enhancedPacket(interface: 0, timestamp: 99, Packet.ethernet(type: 0x0800, udp))
        ng.enhancedPacket(interface: 1, timestamp: 100, Packet.sll2(protocol: 0x0800, udp))
        ng.simplePacket(Packet.ethernet(type: 0x0800, udp))
        let gps = gpsFile([(block, 10), (block + [], 20)])
        let final = finalRecord(block + block, board: 1, line: 1, day: 1, centiseconds: 5, convention: .wholeRecord)
            + finalRecord(block, board: 1, line: 2, day: 1, centiseconds: 6, convention: .wholeRecord)
        return [(.raw, .plain, block + block + block), (.pcap, .plain, pcap), (.pcap, .oradis, oradis),
                (.pcapng, .plain, ng.bytes), (.gps, .plain, gps), (.final, .plain, final)]
    }

    /// Opens and drains; checks the frames lie inside the file and the reader ends.
    func check(_ bytes: [UInt8], _ format: ContainerFormat, _ framing: PayloadFraming, _ what: String) -> Drained? {
        let reader: RecordingReader
        do {
            reader = try RecordingFile.reader(bytes: bytes, format: format, framing: framing)
        } catch {
            return nil  // refused at the header: fine
        }
        var r = reader
        let result = drain(&r, limit: bytes.count + 1)
        #expect(!result.runaway, "\(what): the reader did not end")
        for f in result.frames {
            #expect(f.payload.startIndex == f.offset && f.offset >= 0 && f.payload.endIndex <= bytes.count, "\(what): frame outside the file")
        }
        return result
    }

    @Test("the samples themselves read without error")
    func samplesAreValid() throws {
        let expected: [ContainerFormat: Int] = [.raw: 3, .pcap: 3, .pcapng: 3, .gps: 2, .final: 2]
        for (format, framing, bytes) in Self.samples() {
            var reader = try RecordingFile.reader(bytes: bytes, format: format, framing: framing)
            let frames = try reader.readAll()
            #expect(frames.count == (framing == .oradis ? 2 : expected[format]!), "\(format) \(framing)")
            #expect(reader.skipped.total == 0, "\(format)")
        }
    }

    @Test("every truncation of a small valid file gives an error or a clean end")
    func everyTruncation() {
        for (format, framing, bytes) in Self.samples() {
            var cleanEnds = 0, errors = 0
            for n in 0 ... bytes.count {
                guard let result = check(Array(bytes.prefix(n)), format, framing, "\(format) cut at \(n)") else { continue }
                if result.error == nil { cleanEnds += 1 } else { errors += 1 }
                if let e = result.error {
                    #expect(!e.message.isEmpty && e.offset >= 0 && e.offset <= n, "\(format) cut at \(n): \(e)")
                }
            }
            #expect(errors > 0, "\(format): cutting the file never gave an error")
        }
    }

    @Test("every single-byte corruption of a small valid file gives an error or a clean end")
    func everyCorruption() {
        var rng = SplitMix64(state: 7)
        for (format, framing, bytes) in Self.samples() {
            for i in bytes.indices {
                for value: UInt8 in [0x00, 0xFF, UInt8.random(in: 0 ... 255, using: &rng)] {
                    var corrupt = bytes
                    corrupt[i] = value
                    _ = check(corrupt, format, framing, "\(format) byte \(i) = \(value)")
                }
            }
        }
    }

    @Test("random bytes, alone and behind valid headers, never trap or hang")
    func randomBytes() {
        var rng = SplitMix64(state: 0xC0FFEE)
        let headers = Self.samples().map { ($0.0, $0.1, Array($0.2.prefix($0.0 == .gps ? 2200 : ($0.0 == .pcapng ? 48 : 24)))) }
        for round in 0 ..< 400 {
            let count = Int.random(in: 0 ... 300, using: &rng)
            let noise = (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
            for format in ContainerFormat.allCases {
                _ = check(noise, format, .plain, "\(format) noise \(round)")
            }
            for (format, framing, header) in headers {
                _ = check(header + noise, format, framing, "\(format) header + noise \(round)")
            }
            _ = ContainerFormat.detect(bytes: noise, path: "x.gps")
            _ = ContainerFormat.detect(bytes: noise, path: "x.ff")
        }
    }

    @Test("a pcap record length of 0xFFFFFFFF is an error, not an allocation")
    func hugeRecordLength() throws {
        var bytes = pcapFile([])
        var record = ByteBuilder()
        record.u32(1); record.u32(0); record.u32(0xFFFF_FFFF); record.u32(0xFFFF_FFFF)
        bytes += record.bytes + [1, 2, 3, 4]
        var reader = try PcapReader(bytes: bytes)
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.kind == .truncated)
        #expect(error?.message == "pcap record at offset 24 claims 4294967295 bytes, past the end of the file (44 bytes)")
        #expect(try reader.next() == nil)
    }

    @Test("a pcap file cut inside its header, or with a bad magic or version, is refused at open")
    func badPcapHeaders() {
        let good = pcapFile([])
        #expect(throws: ContainerError.self) { try PcapReader(bytes: Array(good.prefix(10))) }
        var badVersion = good
        badVersion[4] = 3
        let e = #expect(throws: ContainerError.self) { try PcapReader(bytes: badVersion) }
        #expect(e?.kind == .badFileHeader)
        let m = #expect(throws: ContainerError.self) { try PcapReader(bytes: [0x0A, 0x0D, 0x0D, 0x0A] + good.dropFirst(4)) }
        #expect(m?.kind == .badFileHeader)
    }
}
