import ArgumentParser

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default configuration of `centinela run`, or check a configuration file.",
        discussion: """
            --print-default writes every key with its default value and a note (the `#` keys, \
            which `run` skips). --check FILE reads FILE as `run` would: exit 0 and a summary when \
            it can run, exit 2 and the first problem, with its key, when not. Files it names \
            (zones, terrain, store) are opened by `run`, not here.
            """)

    @Flag(help: "Print the default configuration (JSON) on standard output.")
    var printDefault = false

    @Option(help: "Check a configuration file.", completion: .file())
    var check: String?

    func validate() throws {
        guard printDefault != (check != nil) else { throw ValidationError("give one of --print-default and --check FILE") }
    }

    func run() throws {
        guard let check else {
            print(RunConfiguration.defaultText, terminator: "")
            return
        }
        let c: RunConfiguration
        do { c = try RunConfiguration.load(path: check) } catch { throw ValidationError("\(error)") }
        var s = "\(check): valid: \(c.sources.count) source(s), \(c.radars.count) radar(s)"
        s += c.alertsWanted ? ", alerts on" : ", alerts off"
        s += c.tracks.map { ", track feed \($0)" } ?? ", no track feed"
        s += c.storePath.map { ", store \($0)" } ?? ", no store"
        s += c.healthPort.map { ", metrics on 127.0.0.1:\($0)" } ?? ""
        print(s)
    }
}
