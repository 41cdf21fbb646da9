import Testing
import Recording

@Suite("Raw ASTERIX files")
struct RawReaderTests {
    @Test("blocks back to back: one frame per block, with its offset, and a clean end")
    func blocksBackToBack() throws {
        let a = dataBlock(48, [0x80, 0x19, 0xC9]), b = dataBlock(34, [0x01]), c = dataBlock(62, [])
        var reader = RawReader(bytes: a + b + c)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        #expect(frames.map { Array($0.payload) } == [a, b, c])
        #expect(frames.map(\.offset) == [0, a.count, a.count + b.count])
        #expect(frames.allSatisfy { $0.payload.startIndex == $0.offset && $0.timestamp == nil && $0.origin == nil })
        #expect(try reader.next() == nil)
    }

    @Test("LEN below 3 ends the file with an error naming the offset")
    func lengthBelowHeader() throws {
        let good = dataBlock(48, [1, 2, 3])
        var reader = RawReader(bytes: good + [48, 0, 2, 9, 9])
        #expect(try reader.next() != nil)
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.kind == .badLength)
        #expect(error?.offset == good.count)
        #expect(error?.message.contains("offset \(good.count)") == true)
        #expect(try reader.next() == nil)  // it cannot resynchronise, so it stays ended
    }

    @Test("LEN past the end: the message gives the claim and the file size")
    func lengthPastEnd() {
        var reader = RawReader(bytes: [48, 0x01, 0x00, 1, 2, 3])
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.kind == .truncated)
        #expect(error?.message == "raw data block at offset 0 (category 48) claims 256 bytes, past the end of the file (6 bytes)")
    }

    @Test("real: sample.ast holds the 7 blocks the README lists, in file order 48 34 30 1 2 255 32")
    func realSampleAst() throws {
        guard let path = RealRecordings.path("goasterix/sample.ast") else { return }
        var reader = try RecordingFile.open(path: path)
        #expect(reader.format == .raw)
        let frames = try reader.readAll()
        #expect(frames.map { $0.payload.first! } == [48, 34, 30, 1, 2, 255, 32])
        #expect(frames.reduce(0) { $0 + $1.payload.count } == 1029)  // the README's byte count
    }

    @Test("real: cat048.raw is one 48-byte CAT048 block, cat062cat065.raw holds CAT062 and CAT065")
    func realSmallRaw() throws {
        if let path = RealRecordings.path("croatiacontrol-asterix/cat048.raw") {
            var reader = try RecordingFile.open(path: path)
            let frames = try reader.readAll()
            #expect(frames.count == 1)
            #expect(frames.first?.payload.first == 48)
            #expect(frames.first?.payload.count == 48)
        }
        if let path = RealRecordings.path("croatiacontrol-asterix/cat062cat065.raw") {
            var reader = try RecordingFile.open(path: path)
            let categories = Set(try reader.readAll().map { $0.payload.first! })
            #expect(categories == [62, 65])
        }
    }
}
