import Foundation
import TestSupport
import Testing
import Recording
import Surveillance

/// Checks against the public recordings in shared/recordings/real, asserting what its README
/// states (counts agreed by three independent decoders), not what our reader happens to give.
/// Each test returns quietly, after saying so, when the folder is absent.
@Suite("real recordings")
struct RealRecordingTests {
    func frames(_ relative: String, framing: PayloadFraming = .plain) throws -> (frames: [Frame], skipped: SkipCounts, format: ContainerFormat)? {
        guard let path = RealRecordings.path(relative) else { return nil }
        var reader = try RecordingFile.open(path: path, framing: framing)
        let frames = try reader.readAll()
        return (frames, reader.skipped, reader.format)
    }

    func unixSeconds(_ f: Frame) -> Double? {
        if case .unix(let s)? = f.timestamp { return s }
        return nil
    }

    func timeOfDay(_ f: Frame) -> Double? {
        if case .timeOfDay(let t)? = f.timestamp { return t.seconds }
        return nil
    }

    /// The time of day of a block's first record, read straight from the bytes: I048/140
    /// (FRN 2, after I048/010) or I034/030 (FRN 3, after I034/010 and I034/000), when present.
    func firstRecordTimeOfDay(_ block: ArraySlice<UInt8>) -> Double? {
        var i = block.startIndex + 3
        let fspec = i
        while i < block.endIndex, block[i] & 1 == 1 { i += 1 }
        i += 1
        guard fspec < block.endIndex else { return nil }
        let first = block[fspec]
        let at: Int
        switch block.first {
        case 48 where first & 0xC0 == 0xC0: at = i + 2
        case 34 where first & 0xE0 == 0xE0: at = i + 3
        default: return nil
        }
        guard at + 3 <= block.endIndex else { return nil }
        return Double(Int(block[at]) << 16 | Int(block[at + 1]) << 8 | Int(block[at + 2])) / 128
    }

    @Test("cat_034_048.pcap: 100 datagrams on 14 groups/ports, 0.44 s; 50 remain without the LAN B copies")
    func cat034048() throws {
        guard let (frames, skipped, format) = try frames("croatiacontrol-asterix/cat_034_048.pcap") else { return }
        #expect(format == .pcap)
        #expect(frames.count == 100)
        #expect(skipped.total == 0)
        var destinations = Set<UDPEndpoint>()
        for f in frames {
            guard case .udp(_, let d)? = f.origin else { Issue.record("not UDP"); continue }
            destinations.insert(d)
            let laneA = d.address.description.hasPrefix("232.1.1.") && (21_100 ..< 21_200).contains(d.port)
            let laneB = d.address.description.hasPrefix("232.2.1.") && (22_100 ..< 22_200).contains(d.port)
            #expect(laneA || laneB, "\(d)")
            let categories = splitBlocks(f.payload)?.map { $0.first! }
            #expect(categories != nil && categories!.allSatisfy { $0 == 34 || $0 == 48 })
        }
        #expect(destinations.count == 14)
        let times = frames.compactMap(unixSeconds)
        #expect(times.count == 100)
        #expect(abs(times.max()! - times.min()! - 0.44) < 0.01)

        var filter = DuplicateFilter(settings: .dualLAN)
        var kept: [Frame] = []
        var keptByPayload: [ArraySlice<UInt8>: Frame] = [:]
        for f in frames {
            if filter.admit(f) {
                kept.append(f)
                keptByPayload[f.payload] = f
            } else if let original = keptByPayload[f.payload], case .udp(_, let d1)? = original.origin, case .udp(_, let d2)? = f.origin {
                // The dropped copy is the same datagram on the other LAN.
                #expect(d1.address != d2.address)
            } else {
                Issue.record("dropped a frame with no kept twin")
            }
        }
        #expect(kept.count == 50)
        #expect(filter.dropped == 50)
        #expect(Set(kept.map(\.payload)).count == 50)
        // And the flow keeps both categories: CAT034 and CAT048 blocks in the unique datagrams.
        let keptCategories = Set(kept.flatMap { splitBlocks($0.payload) ?? [] }.map { $0.first! })
        #expect(keptCategories == [34, 48])
    }

