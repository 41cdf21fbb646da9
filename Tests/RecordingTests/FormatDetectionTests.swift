import Foundation
import Testing
import Recording

@Suite("format detection and opening files")
struct FormatDetectionTests {
    let block = dataBlock(48, [0x80, 0x19, 0xC9])

    @Test("pcap (4 magics) and pcapng by magic number, whatever the file name")
    func magic() {
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(block, from: PcapWriter.defaultSource, to: PcapWriter.defaultDestination))
        for (bigEndian, nano) in [(false, false), (true, false), (false, true), (true, true)] {
            let file = pcapFile(bigEndian: bigEndian, nanoseconds: nano, [PcapRecord(seconds: 1, fraction: 0, data: packet)])
            #expect(ContainerFormat.detect(bytes: file, path: "x.gps") == .pcap)
        }
        var ng = PcapngBuilder(bigEndian: true)
        ng.section()
        #expect(ContainerFormat.detect(bytes: ng.bytes, path: "capture.raw") == .pcapng)
    }

    @Test(".gps and .ff names are believed only when the contents fit; raw otherwise")
    func extensions() {
        let gps = gpsFile([(block, 100), (block, 200)])
        let final = finalRecord(block, board: 1, line: 2, day: 3, centiseconds: 4, convention: .wholeRecord)
        #expect(ContainerFormat.detect(bytes: gps, path: "/data/REC.GPS") == .gps)
        #expect(ContainerFormat.detect(bytes: final, path: "rec.ff") == .final)
        #expect(ContainerFormat.detect(bytes: block + block, path: "rec.gps") == .raw)   // too short for a GPS header
        #expect(ContainerFormat.detect(bytes: block + block, path: "rec.ff") == .raw)    // no padding
        #expect(ContainerFormat.detect(bytes: block + block, path: "rec.ast") == .raw)
        #expect(ContainerFormat.detect(bytes: block + block) == .raw)
        // Without a telling name, the contents decide.
        #expect(ContainerFormat.detect(bytes: gps, path: "rec.bin") == .gps)
        #expect(ContainerFormat.detect(bytes: final) == .final)
    }

    @Test("open: a missing file is an I/O error naming the path and the system's reason")
    func missingFile() {
        let error = #expect(throws: ContainerError.self) { try RecordingFile.open(path: "/nonexistent/rec.pcap") }
        #expect(error?.kind == .io)
        #expect(error?.path == "/nonexistent/rec.pcap")
        #expect(error?.description == "/nonexistent/rec.pcap: cannot open the file: No such file or directory")
    }

    @Test("open: a directory or a device is refused, not read (a device would be read forever)")
    func directory() {
        for path in [NSTemporaryDirectory(), "/dev/zero"] {
            let error = #expect(throws: ContainerError.self) { try RecordingFile.open(path: path) }
            #expect(error?.kind == .io)
            #expect(error?.message.contains("not a regular file") == true)
        }
    }

    @Test("open: errors from the reader carry the path; ORADIS framing on a non-pcap format is refused")
    func pathInErrors() throws {
        let path = NSTemporaryDirectory() + "centinela-recording-\(UInt32.random(in: 0 ... .max)).ast"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(block + [48, 0x10, 0x00]).write(to: URL(fileURLWithPath: path))
        var reader = try RecordingFile.open(path: path)
        #expect(reader.format == .raw)
        #expect(try reader.next() != nil)
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix("\(path): raw data block at offset \(block.count)") == true)

        let framing = #expect(throws: ContainerError.self) { try RecordingFile.open(path: path, framing: .oradis) }
        #expect(framing?.kind == .unsupported)
    }
}
