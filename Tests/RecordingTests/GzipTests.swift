import Foundation
import Testing
import Recording

@Suite("gzip-compressed files")
struct GzipTests {
    /// `printf 'hello\n' | gzip -n -9`: made by gzip itself, not by the code under test.
    static let helloByGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0x48,
        0xCD, 0xC9, 0xC9, 0xE7, 0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00,
        0x00, 0x00,
    ]

    /// Text that compresses well but not trivially, like a truth file.
    static let text: [UInt8] = Array((0..<5000).map { #"{"t":\#($0).0,"id":"AMX401","lat":31.\#($0 * 7919 % 100000)}"# + "\n" }.joined().utf8)

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "centinela-gzip-\(UInt32.random(in: 0 ... .max))-" + name
    }

    /// Writes `bytes` as they are (no compression by the code under test) and loads them back.
    static func loadWritten(_ bytes: [UInt8], name: String, limit: Int = RecordingFile.maximumSize) throws(ContainerError) -> (path: String, bytes: [UInt8]) {
        let path = temporary(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (path, try RecordingFile.load(path: path, limit: limit))
    }

    @Test("a file written by gzip reads as what it holds, whatever its name")
    func gzipToolOutput() throws {
        #expect(try Self.loadWritten(Self.helloByGzip, name: "hello.txt").bytes == Array("hello\n".utf8))
    }

    @Test("save to a .gz path writes gzip, the same bytes every time, and load gives the text back")
    func roundTrip() throws {
        let a = Self.temporary("a.jsonl.gz"), b = Self.temporary("b.jsonl.gz")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        try RecordingFile.save(path: a, bytes: Self.text)
        try RecordingFile.save(path: b, bytes: Self.text)
        let written = [UInt8](try #require(FileManager.default.contents(atPath: a)))
        #expect(written.prefix(2) == [0x1F, 0x8B])
        #expect(written.count < Self.text.count / 3)
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
        #expect(try RecordingFile.load(path: a) == Self.text)
    }

    @Test("a gzip-compressed pcap opens as the pcap it holds")
    func compressedPcap() throws {
        let packet = Packet.ethernet(type: 0x0800, Packet.udpOverIPv4(dataBlock(48, [0x80, 0x19, 0xC9]), from: PcapWriter.defaultSource, to: PcapWriter.defaultDestination))
        let pcap = pcapFile(bigEndian: false, nanoseconds: false, [PcapRecord(seconds: 1, fraction: 0, data: packet)])
        let path = Self.temporary("session.pcap.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try RecordingFile.save(path: path, bytes: pcap)
        var reader = try RecordingFile.open(path: path)
        #expect(reader.format == .pcap)
        #expect(try reader.readAll().map { Array($0.payload) } == [dataBlock(48, [0x80, 0x19, 0xC9])])
    }

    @Test("two gzip files one after the other read as the two contents, as gunzip does")
    func concatenatedMembers() throws {
        #expect(try Self.loadWritten(Self.helloByGzip + Self.helloByGzip, name: "twice.gz").bytes == Array("hello\nhello\n".utf8))
    }

    @Test("a truncated gzip file is refused as truncated, naming the file")
    func truncated() {
        let whole = Gzip.deflate(Self.text)
        for cut in [whole.count / 2, whole.count - 4] {  // in the body; in the trailer
            let error = #expect(throws: ContainerError.self) { try Self.loadWritten(Array(whole.prefix(cut)), name: "cut.jsonl.gz") }
            #expect(error?.kind == .truncated)
            #expect(error?.description.hasPrefix(NSTemporaryDirectory() + "centinela-gzip-") == true)
            #expect(error?.description.contains("cut.jsonl.gz: ") == true)
            #expect(error?.message.contains("truncated") == true)
        }
    }

    @Test("a gzip file with a damaged body or checksum is refused as corrupt, naming the file")
    func corrupt() {
        let whole = Gzip.deflate(Self.text)
        var body = whole
        body[whole.count / 2] ^= 0xFF
        var checksum = whole
        checksum[whole.count - 8] ^= 0x01  // the CRC-32 of the trailer
        for damaged in [body, checksum] {
            let error = #expect(throws: ContainerError.self) { try Self.loadWritten(damaged, name: "bad.gz") }
            #expect(error?.kind == .badCompression)
            #expect(error?.path?.hasSuffix("bad.gz") == true)
            #expect(error?.message.contains("corrupt") == true)
        }
    }

    @Test("bytes after the gzip stream that are not another member are refused")
    func trailingGarbage() {
        let error = #expect(throws: ContainerError.self) { try Self.loadWritten(Self.helloByGzip + [0x00, 0x41], name: "tail.gz") }
        #expect(error?.kind == .badCompression)
    }

    @Test("a small file that inflates past the limit is refused; under the limit it reads")
    func bomb() throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let bomb = Gzip.deflate(zeros)
        #expect(bomb.count < 8 << 10)  // the file itself is far under the limit: only its inflated size is over
        let error = #expect(throws: ContainerError.self) { try Self.loadWritten(bomb, name: "bomb.gz", limit: 64 << 10) }
        #expect(error?.message.contains("more than the 65536 bytes") == true)
        #expect(error?.path != nil)
        #expect(try Self.loadWritten(bomb, name: "bomb.gz", limit: 1 << 20).bytes == zeros)
    }

    @Test("a file that is not gzip is returned as it is, even one starting with 1f")
    func notGzip() throws {
        for bytes: [UInt8] in [Self.text, [0x1F], [0x1F, 0x8C, 0x08], []] {
            #expect(try Self.loadWritten(bytes, name: "plain.jsonl").bytes == bytes)
        }
    }
}