    @Test("outside check: tshark lists the same destination ports and UDP payloads for cat_034_048.pcap")
    func cat034048AgainstTshark() throws {
        guard let path = RealRecordings.path("croatiacontrol-asterix/cat_034_048.pcap") else { return }
        let output = String(decoding: try TShark.run(["-r", path, "-T", "fields", "-e", "udp.dstport", "-e", "udp.payload"]), as: UTF8.self)
        let theirs = output.split(separator: "\n").map(String.init)
        var reader = try RecordingFile.open(path: path)
        let ours = try reader.readAll().map { f -> String in
            guard case .udp(_, let d)? = f.origin else { return "?" }
            return "\(d.port)\t\(hexString(f.payload))"
        }
        #expect(ours == theirs)
    }

    @Test("goasterix/sample.pcap (802.3/LLC, no IP): 5 frames carrying the 7 blocks the README lists, byte for byte those of sample.ast")
    func llcSample() throws {
        // The README lists 7 blocks (CAT001, 002, 030, 032, 034, 048, 255); tshark shows they
        // travel in 5 LLC frames (048+034, 030, 001+002, 255, 032).
        guard let (frames, skipped, format) = try frames("goasterix/sample.pcap") else { return }
        #expect(format == .pcap)
        #expect(skipped.total == 0)
        #expect(frames.count == 5)
        #expect(frames.allSatisfy { if case .llc? = $0.origin { true } else { false } })
        let blocks = frames.flatMap { splitBlocks($0.payload) ?? [] }
        #expect(blocks.map { $0.first! } == [48, 34, 30, 1, 2, 255, 32])
        #expect(Set(blocks.map { $0.first! }) == [1, 2, 30, 32, 34, 48, 255])
        if let astPath = RealRecordings.path("goasterix/sample.ast") {
            let ast = try RecordingFile.load(path: astPath)
            #expect(frames.flatMap { Array($0.payload) } == ast)
        }
    }

    @Test("cat_001_002.pcap with ORADIS framing: whole data blocks of CAT001 and CAT002 only")
    func oradisSample() throws {
        guard let (frames, skipped, _) = try frames("croatiacontrol-asterix/cat_001_002.pcap", framing: .oradis) else { return }
        #expect(skipped.total == 0)
        #expect(!frames.isEmpty)
        let blocks = frames.compactMap { splitBlocks($0.payload) }
        #expect(blocks.count == frames.count)  // each ORADIS packet holds whole blocks
        let categories = blocks.flatMap { $0.map { $0.first! } }
        #expect(Set(categories) == [1, 2])
        #expect(frames.allSatisfy { if case .udp(_, let d)? = $0.origin { d.address == IPv4Address(233, 1, 1, 31) } else { false } })

        // Read plainly, the datagram starts with the ORADIS length (0x00 0x4E), not a category.
        guard let plain = try self.frames("croatiacontrol-asterix/cat_001_002.pcap") else { return }
        #expect(plain.frames.count == 1)
        #expect(plain.frames.first?.payload.prefix(2) == [0x00, 0x4E])
    }

    @Test("cat_062_065.pcap: one datagram to udp/10001 with CAT062 and CAT065; asterix.pcap: 100 CAT062 datagrams to one multicast group, port 20402, over 9.2 s")
    func cat062Files() throws {
        if let (frames, _, _) = try frames("croatiacontrol-asterix/cat_062_065.pcap") {
            #expect(frames.count == 1)
            if case .udp(_, let d)? = frames.first?.origin {
                #expect(d.port == 10_001)
            } else {
                Issue.record("cat_062_065.pcap: not a UDP datagram")
            }
            #expect(frames.first.flatMap { splitBlocks($0.payload) }?.map { $0.first! } == [62, 65])
        }
        if let (frames, skipped, _) = try frames("croatiacontrol-asterix/asterix.pcap") {
            #expect(frames.count == 100)
            #expect(skipped.total == 0)
            #expect(frames.allSatisfy { $0.origin.map { if case .udp(_, let d) = $0 { d == UDPEndpoint(IPv4Address(225, 1, 0, 1), port: 20_402) } else { false } } ?? false })
            #expect(frames.allSatisfy { $0.payload.first == 62 })
            let times = frames.compactMap(unixSeconds)
            #expect(abs(times.max()! - times.min()! - 9.2) < 0.1)
        }
    }

