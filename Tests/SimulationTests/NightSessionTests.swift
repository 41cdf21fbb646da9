import Asterix
import Foundation
import Geodesy
import Recording
import Testing
@testable import Simulation

/// The shipped `northern-border-night` session, read back from its files as a user would: every
/// suspect profile and hard negative is there, does what its label says at the truth's times, and
/// the radars see it around each of those moments.
@Suite struct NightSessionTests {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings/northern-border-night").path

    struct Line {
        var t: Double
        var label: String
        var role: String?
        var lat: Double, lon: Double, alt: Double, agl: Double, speed: Double
        var transponder: Bool
        var onGround: Bool
        var events: [String]
    }

    /// The truth of the labelled flights (suspects and those with a role), by id, in time order.
    static func labelled() throws -> [String: [Line]] {
        let text = String(decoding: try RecordingFile.load(path: base + ".truth.jsonl.gz"), as: UTF8.self)
        var out: [String: [Line]] = [:]
        for raw in text.split(separator: "\n") where raw.contains("suspect:") || raw.contains("\"role\"") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
            let id = try #require(o["id"] as? String)
            out[id, default: []].append(Line(
                t: try #require(o["t"] as? Double), label: try #require(o["label"] as? String), role: o["role"] as? String,
                lat: try #require(o["lat"] as? Double), lon: try #require(o["lon"] as? Double), alt: try #require(o["alt_m"] as? Double),
                agl: try #require(o["agl_m"] as? Double), speed: try #require(o["speed_mps"] as? Double),
                transponder: try #require(o["transponder"] as? Bool), onGround: try #require(o["on_ground"] as? Bool),
                events: o["events"] as? [String] ?? []))
        }
        return out
    }

    static func scenario() throws -> Scenario {
        try Scenario(json: [UInt8](try #require(FileManager.default.contents(atPath: base + ".scenario.json"))))
    }

    static func times(_ lines: [Line], _ event: String) -> [Double] { lines.filter { $0.events.contains(event) }.map(\.t) }

    /// Kilometres between two points (short distances, flat earth is enough).
    static func km(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let dn = (a.0 - b.0) * 111.2, de = (a.1 - b.1) * 111.2 * cos(a.0 * Double.pi / 180)
        return (dn * dn + de * de).squareRoot()
    }

    @Test func everyProfileAndHardNegativeIsThere() throws {
        let flights = try Self.labelled()
        let suspects = flights.values.map { $0[0].label }.filter { $0.hasPrefix("suspect:") }
        #expect(Set(suspects) == ["suspect:low-level-border-approach", "suspect:ultralight-incursion", "suspect:clandestine-landing",
                                  "suspect:transponder-off", "suspect:stone-skip"])
        #expect(suspects.count >= 6)
        let negatives = flights.values.compactMap { $0[0].role }.filter { $0.hasPrefix("hard-negative:") }
        #expect(negatives.count >= 6)
        #expect(Set(negatives).isSuperset(of: ["hard-negative:crop-duster", "hard-negative:medevac", "hard-negative:airport-landing",
                                                "hard-negative:border-patrol"]))
        // Hard negatives are ordinary traffic as far as the label goes.
        #expect(flights.values.filter { $0[0].role != nil }.allSatisfy { $0[0].label == "normal" })
        // About 150 aircraft over the session, at night: 06:00 UTC is 23:00 in Sonora (UTC−7).
        let scenario = try Self.scenario()
        #expect(scenario.start == "2026-05-28T06:00:00Z" && scenario.durationS == 1800 && scenario.radars.count == 3)
        let all = try scenario.session(seed: 1).flights.count
        #expect(all >= 120 && all <= 180, "\(all) flights")
    }

    @Test func theSuspectsDoWhatTheirProfilesSay() throws {
        let flights = try Self.labelled()
        let airports = try Self.scenario().airports ?? []
        func awayFromAirports(_ l: Line) -> Bool { airports.allSatisfy { Self.km((l.lat, l.lon), ($0.lat, $0.lon)) > 10 } }
        for (id, lines) in flights {
            switch lines[0].label {
            case "suspect:low-level-border-approach":
                // Northbound over the border with no transponder, and within five minutes of the
                // crossing a minute or more below 1,000 ft above the ground (the low-level rule).
                let crossing = try #require(Self.times(lines, "border_crossing_north").first, "\(id)")
                #expect(lines.allSatisfy { !$0.transponder }, "\(id)")
                #expect(lines.filter { abs($0.t - crossing) <= 300 && $0.agl < 300 }.count >= 60, "\(id)")
            case "suspect:ultralight-incursion":
                // North over the border, a drop, back south; slow and low all the way.
                let north = try #require(Self.times(lines, "border_crossing_north").first, "\(id)")
                let drop = try #require(Self.times(lines, "drop").first, "\(id)")
                let south = try #require(Self.times(lines, "border_crossing_south").first, "\(id)")
                #expect(north < drop && drop < south, "\(id): \(north), \(drop), \(south)")
                #expect(lines.allSatisfy { $0.speed < 55 * 1852 / 3600 && !$0.transponder }, "\(id)")
                for t in [north, south] {
                    #expect(lines.first { $0.t == t }.map { $0.agl < 300 } == true, "\(id) crosses at \(t) s")
                }
            case "suspect:clandestine-landing":
                // Down on a strip away from any airport, up again minutes later.
                let down = try #require(Self.times(lines, "landing").first, "\(id)")
                let up = try #require(Self.times(lines, "take_off").first, "\(id)")
                #expect(up - down > 120, "\(id)")
                let strip = try #require(lines.first { $0.t == down })
                #expect(awayFromAirports(strip), "\(id)")
            case "suspect:transponder-off":
                // The transponder goes off in flight, then the aircraft descends by over 1,000 m.
                let off = try #require(Self.times(lines, "transponder_off").first, "\(id)")
                let at = try #require(lines.first { $0.t == off })
                #expect(!at.onGround)
                let lowest = lines.filter { $0.t > off }.map(\.agl).min() ?? .infinity
                #expect(at.agl - lowest > 1000, "\(id): \(at.agl) m then \(lowest) m above the ground")
            case "suspect:stone-skip":
                // A minute or more below 60 m above the ground, away from airports and without
                // landing, then a climb out more than 20 km from where it went down.
                let low = lines.filter { !$0.onGround && $0.agl < 60 }
                let first = try #require(low.first, "\(id)"), last = try #require(low.last)
                #expect(low.count >= 60 && awayFromAirports(first) && awayFromAirports(last), "\(id)")
                #expect(Self.times(lines, "landing").isEmpty)
                #expect(Self.km((first.lat, first.lon), (last.lat, last.lon)) > 20, "\(id)")
                #expect(lines.contains { $0.t > last.t && $0.agl > 300 }, "\(id)")
            default:
                break
            }
        }
    }

    @Test func theHardNegativesLookAlikeButAreLegitimate() throws {
        let flights = try Self.labelled()
        let scenario = try Self.scenario()
        let airports = scenario.airports ?? []
        let border = try #require(scenario.border)
        /// Kilometres north of a point to the border (the shipped line runs west to east).
        func toBorder(_ l: Line) -> Double {
            var best = Double.infinity
            for (p, q) in zip(border, border.dropFirst()) {
                for k in 0...50 {
                    let f = Double(k) / 50
                    best = min(best, Self.km((l.lat, l.lon), (p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f)))
                }
            }
            return best
        }
        for (id, lines) in flights {
            let airborne = lines.filter { !$0.onGround }
            switch lines[0].role {
            case "hard-negative:crop-duster":
                // No transponder and mostly below 1,000 ft, like a suspect, but circling far from the border.
                #expect(airborne.allSatisfy { !$0.transponder && toBorder($0) > 35 }, "\(id)")
                #expect(airborne.filter { $0.agl < 300 }.count * 2 > airborne.count, "\(id)")
            case "hard-negative:medevac":
                #expect(airborne.allSatisfy { $0.transponder } && airborne.contains { $0.agl < 200 }, "\(id)")
            case "hard-negative:airport-landing":
                let down = try #require(Self.times(lines, "landing").first, "\(id)")
                let at = try #require(lines.first { $0.t == down })
                #expect(airports.contains { Self.km((at.lat, at.lon), ($0.lat, $0.lon)) < 3 } && at.transponder, "\(id)")
            case "hard-negative:airport-departure":
                let up = try #require(Self.times(lines, "take_off").first, "\(id)")
                let at = try #require(lines.first { $0.t == up })
                #expect(airports.contains { Self.km((at.lat, at.lon), ($0.lat, $0.lon)) < 3 } && at.transponder, "\(id)")
            case "hard-negative:border-patrol":
                // Low along the border with its transponder on.
                #expect(airborne.allSatisfy { $0.transponder && toBorder($0) < 15 }, "\(id)")
                #expect(airborne.filter { $0.agl < 400 }.count * 2 > airborne.count, "\(id)")
            default:
                break
            }
        }
    }

    /// Around every event of a labelled flight (within three minutes: a low flight is seen only
    /// now and then) the radars give a plot where the truth puts it.
    @Test func theRadarsSeeThemAroundEveryEvent() throws {
        let flights = try Self.labelled()
        let session = try Self.scenario().session(seed: 1)
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: Self.base + ".pcap")))
        var reader = try PcapReader(bytes: bytes)
        var decoder = AsterixDecoder()
        var plots = SessionTests.Plots()
        while let frame = try reader.next() { frame.payload.withUnsafeBytes { _ = decoder.decode($0, into: &plots) } }
        #expect(plots.failures == 0)
        for (id, lines) in flights {
            var byTime: [Double: Line] = [:]
            for l in lines { byTime[l.t] = l }
            // Its plots: within five σ (plus the motion in half a second) of the truth.
            var seen: [Double] = []
            for p in plots.plots {
                guard let tod = p.timeOfDay, let polar = p.polar,
                      let radar = session.radars.first(where: { $0.site.sensor == p.sensor }) else { continue }
                let t = tod.seconds(since: session.timeOfDay(0))
                guard let l = byTime[t.rounded()] else { continue }
                let o = radar.site.observe(GeodeticPosition(latitude: l.lat, longitude: l.lon, height: l.alt))
                let dr = abs(polar.rangeNM * 1852 - o.slantRange)
                var da = abs(polar.azimuthDegrees - o.azimuth).truncatingRemainder(dividingBy: 360)
                da = min(da, 360 - da)
                if dr < 5 * radar.rangeSigma + 150, da < 5 * radar.azimuthSigma + 0.3 { seen.append(t) }
            }
            let moments = lines.filter { !$0.events.isEmpty }.map(\.t) + [lines[0].t + 300]
            for m in moments {
                #expect(seen.contains { abs($0 - m) <= 180 }, "\(id) (\(lines[0].role ?? lines[0].label)) unseen around \(m) s")
            }
        }
    }
}
