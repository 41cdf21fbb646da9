import ArgumentParser
import Glibc

@main
struct Centinela: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centinela",
        abstract: "Radar track processing for the northern border: ASTERIX in, tracks and alerts out.",
        subcommands: [DecodeCommand.self, ConvertCommand.self, SimulateCommand.self, ReplayCommand.self, EvaluateCommand.self,
                      AlertsCommand.self, HistoryCommand.self, RecordCommand.self, RunCommand.self, ConfigCommand.self, DisplayCommand.self]
    )

    /// Exit codes as DESIGN.md sets them: 0 success, 1 runtime failure, 2 bad usage or configuration
    /// (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Glibc.exit(error.rawValue)
        } catch let error as RuntimeFailure {
            Console.error("centinela: \(error.message)")
            Glibc.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)  // --help, --version
            }
            Console.error(fullMessage(for: error))
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// A failure while doing the work (a file that cannot be read), as opposed to bad usage.
struct RuntimeFailure: Error {
    let message: String
}
