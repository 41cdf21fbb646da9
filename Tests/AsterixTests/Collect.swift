@testable import Asterix

/// A visitor that keeps what tests look at: per record its category, UAP, bytes and typed or
/// generic decodes; and every failure.
struct Collected: RecordVisitor {
    struct Record {
        var category: UInt8
        var uap: Int
        var bytes: [UInt8]
        /// Each item's bytes by label, "I048/040".
        var items: [(label: String, bytes: [UInt8])]
        var values: [(label: String, value: ItemValue)]
        var cat048: Cat048Record?
    }

    var records: [Record] = []
    var failures: [DecodeError] = []

    mutating func record(_ r: RecordView) {
        var items: [(String, [UInt8])] = []
        for ref in r.items { items.append((r.spec.label(r.name(of: ref)), Array(r[ref]))) }
        let values = (try? r.values()) ?? []
        records.append(Record(
            category: r.spec.category, uap: r.uap, bytes: Array(r.bytes[r.range]), items: items, values: values,
            cat048: r.spec.category == 48 ? Cat048Record(r) : nil))
    }

    mutating func failure(_ e: DecodeError) { failures.append(e) }

    func count(_ category: UInt8) -> Int { records.filter { $0.category == category }.count }
}

/// Decodes a buffer with the given editions and collects everything.
func decodeAll(_ bytes: [UInt8], editions: EditionTable = .standard) -> Collected {
    var decoder = AsterixDecoder(editions: editions)
    var out = Collected()
    bytes.withUnsafeBytes { _ = decoder.decode($0, into: &out) }
    return out
}

extension Collected.Record {
    func value(_ label: String) -> ItemValue? { values.first { $0.label == label }?.value }
    func item(_ label: String) -> [UInt8]? { items.first { $0.label == label }?.bytes }
}
