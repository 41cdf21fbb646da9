import Asterix
import Testing
@testable import Simulation

@Suite struct StraightLineScenarioTests {
    struct Plots: RecordVisitor {
        var cat048: [Cat048Record] = []
        var cat034 = 0
        var failures: [DecodeError] = []
        mutating func record(_ r: RecordView) {
            if r.spec.category == 48 { cat048.append(Cat048Record(r)) } else { cat034 += 1 }
        }
        mutating func failure(_ e: DecodeError) { failures.append(e) }
    }

    func decode(_ datagrams: [StraightLineScenario.Datagram]) -> Plots {
        var decoder = AsterixDecoder()
        var plots = Plots()
        for d in datagrams { d.payload.withUnsafeBytes { _ = decoder.decode($0, into: &plots) } }
        return plots
    }

    @Test func theSameSeedGivesTheSameSessionAndAnotherSeedAnother() {
        let a = StraightLineScenario.demo(seed: 3).generate(seed: 3)
        let b = StraightLineScenario.demo(seed: 3).generate(seed: 3)
        let c = StraightLineScenario.demo(seed: 4).generate(seed: 4)
        #expect(a.map(\.payload) == b.map(\.payload))
        #expect(a.map(\.payload) != c.map(\.payload))
    }

    @Test func everyDatagramDecodesAndCarriesAServiceMessage() {
        let datagrams = StraightLineScenario.demo(seed: 1).generate(seed: 1)
        let plots = decode(datagrams)
        #expect(plots.failures.isEmpty)
        #expect(plots.cat034 == datagrams.count)
        // A long-range radar of 12 s and 8 sectors sends 8 messages a revolution for 180 s.
        #expect(datagrams.filter { $0.sensor.sic == 1 }.count == 8 * 15)
    }

    @Test func detectionRateAndTransponderStateFollowTheSettings() {
        let scenario = StraightLineScenario.demo(seed: 1)
        let plots = decode(scenario.generate(seed: 1)).cat048
        // Radar 50/1 covers 250 NM, so all 5 aircraft are in cover on each of its 15 scans:
        // 75 chances at Pd 0.9 → 67.5 expected, σ ≈ 2.6.
        let longRange = plots.filter { $0.sensor?.sic == 1 }
        #expect((60...75).contains(longRange.count), "\(longRange.count) plots")
        // Transponder aircraft report identity; primary-only ones report none.
        for p in plots {
            let detection = p.descriptor!.detection
            #expect(detection.hasPSR)
            #expect(detection.hasSSR == (p.mode3A != nil))
            #expect((p.callsign != nil) == detection.isModeS)
        }
        #expect(Set(plots.compactMap { $0.callsign?.description }) == ["AMX401", "VOI1234", "N425TX"])
    }

    @Test func plotsFollowStraightTracksWithinTheNoise() throws {
        let scenario = StraightLineScenario.demo(seed: 1)
        let plots = decode(scenario.generate(seed: 1)).cat048.filter { $0.address?.value == 0x0D0000 && $0.sensor?.sic == 1 }
        let a = scenario.aircraft[0]
        #expect(plots.count > 10)
        let start = TimeOfDay(seconds: scenario.start.truncatingRemainder(dividingBy: 86_400))
        for p in plots {
            let t = try #require(p.timeOfDay).seconds(since: start)
            let east = a.east + a.eastKnots * t / 3600, north = a.north + a.northKnots * t / 3600
            let range = (east * east + north * north).squareRoot()
            // σ 116 m = 0.063 NM; five σ and a scan's motion are well inside 0.5 NM.
            #expect(abs(p.polar!.rangeNM - range) < 0.5, "t=\(t)")
        }
    }
}
