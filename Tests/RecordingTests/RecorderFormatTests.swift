import Testing
import Recording
import Surveillance

/// A GPS recording: 2200 header bytes (0xCD as in the real files), then per block the block and
/// a 10-byte postfix whose bytes 6...8 are the time of day in 1/128 s.
func gpsFile(_ blocks: [([UInt8], UInt32)]) -> [UInt8] {
    var bytes = [UInt8](repeating: 0xCD, count: 2200)
    for (block, ticks) in blocks {
        bytes += block
        bytes += [0, 0, 0, 0, 0, 0, UInt8(ticks >> 16 & 0xFF), UInt8(ticks >> 8 & 0xFF), UInt8(ticks & 0xFF), 0]
    }
    return bytes
}

/// A final-format record: LEN(2) board line day time(3, 10 ms) blocks A5A5A5A5, with LEN
/// written under the given reading of what it counts.
func finalRecord(_ blocks: [UInt8], board: UInt8, line: UInt8, day: UInt8, centiseconds: UInt32,
                 convention: FinalReader.LengthConvention) -> [UInt8] {
    let length = switch convention {
    case .wholeRecord: 8 + blocks.count + 4
    case .headerAndBlocks: 8 + blocks.count
    case .blocksOnly: blocks.count
    }
    return [UInt8(length >> 8), UInt8(length & 0xFF), board, line, day,
            UInt8(centiseconds >> 16 & 0xFF), UInt8(centiseconds >> 8 & 0xFF), UInt8(centiseconds & 0xFF)]
        + blocks + [0xA5, 0xA5, 0xA5, 0xA5]
}

@Suite("GPS and final recorder formats")
struct RecorderFormatTests {
    let b1 = dataBlock(48, [0xFF, 0xF7, 0x02, 0x14, 0xC1])
    let b2 = dataBlock(34, [0xF6, 0x14, 0xC1])

    @Test("GPS: one frame per block, the postfix time of day, offsets after the 2200-byte header")
    func gps() throws {
        let file = gpsFile([(b1, 279), (b2, 128 * 86_399 + 127)])
        var reader = try GPSReader(bytes: file)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        #expect(frames.map { Array($0.payload) } == [b1, b2])
        #expect(frames.map(\.timestamp) == [.timeOfDay(TimeOfDay(ticks: 279)), .timeOfDay(TimeOfDay(ticks: 128 * 86_399 + 127))])
        #expect(frames.map(\.offset) == [2200, 2200 + b1.count + 10])
    }

    @Test("GPS: a file shorter than its header, a LEN below 3 and a missing postfix are errors")
    func gpsErrors() throws {
        #expect(throws: ContainerError.self) { try GPSReader(bytes: [UInt8](repeating: 0, count: 2199)) }
        var empty = try GPSReader(bytes: gpsFile([]))
        #expect(try empty.next() == nil)  // a header and nothing else is an empty recording

        var badLength = try GPSReader(bytes: gpsFile([(b1, 1)]) + [48, 0, 0] + [UInt8](repeating: 0, count: 10))
        #expect(try badLength.next() != nil)
        let e1 = #expect(throws: ContainerError.self) { try badLength.next() }
        #expect(e1?.kind == .badLength)
        #expect(e1?.offset == 2200 + b1.count + 10)

        var noPostfix = try GPSReader(bytes: gpsFile([]) + b1 + [0, 0, 0, 0, 0])
        let e2 = #expect(throws: ContainerError.self) { try noPostfix.next() }
        #expect(e2?.kind == .truncated)
        #expect(e2?.message.contains("10-byte postfix") == true)
    }

    @Test("final: the three readings of LEN give the same frames, and the reading is found from the first record",
          arguments: FinalReader.LengthConvention.allCases)
    func finalConventions(_ convention: FinalReader.LengthConvention) throws {
        let file = finalRecord(b1 + b2, board: 3, line: 7, day: 12, centiseconds: 4_567_891, convention: convention)
            + finalRecord(b2, board: 3, line: 8, day: 12, centiseconds: 4_567_900, convention: convention)
        var reader = FinalReader(bytes: file)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        #expect(reader.convention == convention)
        #expect(frames.map { Array($0.payload) } == [b1 + b2, b2])
        #expect(frames.map(\.origin) == [.recorder(board: 3, line: 7), .recorder(board: 3, line: 8)])
        // 45678.91 s in 10 ms units becomes 1/128 s ticks, rounded.
        #expect(frames.first?.timestamp == .timeOfDay(TimeOfDay(ticks: 5_846_900)))
        #expect(frames.last?.timestamp == .timeOfDay(TimeOfDay(ticks: 5_846_912)))
        #expect(frames.map(\.offset) == [8, file.count - 4 - b2.count])
    }

    @Test("final: a record that breaks the convention found first is an error at its padding")
    func finalWrongConvention() throws {
        let first = finalRecord(b1, board: 1, line: 1, day: 1, centiseconds: 100, convention: .wholeRecord)
        let file = first + finalRecord(b2, board: 1, line: 1, day: 1, centiseconds: 200, convention: .headerAndBlocks)
        var reader = FinalReader(bytes: file)
        #expect(try reader.next() != nil)
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.kind == .badFraming)
        #expect(error?.message.contains("A5A5A5A5") == true)
        #expect(try reader.next() == nil)
    }

    @Test("final: bytes with no padding under any reading are refused with an explanation")
    func finalNotFinal() {
        var reader = FinalReader(bytes: [0, 20, 1, 2, 3, 4, 5, 6] + [UInt8](repeating: 0x11, count: 30))
        let error = #expect(throws: ContainerError.self) { try reader.next() }
        #expect(error?.kind == .badFraming)
        #expect(error?.message.contains("does not look like a final-format file") == true)
    }
}