    @Test("parsegps.gps: CAT034 and CAT048 blocks; GPS time is the reception time, just after the records' own 1.5–11.5 s")
    func parseGps() throws {
        guard let (frames, _, format) = try frames("croatiacontrol-asterix/parsegps.gps") else { return }
        #expect(format == .gps)
        // README: CAT034 3 records, CAT048 15 records; a block holds at least one record.
        let cat034 = frames.filter { $0.payload.first == 34 }.count
        let cat048 = frames.filter { $0.payload.first == 48 }.count
        #expect(cat034 + cat048 == frames.count)
        #expect((1 ... 3).contains(cat034))
        #expect((1 ... 15).contains(cat048))
        let gpsTimes = frames.compactMap(timeOfDay)
        #expect(gpsTimes.count == frames.count)
        #expect(gpsTimes == gpsTimes.sorted())
        // The records' ToD (I048/140, I034/030) spans 1.5–11.5 s (README); the recorder stamps
        // reception, so each postfix time is at or after its block's first record, within 1 s
        // (it is 0.02–0.73 s in this file). The README's 1.5–11.5 s is the records' time, so
        // the postfix times end up to 1 s later than 11.5.
        #expect(gpsTimes.min()! >= 1.5)
        #expect(gpsTimes.max()! <= 11.5 + 1.0)
        for f in frames {
            guard let recordTime = firstRecordTimeOfDay(f.payload), let gps = timeOfDay(f) else { continue }
            #expect(recordTime >= 1.45 && recordTime <= 11.55, "record ToD \(recordTime)")
            #expect(gps - recordTime >= 0 && gps - recordTime <= 1.0, "GPS \(gps) vs record \(recordTime)")
        }
    }

    @Test("068test_bds30.gps: 951 CAT034 and 1830 CAT048 blocks; CAT048 times within the README's 30015.6–34756.3 s plus reception delay")
    func bds30() throws {
        guard let (frames, _, format) = try frames("reader_network/068test_bds30.gps") else { return }
        #expect(format == .gps)
        // README: 951 CAT034 and 1830 CAT048 records. A block holds at least one record, so
        // 2781 blocks in all means one record per block.
        #expect(frames.count == 951 + 1830)
        #expect(frames.filter { $0.payload.first == 34 }.count == 951)
        #expect(frames.filter { $0.payload.first == 48 }.count == 1830)
        let cat048Times = frames.filter { $0.payload.first == 48 }.compactMap(timeOfDay)
        #expect(cat048Times.count == 1830)
        // The postfix is the reception time, 0.16–0.23 s after I048/140 (README).
        #expect(cat048Times.min()! >= 30015.6 && cat048Times.min()! <= 30015.6 + 0.25)
        #expect(cat048Times.max()! >= 34756.3 && cat048Times.max()! <= 34756.3 + 0.25)
        let all = frames.compactMap(timeOfDay)
        #expect(abs(all.max()! - all.min()! - 79 * 60) < 60)  // ≈ 79 min
        for f in frames {
            guard let recordTime = firstRecordTimeOfDay(f.payload), let gps = timeOfDay(f) else { continue }
            #expect(abs(gps - recordTime) <= 0.25, "GPS \(gps) vs record \(recordTime)")
        }
    }

    @Test("068test_rrd3.gps: the seven categories the README lists, ToD 28801–28808 s")
    func rrd3() throws {
        guard let (frames, _, _) = try frames("reader_network/068test_rrd3.gps") else { return }
        #expect(Set(frames.map { $0.payload.first! }) == [1, 2, 8, 19, 20, 34, 48])
        let times = frames.compactMap(timeOfDay)
        #expect(times.min()! >= 28801 - 0.5 && times.max()! <= 28808 + 1)
    }

    @Test("every real file opens with the format its name says and reads to the end without an error")
    func everyFile() throws {
        guard FileManager.default.fileExists(atPath: RealRecordings.folder) else {
            print("note: skipping: \(RealRecordings.folder) is absent")
            return
        }
        let expected: [String: ContainerFormat] = ["pcap": .pcap, "gps": .gps, "raw": .raw, "ast": .raw, "bin": .raw]
        let enumerator = FileManager.default.enumerator(atPath: RealRecordings.folder)
        var checked = 0
        while let relative = enumerator?.nextObject() as? String {
            let ext = (relative as NSString).pathExtension
            guard let format = expected[ext] else { continue }
            let path = RealRecordings.folder + "/" + relative
            var reader = try RecordingFile.open(path: path)
            #expect(reader.format == format, "\(relative)")
            let frames = try reader.readAll()
            #expect(!frames.isEmpty, "\(relative)")
            if ext == "bin" {  // the jASTERIX test vectors: one data block each
                let size = try RecordingFile.load(path: path).count
                #expect(frames.count == 1 && frames.first?.payload.count == size, "\(relative)")
            }
            checked += 1
        }
        #expect(checked >= 25)
    }
}
