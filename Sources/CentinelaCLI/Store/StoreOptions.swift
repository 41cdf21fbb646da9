import ArgumentParser
import FoundationEssentials
import Store

/// Where and how `replay` stores alert changes, track history and the session.
struct StoreOptions: ParsableArguments {
    /// The store used when alerts are on and no --store is given: in the current directory.
    static let defaultPath = "centinela.sqlite"

    @Option(help: ArgumentHelp(
        "SQLite file for alert changes, track history and the session (created when missing). Default with --alerts or --cot: \(defaultPath) in the current directory.",
        valueName: "FILE"))
    var store: String?

    @Flag(help: "Run without a store: alerts are sent but not stored, and carry alert_seq null.")
    var noStore = false

    @Option(help: "When a commit is on the disk: normal (survives a crash or kill -9 of the process) or full (also a power cut; a disk flush per commit).")
    var storeSync: String = StoreSettings().synchronous.rawValue

    @Option(help: "Seconds of data time between two history samples of one track (its first and last updates are always kept).")
    var historyInterval: Double = StoreSettings().historyInterval

    @Option(help: "Alert changes held in memory while the store cannot be written; past that the oldest are dropped and counted.")
    var storeSpool: Int = StoreSettings().spoolCapacity

    @Option(help: "History samples waiting to be written; past that the oldest are dropped and counted rather than the pipeline waiting for the disk.")
    var historyQueue: Int = StoreSettings().historyQueueCapacity

    @Option(help: "The store file may not grow past this many MiB: at the limit writes fail as on a full disk (default: no limit).")
    var storeLimitMib: Int?

    func validate() throws {
        if store != nil, noStore { throw ValidationError("--store and --no-store exclude each other") }
        _ = try settings
    }

    var settings: StoreSettings {
        get throws {
            guard let sync = StoreSettings.Synchronous(rawValue: storeSync) else {
                throw ValidationError("--store-sync takes normal or full; got '\(storeSync)'")
            }
            var s = StoreSettings(synchronous: sync, historyInterval: historyInterval, spoolCapacity: storeSpool,
                                  historyQueueCapacity: historyQueue, sizeLimit: storeLimitMib.map { $0 << 20 })
            // A recording has no deadline: a replay that outruns the disk waits rather than loses history.
            s.historyQueueFull = .wait
            if let problem = s.problem { throw ValidationError("store settings: \(problem)") }
            return s
        }
    }

    /// The store file of a run, nil for none: --store, or the default when alerts are on.
    func path(alertsWanted: Bool) -> String? {
        noStore ? nil : store ?? (alertsWanted ? Self.defaultPath : nil)
    }

    /// Opens the store and begins the run's session; store failures during the run go to stderr.
    func writer(path: String, sources: [String]) throws(RuntimeFailure) -> StoreWriter {
        do {
            return try Self.open(path: path, settings: try settings, sources: sources, command: "replay")
        } catch let error as RuntimeFailure {
            throw error
        } catch {
            throw RuntimeFailure(message: "\(path): \(error)")
        }
    }

    /// Opens the store at `path` and begins a session of `command` (which prefixes its messages on stderr).
    static func open(path: String, settings: StoreSettings, sources: [String], command: String) throws(RuntimeFailure) -> StoreWriter {
        do {
            let file = try StoreFile(path: path, writing: settings)
            return try StoreWriter(file: file, settings: settings, sources: sources,
                                   wallTime: Date().timeIntervalSince1970) { Console.error("\(command): " + $0) }
        } catch {
            throw RuntimeFailure(message: "\(error) (or run with --no-store)")
        }
    }
}
