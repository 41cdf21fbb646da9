import ArgumentParser
import Feeds
import Store
import Surveillance

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Print the alert state changes kept in a store, in order: what a consumer that saw a gap missed.",
        discussion: """
            Every stored change numbered above --since (its alert_seq), oldest first. As JSON lines \
            (the alert feed's schema: merge them with what was received by alert_seq; seq numbers \
            this output's lines 1, 2, 3, …) or as a table for people. Reads while a replay writes.
            """)

    @Option(help: ArgumentHelp("The store file.", valueName: "FILE"))
    var store: String = StoreOptions.defaultPath

    @Option(help: "Only changes numbered above this alert_seq (0: all).")
    var since: Int = 0

    @Option(help: "Only this track number's changes.")
    var track: UInt16?

    @Option(help: "jsonl (the alert feed's JSON lines) or table.")
    var format: String = "jsonl"

    func validate() throws {
        guard format == "jsonl" || format == "table" else {
            throw ValidationError("--format takes jsonl or table; got '\(format)'")
        }
        guard since >= 0 else { throw ValidationError("--since takes an alert_seq, 0 or more; got \(since)") }
    }

    func run() throws {
        let file: StoreFile
        do { file = try StoreFile(path: store) } catch { throw RuntimeFailure(message: "\(error)") }
        let out = OutputBuffer()
        var lines = 0
        if format == "table" { out.write(AlertTable.header + "\n") }
        do {
            try file.forEachAlert(since: since, track: track) { stored in
                lines += 1
                if format == "table" {
                    out.write(AlertTable.line(stored) + "\n")
                } else {
                    out.write { AlertJSON.append(stored.alert, sequence: lines, alertSeq: stored.alertSeq, to: &$0) }
                }
            }
        } catch {
            out.flush()
            throw RuntimeFailure(message: "\(error)")
        }
        out.flush()
    }
}

/// One aligned line a stored alert change, for people.
enum AlertTable {
    static let header = [
        padded("ALERT_SEQ", 10), padded("TIME (UTC)", 25), padded("ALERT", 20), padded("STATE", 13),
        padded("TRACK", 6, right: true), "  ", padded("CLASS", 27), padded("SCORE", 6), "REASONS",
    ].joined()

    static func line(_ s: StoredAlert) -> String {
        let a = s.alert
        var time: [UInt8] = []
        UTCText.append(a.time, to: &time, quoted: false)
        return [
            padded(String(s.alertSeq), 10), padded(String(decoding: time, as: UTF8.self), 25), padded(a.id, 20),
            padded(a.state.name, 13), padded(String(a.track.number), 6, right: true), "  ",
            padded(a.classification, 27), padded(fixed(a.score, 2), 6),
            String(a.reasons.joined(separator: " · ").map { $0.isNewline ? " " : $0 }),  // one line a change
        ].joined()
    }
}
