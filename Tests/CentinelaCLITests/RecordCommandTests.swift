import Foundation
import Recording
import TestSupport
import Testing

/// `centinela record` on a loopback port: what is sent is what the file holds.
@Suite(.serialized) struct RecordCommandTests {
    /// The binary started in the background, its stderr going to a file the test can watch.
    final class Background {
        let process = Process()
        let stderrPath = Centinela.temporaryPath("record-\(UUID().uuidString).err")

        /// `centinela ARGUMENTS`, or `WRAPPER… -- centinela ARGUMENTS` (e.g. under umockdev-run).
        init(_ arguments: [String], under wrapper: [String] = []) throws {
            FileManager.default.createFile(atPath: stderrPath, contents: nil)
            if let program = wrapper.first {
                process.executableURL = URL(fileURLWithPath: program)
                process.arguments = wrapper.dropFirst() + ["--", Centinela.binary] + arguments
            } else {
                process.executableURL = URL(fileURLWithPath: Centinela.binary)
                process.arguments = arguments
            }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
            try process.run()
        }

        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        /// SIGTERM to `centinela` itself: under a wrapper, the wrapper's child (umockdev-run
        /// serves the child's ioctls, so stopping it first would crash the child, not stop it).
        func terminateCentinela() {
            let pid = process.processIdentifier
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            if let child = children.split(separator: " ").first.flatMap({ Int32($0) }) {
                kill(child, SIGTERM)
            } else {
                process.terminate()
            }
        }

        /// Waits up to 20 s for `text` on stderr.
        func waitFor(_ text: String) -> Bool {
            for _ in 0..<2_000 where !stderr.contains(text) { usleep(10_000) }
            return stderr.contains(text)
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(atPath: stderrPath)
        }
    }

    /// Sends each payload from a socket on 127.0.0.1, to each port in turn; returns that socket's port.
    @discardableResult
    static func send(_ payloads: [[UInt8]], to ports: UInt16...) throws -> UInt16 {
        let sender = try LoopbackSender()
        for p in payloads {
            for port in ports { sender.send(p, to: port) }
            usleep(200)  // a radar's pace, not a flood: this test is about faithfulness
        }
        return sender.port
    }

    static func smokePayloads() throws -> [[UInt8]] {
        var reader = try RecordingFile.open(path: Centinela.packageRoot + "/recordings/smoke.pcap")
        var out: [[UInt8]] = []
        while let f = try reader.next() { out.append(Array(f.payload)) }
        return out
    }

    static func frames(_ path: String) throws -> [Frame] {
        var reader = try RecordingFile.open(path: path)
        var out: [Frame] = []
        while let f = try reader.next() { out.append(f) }
        return out
    }

    @Test func aCaptureHoldsEveryDatagramAsSentWithItsSenderAndTimeAndSIGTERMEndsIt() throws {
        let port = Loopback.freeUDPPort(), out = Centinela.temporaryPath("live-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let record = try Background(["record", "--source", "udp://127.0.0.1:\(port)", "--out", out])
        try #require(record.waitFor("listening"), "\(record.stderr)")
        let payloads = try Self.smokePayloads()
        let before = Date().timeIntervalSince1970
        let from = try Self.send(payloads, to: port)
        let after = Date().timeIntervalSince1970
        usleep(300_000)
        record.process.terminate()  // SIGTERM
        record.process.waitUntilExit()
        #expect(record.process.terminationStatus == 0, "\(record.stderr)")
        #expect(record.stderr.contains("record: \(payloads.count) datagram(s) in 1 file(s)"))
        #expect(record.stderr.contains("stopped by signal 15"))

        let frames = try Self.frames(out)
        #expect(frames.map { Array($0.payload) } == payloads)
        let times = frames.compactMap { if case .unix(let t)? = $0.timestamp { t } else { nil } }
        #expect(times.count == payloads.count && times.allSatisfy { $0 >= before - 0.001 && $0 <= after + 0.001 })
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        let sender = UDPEndpoint(.loopback, port: from), us = UDPEndpoint(.loopback, port: port)
        #expect(frames.allSatisfy { $0.origin == .udp(source: sender, destination: us) })
    }

    @Test func countEndsTheCaptureAndSizeRotates() throws {
        let port = Loopback.freeUDPPort(), stem = Centinela.temporaryPath("rot-\(UUID().uuidString)")
        let record = try Background(["record", "--source", "udp://127.0.0.1:\(port)", "--out", stem + ".pcap",
                                     "--rotate-size", "1k", "--count", "40"])
        try #require(record.waitFor("listening"), "\(record.stderr)")
        let payloads = (0..<60).map { [48, 0, 103] + [UInt8](repeating: UInt8($0), count: 100) }
        _ = try Self.send(payloads, to: port)
        record.process.waitUntilExit()
        #expect(record.process.terminationStatus == 0, "\(record.stderr)")
        let dir = (stem as NSString).deletingLastPathComponent, name = (stem as NSString).lastPathComponent
        // In writing order: by start second, then the second's first file before its -2, -3…
        func order(_ f: String) -> (String, Int) {
            let stem = String(f.dropLast(5))
            if let dash = stem.lastIndex(of: "-"), let n = Int(stem[stem.index(after: dash)...]), stem[..<dash].hasSuffix("Z") {
                return (String(stem[..<dash]), n)
            }
            return (stem, 1)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(name + "-") }
            .sorted { order($0) < order($1) }
        defer { for f in files { try? FileManager.default.removeItem(atPath: dir + "/" + f) } }
        // 1 KiB: a 24-byte header and 6 records of 16 + 42 + 103 bytes a file.
        #expect(files.count == 7)
        for f in files {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: dir + "/" + f)[.size] as? Int)
            #expect(size <= 1_024)
        }
        let got = try files.flatMap { try Self.frames(dir + "/" + $0) }.map { Array($0.payload) }
        #expect(got.count == 40)
        #expect(got == Array(payloads.prefix(40)))
    }

    @Test func badSourcesAndSizesAreUsageErrors() throws {
        for args in [["--source", "tcp://127.0.0.1:9"], ["--source", "udp://127.0.0.1:9?colour=red"],
                     ["--source", "udp://127.0.0.1:9?interface=eth0"], ["--source", "udp://127.0.0.1:9", "--rotate-size", "big"]] {
            let r = try Centinela.run(["record", "--out", "/tmp/never.pcap"] + args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.pcap"))
    }
}
