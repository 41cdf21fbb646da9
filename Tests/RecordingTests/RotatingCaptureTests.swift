import Foundation
import Recording
import Testing

@Suite struct RotatingCaptureTests {
    /// 2026-05-01T06:12:30Z (Python: datetime(2026, 5, 1, 6, 12, 30, tzinfo=utc).timestamp()).
    static let may1 = 1_777_615_950.0

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capture-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every datagram of the files, in order: payload, time, sender.
    static func read(_ files: [String]) throws -> [([UInt8], Double, FrameOrigin?)] {
        var out: [([UInt8], Double, FrameOrigin?)] = []
        for f in files {
            var reader = try PcapReader(bytes: Array(try #require(FileManager.default.contents(atPath: f))))
            while let frame = try reader.next() {
                guard case .unix(let t)? = frame.timestamp else { Issue.record("no time"); continue }
                out.append((Array(frame.payload), t, frame.origin))
            }
        }
        return out
    }

    @Test func withoutRotationOneFileHoldsEveryDatagramWithItsTimeAndSender() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let capture = RotatingCapture(path: dir + "/live.pcap")
        let radar = UDPEndpoint(IPv4Address(10, 1, 2, 3), port: 4001), us = UDPEndpoint(.loopback, port: 8600)
        for i in 0..<5 { try capture.write([48, 0, 4, UInt8(i)], timestamp: Self.may1 + Double(i) * 0.25, source: radar, destination: us) }
        try capture.close()
        #expect(capture.files == [dir + "/live.pcap"] && capture.datagrams == 5)
        let back = try Self.read(capture.files)
        #expect(back.map(\.0) == (0..<5).map { [48, 0, 4, UInt8($0)] })
        #expect(back.map(\.1) == (0..<5).map { Self.may1 + Double($0) * 0.25 })
        #expect(back.allSatisfy { $0.2 == .udp(source: radar, destination: us) })
    }

    @Test func bySizeNoFilePassesTheLimitAndNothingIsLost() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 24-byte header + 3 records of 16 + 42 + 100 bytes: three datagrams a file.
        let limit = 24 + 3 * 158
        let capture = RotatingCapture(path: dir + "/live.pcap", rotation: .init(maxBytes: limit))
        let payloads = (0..<10).map { [UInt8](repeating: UInt8($0), count: 100) }
        for (i, p) in payloads.enumerated() { try capture.write(p, timestamp: Self.may1 + Double(i)) }
        try capture.close()
        #expect(capture.files.count == 4)
        for f in capture.files {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: f)[.size] as? Int)
            #expect(size <= limit)
        }
        #expect(try Self.read(capture.files).map(\.0) == payloads)
        // Named after each file's first datagram: 06:12:30, :33, :36, :39.
        #expect(capture.files.map { ($0 as NSString).lastPathComponent }
                == ["30", "33", "36", "39"].map { "live-20260501T0612\($0)Z.pcap" })
    }

    @Test func byTimeEachFileSpansAtMostThePeriodAndSameSecondNamesDoNotCollide() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let capture = RotatingCapture(path: dir + "/live.pcap", rotation: .init(maxSeconds: 10))
        for i in 0..<36 { try capture.write([UInt8(i)], timestamp: Self.may1 + Double(i)) }
        try capture.close()
        #expect(capture.files.map { ($0 as NSString).lastPathComponent }
                == ["30", "40", "50"].map { "live-20260501T0612\($0)Z.pcap" } + ["live-20260501T061300Z.pcap"])
        #expect(try Self.read(capture.files).map(\.0) == (0..<36).map { [UInt8($0)] })

        // A limit smaller than one datagram: one datagram a file, all in one second.
        let tiny = RotatingCapture(path: dir + "/burst.pcap", rotation: .init(maxBytes: 1))
        for i in 0..<3 { try tiny.write([UInt8(i)], timestamp: Self.may1 + 0.1 * Double(i)) }
        try tiny.close()
        #expect(tiny.files.map { ($0 as NSString).lastPathComponent }
                == ["burst-20260501T061230Z.pcap", "burst-20260501T061230Z-2.pcap", "burst-20260501T061230Z-3.pcap"])
        #expect(try Self.read(tiny.files).map(\.0) == [[0], [1], [2]])
    }

    @Test func aFolderThatCannotBeWrittenIsAnErrorNamingTheFile() throws {
        let capture = RotatingCapture(path: "/nonexistent-folder/live.pcap")
        #expect { try capture.write([1], timestamp: Self.may1) } throws: {
            "\($0)".contains("/nonexistent-folder/live.pcap") && "\($0)".contains("cannot create")
        }
    }
}
