import ArgumentParser
import FoundationEssentials
import Recording
import Simulation

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated radar session to a pcap, and its truth, from a scenario file.",
        discussion: """
            Each radar sends, per sector, a CAT034 service message and the CAT048 plots of that \
            sector as one UDP datagram to 127.0.0.1 on its port. The scenario format and the truth \
            format are in the README. The same scenario and seed give the same bytes.
            """)

    @Argument(help: "Scenario file (JSON).")
    var scenario: String

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output pcap file.")
    var out: String?

    @Option(help: "Truth output, JSON lines (a header, then one line per flight per second); gzip-compressed when the name ends in .gz.")
    var truth: String?

    @Option(help: "Write the SRTM3 tiles of the scenario's synthetic ground under its flights to this folder, gzip-compressed (N31W111.hgt.gz), for --terrain of replay and evaluate.")
    var tiles: String?

    @Flag(help: "Measure the written session against its settings (detection, noise, false plots, first sight) and print the report.")
    var report = false

    func validate() throws {
        guard out != nil || truth != nil || tiles != nil || report else {
            throw ValidationError("nothing to do: give --out, --truth, --tiles or --report")
        }
    }

    func run() throws {
        let description: Scenario
        let session: Session
        do {
            description = try Scenario(json: RecordingFile.load(path: scenario))
            session = try description.session(seed: seed)
        } catch let error as ScenarioError {
            Console.error("centinela: \(scenario): \(error)")
            throw ExitCode(2)
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        // Before anything is written: a scenario without relief has no ground to make tiles of.
        if tiles != nil, session.relief == nil {
            Console.error("centinela: \(scenario): --tiles needs a terrain_seed (without one the ground is sea level, which no tile describes)")
            throw ExitCode(2)
        }
        do {
            let datagrams = out != nil || report ? session.datagrams(seed: seed) : []
            if let out {
                let file = try PcapFileWriter(path: out)
                for d in datagrams {
                    let port = UInt16(description.radars[d.radar].port)  // checked to fit when the session was made
                    try file.write(d.payload, timestamp: d.time, destination: UDPEndpoint(.loopback, port: port))
                }
                try file.close()
                Console.error("\(out): \(file.count) datagram(s) from \(session.radars.count) radar(s), \(session.flights.count) flight(s)")
            }
            if let truth {
                try RecordingFile.save(path: truth, bytes: description.truthHeader(seed: seed) + session.truthLines())
                Console.error("\(truth): truth of \(session.flights.count) flight(s), one line a second")
            }
            if let tiles { try writeTiles(of: session, to: tiles) }
            if report {
                let text = OutputBuffer()
                text.write(ReportText.render(session.report(datagrams)))
                text.flush()
            }
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
    }

    /// The session's ground as SRTM3 tiles, one gzip file each.
    private func writeTiles(of session: Session, to folder: String) throws {
        let tiles = session.terrainTiles()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for tile in tiles {
            try RecordingFile.save(path: folder + "/" + tile.name + ".gz", bytes: tile.bytes)
        }
        Console.error("\(folder): \(tiles.count) SRTM3 tile(s) of the ground under the flights")
    }
}
