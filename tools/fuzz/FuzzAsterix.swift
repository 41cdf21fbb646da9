// libFuzzer target: arbitrary bytes as a datagram of ASTERIX data blocks.
//
// Every record the scanner accepts also goes through
// - the generic definition-driven value decoder (`values()`) and JSON text;
// - the typed reader of its category (CAT001, 002, 021, 034, 048, 062), and for CAT048 `Plot`;
// - a round trip: the typed record encoded again must decode, and to the same typed record.
// Nothing here may trap on bad input: untrusted bytes must end in a DecodeError or SizeFailure.
// A broken round trip stops the run with fatalError and a message saying which; with
// FUZZ_NO_ROUNDTRIP=1 in the environment the round trip is skipped (to look past a known one).
import Asterix
#if canImport(Glibc)
import Glibc
#endif

let checkRoundTrip = getenv("FUZZ_NO_ROUNDTRIP") == nil

/// A typed record that reads from and writes to data blocks.
protocol RoundTrip: Equatable {
    init(_ record: RecordView) throws(SizeFailure)
    func encode(into w: inout DataBlockWriter, spec: CategorySpec) throws(RecordEncodeError)
}

extension Cat001Record: RoundTrip {}
extension Cat002Record: RoundTrip {}
extension Cat021Record: RoundTrip {}
extension Cat034Record: RoundTrip {}
extension Cat048Record: RoundTrip {}
extension Cat062Record: RoundTrip {}

struct Capture<T: RoundTrip>: RecordVisitor {
    var typed: [T] = []
    var typedFailures: [SizeFailure] = []
    var errors: [DecodeError] = []
    mutating func record(_ r: RecordView) {
        do { typed.append(try T(r)) } catch { typedFailures.append(error) }
    }
    mutating func failure(_ e: DecodeError) { errors.append(e) }
}

nonisolated(unsafe) var checkDecoder = AsterixDecoder(editions: .standard)

func roundTrip<T: RoundTrip>(_: T.Type, _ r: RecordView) -> Int {
    guard let typed = try? T(r) else { return 0 }
    guard checkRoundTrip else { return 1 }
    var w = DataBlockWriter(category: r.spec.category)
    do {
        try typed.encode(into: &w, spec: r.spec)
    } catch {
        return 0
    }
    let block = w.finish()
    var again = Capture<T>()
    block.withUnsafeBytes { _ = checkDecoder.decode($0, into: &again) }
    let what = "CAT\(r.spec.category) \(T.self): record \(Array(r.bytes[r.range]).map { String($0, radix: 16) }) re-encoded as \(block.map { String($0, radix: 16) })"
    if !again.errors.isEmpty { fatalError("\(what): the decoder rejects it: \(again.errors)") }
    if !again.typedFailures.isEmpty { fatalError("\(what): the typed reader rejects it: \(again.typedFailures)") }
    if again.typed.count != 1 { fatalError("\(what): decodes to \(again.typed.count) records") }
    if again.typed[0] != typed { fatalError("\(what): decodes to a different record:\n\(typed)\n\(again.typed[0])") }
    return block.count
}

struct FuzzVisitor: RecordVisitor {
    var records = 0
    var failures = 0
    var sink = 0

    mutating func record(_ r: RecordView) {
        records += 1
        for ref in r.items {
            sink &+= r[ref].count
            _ = r.name(of: ref)
        }
        if let values = try? r.values() {
            var text: [UInt8] = []
            for (label, value) in values {
                JSONText.appendString(label, to: &text)
                JSONText.append(value, to: &text)
            }
            sink &+= text.count
        }
        switch r.spec.category {
        case 1: sink &+= roundTrip(Cat001Record.self, r)
        case 2: sink &+= roundTrip(Cat002Record.self, r)
        case 21: sink &+= roundTrip(Cat021Record.self, r)
        case 34: sink &+= roundTrip(Cat034Record.self, r)
        case 48:
            if let plot = Plot(Cat048Record(r)) { sink &+= plot.azimuth.isFinite ? 1 : 2 }
            sink &+= roundTrip(Cat048Record.self, r)
        case 62: sink &+= roundTrip(Cat062Record.self, r)
        default: break
        }
    }

    mutating func failure(_ e: DecodeError) {
        failures += 1
        sink &+= "\(e)".utf8.count
    }
}

nonisolated(unsafe) var decoder = AsterixDecoder(editions: .standard)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAsterix(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var visitor = FuzzVisitor()
    let counts = decoder.decode(bytes, into: &visitor)
    if counts.records != visitor.records {
        fatalError("decoder counted \(counts.records) records, its visitor saw \(visitor.records)")
    }
    return 0
}
