import ArgumentParser
import Asterix
import Recording

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Re-encode recordings into a pcap through Centinela's typed encoders.",
        discussion: """
            CAT034, CAT048 and CAT062 records are decoded into typed records and encoded again \
            (CAT048 items without a typed form are left out); records of other categories are copied as \
            they are. Each input frame becomes one UDP datagram to 127.0.0.1 on --port, with the \
            frame's timestamp (GPS and final files: that time of day on 1970-01-01). Used to check our \
            encoder against independent decoders (tools/crosscheck.py).
            """)

    @OptionGroup var source: SourceOptions

    @Option(help: "Output pcap file.")
    var out: String

    @Option(help: "UDP destination port on 127.0.0.1.")
    var port: UInt16 = 8600

    func run() throws {
        let file: PcapFileWriter
        do {
            file = try PcapFileWriter(path: out)
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        let destination = UDPEndpoint(.loopback, port: port)
        var encoder = Reencoder()
        var failure: ContainerError?
        var frameIndex = 0
        try decodeRecordings(source, onFrame: { frame in
            encoder.flush(to: file, destination: destination, failure: &failure)
            encoder.time = Self.timestamp(frame.timestamp, index: frameIndex)
            frameIndex += 1
        }, onRecord: { record, _ in
            encoder.add(record)
        })
        encoder.flush(to: file, destination: destination, failure: &failure)
        do {
            try file.close()
        } catch {
            failure = failure ?? error
        }
        if let failure { throw RuntimeFailure(message: "\(failure)") }
        Console.error("\(out): \(file.count) datagram(s) written" + (encoder.dropped > 0 ? ", \(encoder.dropped) record(s) not re-encodable left out" : ""))
    }

    static func timestamp(_ t: FrameTime?, index: Int) -> Double {
        switch t {
        case .unix(let s)?: return s
        case .timeOfDay(let tod)?: return tod.seconds
        case nil: return Double(index)
        }
    }
}

/// Collects the re-encoded records of one frame into data blocks, one block per run of records of
/// one category.
private struct Reencoder {
    var time = 0.0
    /// Records the typed codec could not carry over.
    private(set) var dropped = 0
    private var writer: DataBlockWriter?
    private var datagram: [UInt8] = []

    mutating func add(_ record: RecordView) {
        let spec = record.spec
        if writer?.category != spec.category || (writer?.count ?? 0) > 60_000 { finishBlock() }
        if writer == nil { writer = DataBlockWriter(category: spec.category) }
        do {
            switch spec.category {
            case 48: try Cat048Record(record).encode(into: &writer!, spec: spec)
            case 34: try Cat034Record(record).encode(into: &writer!, spec: spec)
            case 62: try Cat062Record(record).encode(into: &writer!, spec: spec)
            default: writer!.appendRecord(bytes: UnsafeRawBufferPointer(rebasing: record.bytes[record.range]))
            }
        } catch {
            dropped += 1
        }
    }

    private mutating func finishBlock() {
        if var w = writer, w.records > 0 { datagram += w.finish() }
        writer = nil
    }

    mutating func flush(to file: PcapFileWriter, destination: UDPEndpoint, failure: inout ContainerError?) {
        finishBlock()
        guard !datagram.isEmpty else { return }
        do {
            try file.write(datagram, timestamp: time, destination: destination)
        } catch {
            failure = failure ?? error
        }
        datagram.removeAll(keepingCapacity: true)
    }
}
