// What the benchmarks measure on: real CAT048 records and real container frames, loaded once
// before any measurement, or synthetic stand-ins when the shared recordings are not beside the
// repository. Nothing here is timed.
import Asterix
import Recording

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Corpus {
    /// The two recordings the CAT048 benchmarks read, relative to `recordingsDirectory`.
    public static let cat048Files = ["reader_network/068test_bds30.gps", "croatiacontrol-asterix/cat_034_048.pcap"]
    public static let pcapFile = "croatiacontrol-asterix/cat_034_048.pcap"
    public static let gpsFile = "reader_network/068test_bds30.gps"

    /// `$CENTINELA_RECORDINGS`, else `shared/recordings/real` beside the repository (CI clones the
    /// repository next to a copy of `shared/`), else nil.
    public static let recordingsDirectory: String? = {
        if let env = getenv("CENTINELA_RECORDINGS") {
            let dir = String(cString: env)
            return isDirectory(dir) ? dir : nil
        }
        // This file is <repo>/Benchmarks/Sources/BenchmarkCorpus/Corpus.swift.
        let repo = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
        let dir = repo + "/../shared/recordings/real"
        return isDirectory(dir) ? dir : nil
    }()

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func note(_ text: String) {
        print("corpus: \(text)")
    }

    // MARK: CAT048 records

    /// Buffers of CAT048 data blocks holding exactly `recordsPerPass` records each, together
    /// covering every CAT048 record of the corpus at least once (the last buffer wraps around to
    /// the first records). Records keep the data blocks they arrived in; a block is cut in two
    /// only where a buffer ends.
    public struct Cat048Passes: Sendable {
        public let passes: [[UInt8]]
        public let recordsPerPass: Int
        /// Distinct records in the corpus.
        public let distinctRecords: Int
        /// Data blocks they arrived in.
        public let originalBlocks: Int
        /// Where they came from, for the report.
        public let origin: String
    }

    public static func cat048Passes(recordsPerPass: Int = 1000) -> Cat048Passes {
        var groups: [[[UInt8]]] = []
        var origin = ""
        if let dir = recordingsDirectory {
            var parts: [String] = []
            for file in cat048Files {
                let path = dir + "/" + file
                do {
                    var reader = try RecordingFile.open(path: path)
                    var n = 0
                    while let frame = try reader.next() {
                        for block in cat048Blocks(of: frame.payload) {
                            let records = splitRecords(block)
                            if !records.isEmpty { groups.append(records); n += records.count }
                        }
                    }
                    parts.append("\(file): \(n) CAT048 records")
                } catch {
                    note("cannot read \(path): \(error); skipping it")
                }
            }
            origin = parts.joined(separator: ", ")
        }
        if groups.isEmpty {
            groups = syntheticCat048Blocks().map(splitRecords)
            origin = "synthetic: \(groups.reduce(0) { $0 + $1.count }) CAT048 records made with Cat048Record.encode (recordings not found)"
        }
        let distinct = groups.reduce(0) { $0 + $1.count }
        let passCount = max(1, (distinct + recordsPerPass - 1) / recordsPerPass)
        var passes: [[UInt8]] = []
        var g = 0, r = 0
        for _ in 0..<passCount {
            var buffer: [UInt8] = []
            var left = recordsPerPass
            while left > 0 {
                let group = groups[g]
                let take = min(left, group.count - r)
                let body = group[r..<(r + take)].reduce(into: [UInt8]()) { $0 += $1 }
                let length = body.count + 3
                precondition(length <= 65_535)
                buffer += [48, UInt8(length >> 8), UInt8(length & 0xFF)]
                buffer += body
                left -= take
                r += take
                if r == group.count { g = (g + 1) % groups.count; r = 0 }
            }
            passes.append(buffer)
        }
        // The passes must decode to exactly `recordsPerPass` records and no error, or every
        // per-record number would be wrong.
        for pass in passes {
            var counter = Counter()
            var decoder = AsterixDecoder(editions: .standard)
            pass.withUnsafeBytes { _ = decoder.decode($0, into: &counter) }
            precondition(counter.records == recordsPerPass && counter.failures == 0,
                         "a benchmark pass decoded to \(counter.records) records and \(counter.failures) failures")
        }
        return Cat048Passes(passes: passes, recordsPerPass: recordsPerPass, distinctRecords: distinct,
                            originalBlocks: groups.count, origin: origin)
    }

    struct Counter: RecordVisitor {
        var records = 0
        var failures = 0
        mutating func record(_ r: RecordView) { records += 1 }
        mutating func failure(_ e: DecodeError) { failures += 1 }
    }

    /// The whole CAT048 data blocks in a frame (a frame may mix categories).
    static func cat048Blocks(of payload: ArraySlice<UInt8>) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var p = payload.startIndex
        while payload.endIndex - p >= 3 {
            let length = Int(payload[p + 1]) << 8 | Int(payload[p + 2])
            guard length >= 3, length <= payload.endIndex - p else { break }
            if payload[p] == 48 { out.append(Array(payload[p..<(p + length)])) }
            p += length
        }
        return out
    }

    /// The bytes of each record of one data block that decodes cleanly; [] otherwise.
    static func splitRecords(_ block: [UInt8]) -> [[UInt8]] {
        struct Collector: RecordVisitor {
            var records: [[UInt8]] = []
            var failed = false
            mutating func record(_ r: RecordView) { records.append(Array(r.bytes[r.range])) }
            mutating func failure(_ e: DecodeError) { failed = true }
        }
        var collector = Collector()
        var decoder = AsterixDecoder(editions: .standard)
        block.withUnsafeBytes { _ = decoder.decode($0, into: &collector) }
        return collector.failed ? [] : collector.records
    }

    /// 200 blocks of 10 plausible Mode S roll-call plots, made with the typed encoder.
    public static func syntheticCat048Blocks(blocks: Int = 200, recordsPerBlock: Int = 10) -> [[UInt8]] {
        guard let spec = EditionTable.standard[48] else { preconditionFailure("no CAT048 definition") }
        var out: [[UInt8]] = []
        var n = 0
        for _ in 0..<blocks {
            var w = DataBlockWriter(category: 48)
            for i in 0..<recordsPerBlock {
                var r = Cat048Record()
                r.sensor = SensorID(sac: 25, sic: 11)
                r.timeOfDay = TimeOfDay(seconds: 27_336 + Double(n) * 0.01)
                r.descriptor = TargetReportDescriptor(detection: .modeSRollCall)
                r.polar = PolarPosition(rangeNM: 20 + Double(n % 180), azimuthDegrees: Double(n * 7 % 360))
                r.mode3A = Mode3A(item: UInt16(0o1000 + n % 0o777))
                r.flightLevel = FlightLevelCode(flightLevel: Double(50 + n % 350))
                r.address = ModeSAddress(UInt32(0x3C_6544 + i))
                r.callsign = Callsign("TEST\(i)")
                r.trackNumber = UInt16(n % 4096)
                r.velocity = PolarVelocity(speed: 0x0800, heading: UInt16(n * 97 % 65_536))
                do {
                    try r.encode(into: &w, spec: spec)
                } catch {
                    preconditionFailure("cannot encode a synthetic CAT048 record: \(error)")
                }
                n += 1
            }
            out.append(w.finish())
        }
        return out
    }

    // MARK: Containers

    /// A recording held in memory, ready for `RecordingFile.reader(bytes:format:)`.
    public struct Container: Sendable {
        public let bytes: [UInt8]
        public let format: ContainerFormat
        public let frames: Int
        public let origin: String
    }

    /// A pcap of exactly `frames` UDP datagrams: the datagrams of the real capture in turn, with
    /// their addresses, rewritten by `PcapWriter`.
    public static func pcap(frames: Int = 1000) -> Container {
        var datagrams: [(payload: [UInt8], source: UDPEndpoint, destination: UDPEndpoint)] = []
        var origin = "synthetic CAT048 datagrams (recordings not found)"
        if let dir = recordingsDirectory {
            do {
                var reader = try RecordingFile.open(path: dir + "/" + pcapFile, format: .pcap)
                while let frame = try reader.next() {
                    if case .udp(let source, let destination) = frame.origin {
                        datagrams.append((Array(frame.payload), source, destination))
                    }
                }
                origin = "the \(datagrams.count) datagrams of \(pcapFile), in turn"
            } catch {
                note("cannot read \(pcapFile): \(error); using synthetic datagrams")
                datagrams = []
            }
        }
        if datagrams.isEmpty {
            datagrams = syntheticCat048Blocks().map { ($0, PcapWriter.defaultSource, PcapWriter.defaultDestination) }
        }
        var w = PcapWriter()
        for i in 0..<frames {
            let d = datagrams[i % datagrams.count]
            do {
                try w.write(d.payload, timestamp: 1_700_000_000 + Double(i) * 0.001, source: d.source, destination: d.destination)
            } catch {
                preconditionFailure("cannot write the benchmark pcap: \(error)")
            }
        }
        return Container(bytes: w.bytes, format: .pcap, frames: frames, origin: origin)
    }

    /// A GPS recording of exactly `frames` data blocks: the real file's header, then its
    /// `[block][postfix]` records in turn.
    public static func gps(frames: Int = 1000) -> Container {
        var header = [UInt8](repeating: 0xCD, count: GPSReader.headerLength)
        var records: [[UInt8]] = []
        var origin = "synthetic CAT048 blocks (recordings not found)"
        if let dir = recordingsDirectory {
            do {
                let bytes = try RecordingFile.load(path: dir + "/" + gpsFile)
                var reader = try RecordingFile.reader(bytes: bytes, format: .gps)
                while let frame = try reader.next() {
                    let end = frame.payload.endIndex + GPSReader.postfixLength
                    records.append(Array(bytes[frame.payload.startIndex..<end]))
                }
                header = Array(bytes[0..<GPSReader.headerLength])
                origin = "the \(records.count) blocks of \(gpsFile), in turn"
            } catch {
                note("cannot read \(gpsFile): \(error); using synthetic blocks")
                records = []
            }
        }
        if records.isEmpty {
            records = syntheticCat048Blocks().enumerated().map { i, block in
                let ticks = UInt32(27_336 * 128 + i)
                return block + [0, 0, 0, 0, 0, 0, UInt8(ticks >> 16 & 0xFF), UInt8(ticks >> 8 & 0xFF), UInt8(ticks & 0xFF), 0]
            }
        }
        var bytes = header
        for i in 0..<frames { bytes += records[i % records.count] }
        return Container(bytes: bytes, format: .gps, frames: frames, origin: origin)
    }
}
