import Foundation
import TestSupport
import Testing
import Recording

@Suite("pcap writer")
struct PcapWriterTests {
    struct Datagram {
        var payload: [UInt8]
        var time: Double
        var source: UDPEndpoint
        var destination: UDPEndpoint
    }

    static let datagrams: [Datagram] = [
        Datagram(payload: dataBlock(48, [0xFD, 0xF7, 0x02, 0x19, 0xC9]), time: 1_462_433_756.508910,
                 source: UDPEndpoint(IPv4Address(10, 17, 58, 184), port: 21_132), destination: UDPEndpoint(IPv4Address(232, 1, 1, 11), port: 21_131)),
        Datagram(payload: dataBlock(34, [0x01]) + dataBlock(48, [0x02, 0x03]), time: 1_462_433_756.600001,
                 source: PcapWriter.defaultSource, destination: PcapWriter.defaultDestination),
        Datagram(payload: [0xAB], time: 1_462_433_757, // odd length: checksum padding
                 source: UDPEndpoint(IPv4Address(192, 168, 1, 2), port: 65_535), destination: UDPEndpoint(IPv4Address(192, 168, 1, 3), port: 1)),
        Datagram(payload: [], time: 0.000001, source: PcapWriter.defaultSource, destination: PcapWriter.defaultDestination),
    ]

    static func written() throws -> [UInt8] {
        var writer = PcapWriter()
        for d in datagrams {
            try writer.write(d.payload, timestamp: d.time, source: d.source, destination: d.destination)
        }
        #expect(writer.count == datagrams.count)
        return writer.bytes
    }

    @Test("round trip through PcapReader: payloads, microsecond timestamps, addresses and ports")
    func roundTrip() throws {
        var reader = try PcapReader(bytes: try Self.written())
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        #expect(reader.skipped.total == 0)
        #expect(frames.map { Array($0.payload) } == Self.datagrams.map(\.payload))
        #expect(frames.map(\.origin) == Self.datagrams.map { .udp(source: $0.source, destination: $0.destination) })
        for (f, d) in zip(frames, Self.datagrams) {
            guard case .unix(let t)? = f.timestamp else { Issue.record("no time"); continue }
            #expect(abs(t - d.time) < 5e-7, "written \(d.time), read \(t)")
        }
    }

    @Test("Ethernet: a multicast destination gets its 01:00:5E MAC (RFC 1112), EtherType IPv4")
    func ethernetHeader() throws {
        var writer = PcapWriter()
        try writer.write([1], timestamp: 1, destination: UDPEndpoint(IPv4Address(232, 129, 1, 11), port: 21_131))
        try writer.write([1], timestamp: 1)
        let first = 24 + 16, second = first + 14 + 20 + 8 + 1 + 16
        #expect(Array(writer.bytes[first ..< first + 14]) == [0x01, 0x00, 0x5E, 0x01, 0x01, 0x0B, 0, 0, 0, 0, 0, 0, 0x08, 0x00])
        #expect(Array(writer.bytes[second ..< second + 6]) == [0, 0, 0, 0, 0, 0])
    }

    @Test("the defaults are loopback: 127.0.0.1:49152 to 127.0.0.1:8600")
    func defaults() throws {
        #expect(PcapWriter.defaultSource == UDPEndpoint(IPv4Address(127, 0, 0, 1), port: 49_152))
        #expect(PcapWriter.defaultDestination == UDPEndpoint(IPv4Address("127.0.0.1")!, port: 8600))
        var writer = PcapWriter()
        try writer.write([1, 2, 3], timestamp: 1)
        var reader = try PcapReader(bytes: writer.bytes)
        #expect(try reader.next()?.origin == .udp(source: PcapWriter.defaultSource, destination: PcapWriter.defaultDestination))
    }

