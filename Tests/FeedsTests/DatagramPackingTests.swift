import Asterix
import Feeds
import Testing

@Suite("CAT062 datagrams")
struct DatagramPackingTests {
    /// Tracks of varying record size: some without callsign, address or altitude.
    static func varied(_ n: Int) -> [SystemTrack] {
        (0..<n).map { i in
            var t = makeTrack(number: UInt16(i % 4095 + 1))
            if i % 3 == 0 { t.callsign = nil }
            if i % 5 == 0 { t.address = nil; t.altitude = nil }
            if i % 7 == 0 { t.firstTime = t.time - 100 }
            return t
        }
    }

    @Test("no datagram exceeds the limit, each is one whole block, and every record arrives once, in order",
          arguments: [1_400, 500, 200])
    func packing(limit: Int) throws {
        var settings = Cat062TrackSettings()
        settings.maxDatagramBytes = limit
        var encoder = try #require(Cat062TrackEncoder(settings: settings))
        let tracks = Self.varied(1_000)
        for t in tracks { encoder.append(t) }
        let datagrams = encoder.flush()
        #expect(encoder.dropped == 0)

        var numbers: [UInt16] = []
        for (k, d) in datagrams.enumerated() {
            #expect(d.count <= limit)
            // One CAT062 block whose LEN is the whole datagram: no record runs past its end.
            #expect(d[0] == 62)
            #expect(Int(d[1]) << 8 | Int(d[2]) == d.count)
            let decoded = decodeCat062(d)
            #expect(decoded.failures == 0)
            // Records are under 100 bytes: even 200 bytes hold two.
            if k < datagrams.count - 1 { #expect(decoded.records.count > 1, "several records a datagram") }
            numbers += decoded.records.map { $0.trackNumber! }
        }
        #expect(numbers == tracks.map(\.number))
        #expect(encoder.flush().isEmpty, "nothing left over")
    }

    @Test("a datagram is closed only when the next record would not fit")
    func filled() throws {
        var settings = Cat062TrackSettings()
        settings.maxDatagramBytes = 600
        let tracks = Self.varied(300)
        // Each record's size on its own: a one-record datagram minus the 3-byte block header.
        let sizes = tracks.map { t -> Int in
            var one = Cat062TrackEncoder(settings: settings)!
            one.append(t)
            return one.flush()[0].count - 3
        }
        var encoder = Cat062TrackEncoder(settings: settings)!
        for t in tracks { encoder.append(t) }
        let datagrams = encoder.flush()
        var next = 0
        for d in datagrams.dropLast() {
            next += decodeCat062(d).records.count
            #expect(d.count + sizes[next] > 600, "record \(next) (\(sizes[next]) bytes) would have fitted in \(d.count)")
        }
    }

    @Test("a record larger than the datagram limit is dropped and counted, never split")
    func tooSmall() throws {
        var settings = Cat062TrackSettings()
        settings.maxDatagramBytes = 20
        var encoder = try #require(Cat062TrackEncoder(settings: settings))
        encoder.append(makeTrack())
        #expect(encoder.flush().isEmpty)
        #expect(encoder.dropped == 1)
        #expect(encoder.records == 0)
    }
}
