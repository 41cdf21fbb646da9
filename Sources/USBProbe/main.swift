// usb-probe: streams a USB plot source for a bounded time and reports what it saw. A diagnostic
// for a device on the bench, and what the umockdev tests run (a test cannot be preloaded itself).
//
//   usb-probe [--device VID:PID[:SERIAL]] [--transfers N] [--size BYTES] [--ring FRAMES]
//             [--seconds S] [--blocks N] [--until STATE [--times K]] [--hold] [--out FILE]
//
// Stops after S seconds (default 10), after N blocks, or when a state whose description starts
// with STATE (e.g. `reconnecting`) has come K times (default 1), whichever comes first. `--hold`
// leaves the ring alone until the end, to see a full ring drop and count. Prints each state as it changes
// (`state: connected`), then `ended: time|blocks|state` and the counters; `--out` writes the
// blocks back to back (a raw recording `centinela decode` reads). Exit 2 on bad usage.
import Glibc
import LiveSources
import Surveillance
import Synchronization

func usage(_ message: String) -> Never {
    SourceLog.line("usb-probe: \(message)")
    exit(2)
}

var settings = USBSourceSettings()
var ringCapacity = 4096
var seconds = 10.0
var blockLimit = Int.max
var until: String?
var times = 1
var hold = false
var outPath: String?

var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    if option == "--hold" {
        hold = true
        continue
    }
    guard let value = arguments.popFirst() else { usage("\(option) needs a value") }
    func number<T: LosslessStringConvertible>(_: T.Type) -> T {
        guard let n = T(value) else { usage("\(option) \(value): not a number") }
        return n
    }
    switch option {
    case "--device":
        do { settings = try USBSourceSettings(device: value) } catch { usage(error.description) }
    case "--transfers": settings.transferCount = number(Int.self)
    case "--size": settings.transferSize = number(Int.self)
    case "--ring": ringCapacity = number(Int.self)
    case "--seconds": seconds = number(Double.self)
    case "--blocks": blockLimit = number(Int.self)
    case "--until": until = value
    case "--times": times = number(Int.self)
    case "--out": outPath = value
    default: usage("unknown option \(option)")
    }
}
guard ringCapacity > 0 else { usage("--ring \(ringCapacity): at least 1") }

let states = Mutex<[SourceState]>([])
let ring = FrameRing(capacity: ringCapacity)
let source: USBPlotSource
do {
    source = try USBPlotSource(settings: settings, ring: ring) { state in states.withLock { $0.append(state) } }
} catch {
    usage(error.description)
}

var frames: [LiveFrame] = []
var printed = 0
var seen = 0
var ended = "time"
let deadline = HostClock.utcNow() + seconds
source.start()
loop: while HostClock.utcNow() < deadline {
    while !hold, let frame = ring.pop() { frames.append(frame) }
    for state in states.withLock({ $0 })[printed...] {
        print("state: \(state)")
        printed += 1
        if let until, state.description.hasPrefix(until) {
            seen += 1
            if seen == times {
                ended = "state"
                break loop
            }
        }
    }
    if frames.count >= blockLimit {
        ended = "blocks"
        break
    }
    usleep(5_000)
}
source.stop()
while let frame = ring.pop() { frames.append(frame) }
for state in states.withLock({ $0 })[printed...] { print("state: \(state)") }
let c = source.counters
print("ended: \(ended)")
print("counters: transfers=\(c.transfers) bytes=\(c.bytes) blocks=\(c.blocks) resyncs=\(c.resyncs) skipped=\(c.skippedBytes) drops=\(c.drops) errors=\(c.errors) reconnects=\(c.reconnects)")
if let outPath {
    let bytes = frames.flatMap(\.bytes)
    guard let file = fopen(outPath, "wb"), fwrite(bytes, 1, bytes.count, file) == bytes.count, fclose(file) == 0 else {
        SourceLog.line("usb-probe: cannot write \(outPath): \(String(cString: strerror(errno)))")
        exit(1)
    }
}
