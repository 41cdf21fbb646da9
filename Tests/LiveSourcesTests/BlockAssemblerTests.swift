import LiveSources
import Testing

@Suite struct BlockAssemblerTests {
    /// Three blocks: CAT048 (8 bytes), CAT034 (6), and an empty CAT048 (3, header only).
    static let blocks: [[UInt8]] = [
        [0x30, 0x00, 0x08, 0xF0, 0x19, 0xC9, 0x35, 0x6D],
        [0x22, 0x00, 0x06, 0xC0, 0x19, 0xC9],
        [0x30, 0x00, 0x03],
    ]
    static let stream = blocks.flatMap { $0 }

    static func assembler(maximumLength: Int = 8192) -> BlockAssembler {
        BlockAssembler(categories: [34, 48], maximumLength: maximumLength)
    }

    /// Feeds `pieces` one after the other; returns the blocks handed out.
    static func feed(_ a: inout BlockAssembler, _ pieces: [[UInt8]]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for piece in pieces {
            piece.withUnsafeBytes { a.append($0) { out.append($0) } }
        }
        return out
    }

    @Test func blocksComeOutWholeHoweverTheStreamIsCut() {
        // Every way of cutting the stream in two, and one byte at a time.
        for cut in 0...Self.stream.count {
            var a = Self.assembler()
            let out = Self.feed(&a, [Array(Self.stream[..<cut]), Array(Self.stream[cut...])])
            #expect(out == Self.blocks, "cut at \(cut)")
        }
        var a = Self.assembler()
        #expect(Self.feed(&a, Self.stream.map { [$0] }) == Self.blocks)
        #expect(a.blocks == 3 && a.resyncs == 0 && a.skippedBytes == 0)
    }

    @Test func anEmptyBlockIsHandedOutAsSoonAsItsHeaderIsIn() {
        var a = Self.assembler()
        #expect(Self.feed(&a, [[], [0x30, 0x00, 0x03], []]) == [[0x30, 0x00, 0x03]])
    }

    @Test func aStreamThatEndsMidBlockHandsOutNothingOfItAndResetForgetsIt() {
        var a = Self.assembler()
        #expect(Self.feed(&a, [Array(Self.stream[..<10])]) == [Self.blocks[0]])
        a.reset()
        #expect(a.skippedBytes == 2, "the 2 bytes of the CAT034 block begun")
        // After the reset the next byte is a header again.
        #expect(Self.feed(&a, [Self.blocks[2]]) == [Self.blocks[2]])
    }

    @Test(arguments: [
        ([0x30, 0x00, 0x02] as [UInt8], "LEN below its own header"),
        ([0x30, 0x20, 0x01], "LEN 8193 over the maximum"),
        ([0x3E, 0x00, 0x08], "CAT 62, not one the device sends"),
    ])
    func aHeaderThatCannotBeRightIsSkippedByteByByteAndCountedOnce(header: [UInt8], why: String) {
        var a = Self.assembler()
        let out = Self.feed(&a, [Self.blocks[0], header, Self.blocks[1], Self.blocks[2]])
        #expect(out == Self.blocks, "\(why): the blocks around it survive")
        #expect(a.resyncs == 1 && a.skippedBytes == 3, "\(why)")
    }

    @Test func aLengthAtTheMaximumIsBelievedAndOneOverItIsNot() {
        var a = Self.assembler(maximumLength: 8)
        #expect(Self.feed(&a, [Self.blocks[0]]) == [Self.blocks[0]])
        var b = Self.assembler(maximumLength: 7)
        #expect(Self.feed(&b, [Self.blocks[0], Self.blocks[1]]) == [Self.blocks[1]])
        #expect(b.resyncs == 1 && b.skippedBytes == 8)
    }

    @Test func twoSeparateLossesOfSyncCountTwice() {
        var a = Self.assembler()
        let out = Self.feed(&a, [[0x00], Self.blocks[0], [0xFF, 0xFF], Self.blocks[1]])
        #expect(out == [Self.blocks[0], Self.blocks[1]])
        #expect(a.resyncs == 2 && a.skippedBytes == 3)
    }

    @Test func randomBytesNeverTrapAndEveryByteIsABlockOrSkipped() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var a = BlockAssembler(categories: [1, 2, 34, 48], maximumLength: 64)
            var total = 0
            noise.withUnsafeBytes { a.append($0) { total += $0.count } }
            a.reset()
            #expect(total + a.skippedBytes == noise.count)
            #expect(a.blocks <= noise.count / 3)
        }
    }
}
