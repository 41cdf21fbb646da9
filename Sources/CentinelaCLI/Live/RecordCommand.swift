import ArgumentParser
import Glibc
import LiveSources
import Recording
import Surveillance

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Capture a live source to pcap, losslessly, with each datagram's receive time.",
        discussion: """
            Every datagram heard goes to the file as it came (payload, sender, receive time to \
            the microsecond), so `centinela replay` of the file gives what a live run on the \
            same input gave. Runs until SIGINT or SIGTERM (or --duration / --count), then \
            flushes and exits 0. Counts and source state changes go to stderr.
            """)

    @Option(help: "The source: udp://HOST:PORT[?interface=IF&allow=A,B&buffer=BYTES&silence=S] (see the README).")
    var source: String

    @Option(help: "The capture file (.pcap); with rotation, the stem of the files' names.")
    var out: String

    @Option(help: "Start a new file before one passes this size: BYTES, or with a k, M or G suffix (e.g. 512M).")
    var rotateSize: String?

    @Option(help: "Start a new file every this many seconds of receive time (e.g. 3600).")
    var rotateTime: Double?

    @Option(help: "Stop after this many seconds.")
    var duration: Double?

    @Option(help: "Stop after this many datagrams.")
    var count: Int?

    func validate() throws {
        let spec: SourceSpec
        do { spec = try SourceSpec(source) } catch { throw ValidationError("--source: \(error)") }
        guard case .udp = spec else { throw ValidationError("--source: record captures UDP sources (udp://HOST:PORT)") }
        if let rotateSize, Self.bytes(rotateSize) == nil {
            throw ValidationError("--rotate-size: '\(rotateSize)' is not a size such as 1000000, 512M or 2G")
        }
        if let rotateTime, !(rotateTime > 0 && rotateTime.isFinite) { throw ValidationError("--rotate-time must be a positive number of seconds") }
        if let duration, !(duration > 0 && duration.isFinite) { throw ValidationError("--duration must be a positive number of seconds") }
        if let count, count <= 0 { throw ValidationError("--count must be positive") }
    }

    func run() throws {
        guard case .udp(let settings) = try SourceSpec(source) else { return }
        // Room for a second of a busy network while the file is written.
        let ring = FrameRing(capacity: 65_536)
        let listener: UDPPlotSource
        do {
            listener = try UDPPlotSource(settings: settings, ring: ring) { Console.error("record: " + $0) }
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        let capture = RotatingCapture(path: out, rotation: .init(maxBytes: rotateSize.flatMap(Self.bytes), maxSeconds: rotateTime))
        func write(_ f: LiveFrame) throws(ContainerError) {
            try capture.write(f.bytes, timestamp: f.received, source: f.origin?.source ?? PcapWriter.defaultSource,
                              destination: f.origin?.destination ?? PcapWriter.defaultDestination)
        }
        Shutdown.install()
        listener.start()
        Console.error("record: listening on \(settings.listen) (receive buffer \(listener.receiveBuffer) bytes), writing \(out)")
        let started = HostClock.monotonic()
        var lastFlush = started
        var failure: Error?
        loop: while Shutdown.requested == nil {
            var idle = true
            while let f = ring.pop() {
                idle = false
                do {
                    try write(f)
                } catch {
                    failure = error
                    break loop
                }
                if let count, capture.datagrams >= count { break loop }
            }
            let now = HostClock.monotonic()
            if let duration, now - started >= duration { break }
            // At most a second of capture is lost to a crash.
            if now - lastFlush >= 1 {
                do { try capture.flush() } catch { failure = error; break }
                lastFlush = now
            }
            if idle { usleep(2_000) }
        }
        listener.stop()
        // What arrived before the stop is written too.
        while failure == nil, let f = ring.pop(), count.map({ capture.datagrams < $0 }) ?? true {
            do { try write(f) } catch { failure = error }
        }
        do { try capture.close() } catch { failure = failure ?? error }
        let c = listener.counters
        var s = "record: \(capture.datagrams) datagram(s) in \(capture.files.count) file(s)"
        if !capture.files.isEmpty { s += " (\(capture.files.joined(separator: ", ")))" }
        if c.refused > 0 { s += "; \(c.refused) from \(c.refusedSenders) sender(s) not allowed" }
        if c.dropped + c.kernelDrops > 0 { s += "; LOST \(c.kernelDrops) in the kernel, \(c.dropped) in the queue" }
        if let sig = Shutdown.requested { s += "; stopped by signal \(sig)" }
        Console.error(s)
        if let failure { throw RuntimeFailure(message: "\(failure)") }
    }

    /// 1000, 512k, 512M, 2G → bytes.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Int] = ["k": 1 << 10, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = text.last, let unit = units[last] {
            return Int(text.dropLast()).flatMap { $0 > 0 ? $0 * unit : nil }
        }
        return Int(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