    @Test("the IPv4 header checksum verifies (the one's-complement sum of the header is FFFF)")
    func ipv4Checksum() throws {
        let bytes = try Self.written()
        var offset = 24
        while offset < bytes.count {
            let captured = Int(bytes[offset + 8]) | Int(bytes[offset + 9]) << 8 | Int(bytes[offset + 10]) << 16
            let ip = offset + 16 + 14
            var sum: UInt32 = 0
            for i in stride(from: ip, to: ip + 20, by: 2) { sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) }
            while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
            #expect(sum == 0xFFFF)
            offset += 16 + captured
        }
    }

    @Test("a datagram above 65507 bytes or a time a pcap cannot hold is an error, and nothing is written")
    func limits() throws {
        var writer = PcapWriter()
        try writer.write([UInt8](repeating: 7, count: PcapWriter.maximumPayload), timestamp: 1)
        let before = writer.bytes
        let big = #expect(throws: ContainerError.self) { try writer.write([UInt8](repeating: 7, count: 65_508), timestamp: 2) }
        #expect(big?.kind == .datagramTooLarge)
        #expect(big?.message.contains("65508 bytes") == true)
        for t in [-1, Double.nan, .infinity, 4_294_967_296] {
            let e = #expect(throws: ContainerError.self) { try writer.write([1], timestamp: t) }
            #expect(e?.kind == .badTimestamp)
        }
        #expect(writer.bytes == before)
        #expect(writer.count == 1)
        var reader = try PcapReader(bytes: writer.bytes)
        #expect(try reader.next()?.payload.count == PcapWriter.maximumPayload)
    }

    @Test("PcapFileWriter streams to a file that RecordingFile detects and reads back")
    func fileWriter() throws {
        let path = NSTemporaryDirectory() + "centinela-writer-\(UInt32.random(in: 0 ... .max)).pcap"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try PcapFileWriter(path: path)
        // Enough to cross the 64 KiB flush threshold several times.
        for i in 0 ..< 300 {
            try writer.write(dataBlock(48, [UInt8](repeating: UInt8(i & 0xFF), count: 600)), timestamp: 1000 + Double(i) / 100)
        }
        try writer.close()
        try writer.close()  // twice: nothing
        #expect(throws: ContainerError.self) { try writer.write([1], timestamp: 1) }
        var reader = try RecordingFile.open(path: path)
        #expect(reader.format == .pcap)
        let frames = try reader.readAll()
        #expect(frames.count == 300)
        #expect(frames.last?.payload.count == 603)
        #expect(frames.last?.payload.last == UInt8(299 & 0xFF))

        let error = #expect(throws: ContainerError.self) { try PcapFileWriter(path: "/nonexistent/dir/x.pcap") }
        #expect(error?.description == "/nonexistent/dir/x.pcap: cannot create the capture file: No such file or directory")
    }

    @Test("outside check: tshark reads our file as UDP with our addresses, ports, payload and valid checksums")
    func tshark() throws {
        let path = NSTemporaryDirectory() + "centinela-tshark-\(UInt32.random(in: 0 ... .max)).pcap"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try Self.written()).write(to: URL(fileURLWithPath: path))
        // udp.payload rather than data: on port 8600 tshark hands the payload to its ASTERIX
        // dissector, so the generic data field would be empty.
        let output = String(decoding: try TShark.run(["-r", path, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                                                      "-T", "fields", "-E", "separator=|",
                                                      "-e", "ip.src", "-e", "ip.dst", "-e", "udp.srcport", "-e", "udp.dstport",
                                                      "-e", "udp.payload", "-e", "ip.checksum.status", "-e", "udp.checksum.status"]),
                                    as: UTF8.self)
        let lines = output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == Self.datagrams.count)
        for (fields, d) in zip(lines, Self.datagrams) {
            #expect(fields == ["\(d.source.address)", "\(d.destination.address)", "\(d.source.port)", "\(d.destination.port)",
                               hexString(d.payload), "1", "1"], "tshark: \(fields)")
        }
    }
}
