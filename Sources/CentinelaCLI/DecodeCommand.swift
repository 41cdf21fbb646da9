import ArgumentParser
import Asterix
import Recording

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print every ASTERIX record of recordings, one JSON line or table row each.",
        discussion: "A summary per file goes to stderr: frames, blocks, records per category, errors. The JSON schema is in the README.")

    @OptionGroup var source: SourceOptions

    @Option(help: "jsonl (one JSON object a record) or table (aligned columns for people).")
    var format: String = "jsonl"

    @Option(name: .customLong("category"), help: "Print only this category (repeatable).")
    var categories: [UInt8] = []

    func validate() throws {
        guard format == "jsonl" || format == "table" else {
            throw ValidationError("unknown format '\(format)': use jsonl or table")
        }
    }

    func run() throws {
        let out = OutputBuffer()
        let table = format == "table"
        if table { out.write(RecordTable.header + "\n") }
        let wanted = Set(categories)
        try decodeRecordings(source) { record, frame in
            guard wanted.isEmpty || wanted.contains(record.spec.category) else { return }
            do {
                if table {
                    out.write(try RecordTable.line(record))
                } else {
                    try out.write { bytes throws(SizeFailure) in try RecordJSON.append(record, frame: frame, to: &bytes) }
                }
            } catch {
                // The scanner sized the item by the same definition, so this is a decoder defect.
                Console.error("centinela: cannot print a CAT\(record.spec.category) record: \(error)")
            }
        }
        out.flush()
    }
}
