import ArgumentParser
import Asterix
import Recording

/// How to read recordings: shared by every command that takes recording files.
struct SourceOptions: ParsableArguments {
    @Argument(help: "Recording files: raw ASTERIX, pcap, pcapng, GPS recorder (.gps) or final format (.ff).")
    var files: [String]

    @Option(name: .customLong("edition"), help: ArgumentHelp(
        "Edition of a category, as CAT=X.Y, or for one source only as CAT=X.Y@SAC/SIC (repeatable), e.g. 48=1.31 or 21=0.26@0/5.",
        valueName: "CAT=X.Y[@SAC/SIC]"))
    var editions: [String] = []

    @Option(help: "Container format instead of detecting it: raw, pcap, pcapng, gps, final.")
    var container: String?

    @Option(help: "How UDP payloads carry ASTERIX: plain, or oradis (LEN16 TIME32 headers).")
    var framing: String = "plain"

    @Flag(help: "Keep datagrams repeated on a second LAN (by default a payload seen again within 1 s is dropped).")
    var keepDuplicates = false

    func validate() throws {
        _ = try editionTable()
        if let container, ContainerFormat(rawValue: container) == nil {
            throw ValidationError("unknown container '\(container)': use raw, pcap, pcapng, gps or final")
        }
        if PayloadFraming(rawValue: framing) == nil {
            throw ValidationError("unknown framing '\(framing)': use plain or oradis")
        }
    }

    func editionTable() throws -> EditionTable {
        var table = EditionTable.standard
        for text in editions {
            let parts = text.split(separator: "=")
            let rhs = parts.count == 2 ? parts[1].split(separator: "@", omittingEmptySubsequences: false) : []
            guard parts.count == 2, let cat = UInt8(parts[0]), (1...2).contains(rhs.count), let edition = Edition(rhs[0]) else {
                throw ValidationError("--edition takes CAT=X.Y or CAT=X.Y@SAC/SIC, e.g. 48=1.31; got '\(text)'")
            }
            var source: SensorID?
            if rhs.count == 2 {
                let ids = rhs[1].split(separator: "/")
                guard ids.count == 2, let sac = UInt8(ids[0]), let sic = UInt8(ids[1]) else {
                    throw ValidationError("--edition: the source after @ is SAC/SIC, e.g. 25/201; got '\(rhs[1])'")
                }
                source = SensorID(sac: sac, sic: sic)
            }
            guard table.use(edition, for: cat, source: source) else {
                let known = SpecLibrary.editions(of: cat).map(\.description).joined(separator: ", ")
                throw ValidationError("no definition of CAT\(cat) edition \(edition)" + (known.isEmpty ? "" : "; known: \(known)"))
            }
        }
        return table
    }

    var duplicateSettings: DuplicateFilter.Settings { keepDuplicates ? .off : .dualLAN }
}

/// Counts for the summary a command prints on stderr.
struct DecodeSummary {
    var frames = 0
    var duplicates = 0
    var blocks = 0
    var records: [UInt8: Int] = [:]
    var unsupported: [UInt8: Int] = [:]
    var errors = 0
    var messages: [String] = []

    static let maxMessages = 20

    mutating func note(_ message: String) {
        errors += 1
        if messages.count < Self.maxMessages { messages.append(message) }
    }

    func print(file: String, format: ContainerFormat, skipped: SkipCounts) {
        var s = "\(file): \(format), \(frames) frame(s)"
        if duplicates > 0 { s += ", \(duplicates) duplicate(s) dropped" }
        if skipped.total > 0 { s += ", skipped \(skipped)" }
        s += "; \(blocks) block(s); records:"
        s += records.isEmpty ? " none" : records.keys.sorted().map { " CAT\(pad3($0)) \(records[$0]!)" }.joined(separator: ",")
        if !unsupported.isEmpty {
            s += "; unsupported blocks:" + unsupported.keys.sorted().map { " CAT\(pad3($0)) \(unsupported[$0]!)" }.joined(separator: ",")
        }
        s += "; \(errors) error(s)"
        Console.error(s)
        for m in messages { Console.error("  " + m) }
        if errors > messages.count { Console.error("  … \(errors - messages.count) more") }
    }
}

