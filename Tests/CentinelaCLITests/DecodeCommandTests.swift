import Foundation
import Testing

/// `centinela decode` and `convert` as a user runs them, on the shipped demo recording.
@Suite struct DecodeCommandTests {
    let demo = Centinela.packageRoot + "/recordings/demo.pcap"

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func everyRecordIsOneJSONObjectWithTheDocumentedKeys() throws {
        let r = try Centinela.run(["decode", demo])
        #expect(r.status == 0)
        let lines = try jsonLines(r.stdout)
        // The summary's counts match the lines printed.
        let cat048 = lines.filter { $0["cat"] as? Int == 48 }
        let cat034 = lines.filter { $0["cat"] as? Int == 34 }
        #expect(r.stderr.contains("records: CAT034 \(cat034.count), CAT048 \(cat048.count); 0 error(s)"))
        #expect(cat048.count > 100 && cat034.count > 100)
        for line in lines {
            #expect(line["edition"] is String)
            #expect(line["sac"] as? Int == 50)
            #expect(line["ts"] is Double)
        }
        let plot = try #require(cat048.first { $0["I048/240"] != nil })
        let polar = try #require(plot["I048/040"] as? [String: Any])
        #expect(polar["RHO"] is Double && polar["THETA"] is Double)
        let mode3A = try #require(plot["I048/070"] as? [String: Any])
        #expect((mode3A["MODE3A"] as? String)?.count == 4)
        #expect((plot["I048/220"] as? String)?.count == 6)
        #expect(["AMX401", "VOI1234", "N425TX"].contains(plot["I048/240"] as? String ?? ""))
    }

    @Test func categoryFilterPrintsOnlyThatCategory() throws {
        let r = try Centinela.run(["decode", "--category", "34", demo])
        let lines = try jsonLines(r.stdout)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0["cat"] as? Int == 34 })
    }

    @Test func tableHasAHeaderAndOneRowARecord() throws {
        let r = try Centinela.run(["decode", "--format", "table", demo])
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("TOD") == true)
        let json = try Centinela.run(["decode", demo])
        #expect(rows.count - 1 == json.stdout.split(separator: "\n").count)
        #expect(rows.contains { $0.contains("AMX401") && $0.contains("50/") })
    }

    @Test func badUsageExitsWithTwo() throws {
        let edition = try Centinela.run(["decode", "--edition", "48=9.9", demo])
        #expect(edition.status == 2)
        #expect(edition.stderr.contains("no definition of CAT48 edition 9.9"))
        let format = try Centinela.run(["decode", "--format", "xml", demo])
        #expect(format.status == 2)
    }

    @Test func aMissingFileExitsWithOneAndSaysWhich() throws {
        let r = try Centinela.run(["decode", "/nonexistent/session.pcap"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/session.pcap"))
        // A device would be read forever: refused at once.
        let device = try Centinela.run(["decode", "/dev/zero"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("not a regular file"))
    }

    @Test func aTruncatedFileDecodesWhatItHoldsAndCountsTheError() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: demo))
        let path = Centinela.temporaryPath("truncated.pcap")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try bytes.prefix(bytes.count / 2 + 7).write(to: URL(fileURLWithPath: path))
        let r = try Centinela.run(["decode", path])
        #expect(r.status == 0)
        #expect(!r.stdout.isEmpty)
        #expect(r.stderr.contains("1 error(s)"))
    }

    @Test func convertThenDecodeGivesTheSameRecords() throws {
        let path = Centinela.temporaryPath("converted.pcap")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let c = try Centinela.run(["convert", demo, "--out", path])
        #expect(c.status == 0)
        let original = try Centinela.run(["decode", demo]).stdout
        let converted = try Centinela.run(["decode", path]).stdout
        // Every item of the demo is typed, so every line must come back the same.
        #expect(converted == original)
    }

    @Test func simulateReportsWhatItWrote() throws {
        let out = Centinela.temporaryPath("report.pcap")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Centinela.run(["simulate", Centinela.packageRoot + "/recordings/demo.scenario.json", "--out", out, "--report"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("radar 50/1: 15 scans"))  // 180 s of 12 s revolutions
        #expect(r.stdout.contains("radar 50/2: 37 scans"))  // 180 s of 4.8 s
        #expect(r.stdout.contains("flight unknown-2 (suspect:transponder-off)"))
        let bad = try Centinela.run(["simulate", "/nonexistent/scenario.json", "--out", out])
        #expect(bad.status == 1 && bad.stderr.contains("/nonexistent/scenario.json"))
    }

    @Test func simulateIsDeterministic() throws {
        let a = Centinela.temporaryPath("a.pcap"), b = Centinela.temporaryPath("b.pcap")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        let scenario = Centinela.packageRoot + "/recordings/demo.scenario.json"
        #expect(try Centinela.run(["simulate", scenario, "--seed", "7", "--out", a]).status == 0)
        #expect(try Centinela.run(["simulate", scenario, "--seed", "7", "--out", b]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
        // The shipped sessions are seed 1 of their scenarios, truth included.
        let c = Centinela.temporaryPath("c.pcap"), t = Centinela.temporaryPath("c.truth.jsonl")
        defer {
            try? FileManager.default.removeItem(atPath: c)
            try? FileManager.default.removeItem(atPath: t)
        }
        #expect(try Centinela.run(["simulate", scenario, "--seed", "1", "--out", c]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: c, andPath: demo))
        let smoke = Centinela.packageRoot + "/recordings/smoke"
        #expect(try Centinela.run(["simulate", smoke + ".scenario.json", "--seed", "1", "--out", c, "--truth", t]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: c, andPath: smoke + ".pcap"))
        #expect(FileManager.default.contentsEqual(atPath: t, andPath: smoke + ".truth.jsonl"))
    }
}
