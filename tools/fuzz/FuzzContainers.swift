// libFuzzer target: arbitrary bytes as a recording file.
//
// Input byte 0 picks the container reader (byte % 5: raw, pcap, pcapng, gps, final) and, for
// pcap and pcapng, its framing (bit 7: ORADIS); the rest is the file. Format detection runs on
// the same bytes, every frame is read to the end or to the first error, and each frame's
// payload goes through the ASTERIX decoder. Nothing here may trap: untrusted bytes must end in
// a ContainerError, never a crash. A broken contract stops the run with fatalError and a message.
import Asterix
import Recording

struct CountingVisitor: RecordVisitor {
    var records = 0
    var failures = 0
    mutating func record(_ r: RecordView) { records += 1 }
    mutating func failure(_ e: DecodeError) { failures += 1 }
}

nonisolated(unsafe) var decoder = AsterixDecoder(editions: .standard)

let formats: [ContainerFormat] = [.raw, .pcap, .pcapng, .gps, .final]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContainers(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let input = UnsafeRawBufferPointer(start: data, count: size)
    let selector = input[0]
    let format = formats[Int(selector % 5)]
    let framing: PayloadFraming = (selector & 0x80 != 0 && (format == .pcap || format == .pcapng)) ? .oradis : .plain
    let file = Array(input[1...])

    _ = ContainerFormat.detect(bytes: file, path: "fuzz.\(format)")

    guard var reader = try? RecordingFile.reader(bytes: file, format: format, framing: framing) else { return 0 }
    var visitor = CountingVisitor()
    var frames = 0
    var failed = false
    while true {
        do {
            guard let frame = try reader.next() else { break }
            frames += 1
            if frames > file.count + 1 { fatalError("\(format) reader yields more frames than the file has bytes") }
            if frame.payload.startIndex < 0 || frame.payload.endIndex > file.count {
                fatalError("\(format) frame \(frames) at \(frame.payload.startIndex)..<\(frame.payload.endIndex), outside the \(file.count)-byte file")
            }
            frame.payload.withUnsafeBytes { _ = decoder.decode($0, into: &visitor) }
        } catch {
            _ = "\(error)"
            failed = true
            break
        }
    }
    _ = reader.skipped
    // Documented: nil after the end, and nil after an error.
    do {
        let again = try reader.next()
        if again != nil { fatalError("\(format) reader yields a frame after its \(failed ? "error" : "end")") }
    } catch {
        fatalError("\(format) reader throws again after its \(failed ? "error" : "end"): \(error)")
    }
    return 0
}