func pad3(_ cat: UInt8) -> String {
    let s = String(cat)
    return String(repeating: "0", count: 3 - s.count) + s
}

/// Reads every frame of every file in order and drops second-LAN duplicates; `onFrame` gets each
/// frame, `onFileEnd` the file's reader and the duplicates dropped once the file is read (or a
/// read error ended it). Files that cannot be opened are reported on stderr; throws `ExitCode(1)`
/// after the others are read if there were any. Reading ends early once `stop` returns true.
func forEachFrame(_ options: SourceOptions, until stop: () -> Bool = { false }, onFrame: (Frame) -> Void,
                  onFileEnd: (_ reader: RecordingFile.Reader, _ duplicates: Int, _ readError: ContainerError?) -> Void) throws {
    let framing = PayloadFraming(rawValue: options.framing) ?? .plain
    let format = options.container.flatMap(ContainerFormat.init(rawValue:))
    var unreadable = 0
    for path in options.files where !stop() {
        var reader: RecordingFile.Reader
        do {
            reader = try RecordingFile.open(path: path, format: format, framing: framing)
        } catch {
            Console.error("centinela: \(error)")
            unreadable += 1
            continue
        }
        var filter = DuplicateFilter(settings: options.duplicateSettings)
        var readError: ContainerError?
        while !stop() {
            do throws(ContainerError) {
                guard let frame = try reader.next() else { break }
                if filter.admit(frame) { onFrame(frame) }
            } catch {
                readError = error
                break
            }
        }
        onFileEnd(reader, filter.dropped, readError)
    }
    if unreadable > 0 { throw ExitCode(1) }
}

/// Reads every frame of every file, drops second-LAN duplicates, decodes the ASTERIX in each and
/// hands records to `onRecord`; prints a summary per file on stderr. Throws only when a file
/// cannot be opened at all.
func decodeRecordings(_ options: SourceOptions, onFrame: (Frame) -> Void = { _ in },
                      onRecord: @escaping (RecordView, Frame) -> Void) throws {
    var visitor = SummaryVisitor(decoder: AsterixDecoder(editions: try options.editionTable()), onRecord: onRecord)
    var summary = DecodeSummary()
    try forEachFrame(options) { frame in
        summary.frames += 1
        onFrame(frame)
        visitor.decode(frame, into: &summary)
    } onFileEnd: { reader, duplicates, readError in
        if let readError { summary.note("\(readError)") }
        summary.duplicates = duplicates
        summary.frames += duplicates
        summary.print(file: reader.path, format: reader.format, skipped: reader.skipped)
        summary = DecodeSummary()
    }
}

private struct SummaryVisitor: RecordVisitor {
    var decoder: AsterixDecoder
    let onRecord: (RecordView, Frame) -> Void
    private var frame: Frame?
    private var summary = DecodeSummary()

    init(decoder: AsterixDecoder, onRecord: @escaping (RecordView, Frame) -> Void) {
        self.decoder = decoder
        self.onRecord = onRecord
    }

    mutating func decode(_ frame: Frame, into total: inout DecodeSummary) {
        self.frame = frame
        summary = total
        var d = decoder
        frame.payload.withUnsafeBytes { bytes in
            let counts = d.decode(bytes, into: &self)
            summary.blocks += counts.blocks
        }
        decoder = d
        total = summary
    }

    mutating func record(_ record: RecordView) {
        summary.records[record.spec.category, default: 0] += 1
        onRecord(record, frame!)
    }

    mutating func failure(_ error: DecodeError) {
        if error.reason == .unsupportedCategory {
            summary.unsupported[error.category, default: 0] += 1
            return
        }
        var e = error
        e.offset += frame!.offset
        summary.note("\(e) (file offset)")
    }
}
