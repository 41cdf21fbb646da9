import ArgumentParser
import Recording
import Simulation

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated radar session (CAT034 + CAT048 over UDP) to a pcap.",
        discussion: """
            For now one built-in scenario: two radars, three transponder aircraft and two \
            primary-only ones on straight tracks for three minutes. Each radar sends to its own \
            loopback port (8601, 8602, …). The same seed gives the same file, byte for byte.
            """)

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output pcap file.")
    var out: String

    func run() throws {
        let scenario = StraightLineScenario.demo(seed: seed)
        let ports = Dictionary(uniqueKeysWithValues: scenario.radars.enumerated().map { ($1.sensor, UInt16(8601 + $0)) })
        do {
            let file = try PcapFileWriter(path: out)
            for d in scenario.generate(seed: seed) {
                try file.write(d.payload, timestamp: d.time, destination: UDPEndpoint(.loopback, port: ports[d.sensor]!))
            }
            try file.close()
            Console.error("\(out): \(file.count) datagram(s)")
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
    }
}
