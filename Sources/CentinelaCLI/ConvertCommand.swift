import ArgumentParser
import Asterix
import Recording

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Re-encode recordings into a pcap through Centinela's typed encoders.",
        discussion: """
            CAT034 and CAT048 (and CAT062 where typed) records are decoded into typed records and \
            encoded again; blocks of other categories are copied as they are. Each block becomes one \
            UDP datagram to 127.0.0.1 on --port, with the original timestamp where the file has one. \
            Used to check our encoder against independent decoders (tools/crosscheck.py).
            """)

    @OptionGroup var source: SourceOptions

    @Option(help: "Output pcap file.")
    var out: String

    @Option(help: "UDP destination port on 127.0.0.1.")
    var port: UInt16 = 8600

    func run() throws {
        throw RuntimeFailure(message: "convert: not wired yet")
    }
}
