// The whole tracker, per sector batch: gate + assignment + update + track management over
// 1,000 and 10,000 live tracks (`track`, plots already placed), and the same with the plots'
// placement on the earth (`process`). One radar at 31.3 N 110.9 W turning in 4 s with 16 sectors,
// Pd 0.9, 20 clutter plots a scan, σ 50 m / 0.1°; aircraft in straight flight at 100–250 m/s
// spread over 230 km around it. Eight warm-up scans confirm the tracks before measuring (the
// first 10 s of plots confirm the radar's time, see `TimeClaims`); every
// iteration is the next batch in time (a tracker refuses plots older than the ones it has seen,
// so batches cannot be replayed). Plots per second = the batch's plots (in the benchmark's name)
// divided by its time.
import Benchmark
import Glibc
import Geodesy
import Surveillance
import Simulation
import Tracking

/// Sector batches of a scene, in time order: each batch's plots and its receive time.
struct TrackerScene {
    static let radar = SensorID(sac: 50, sic: 1)
    static let antenna = GeodeticPosition(latitude: 31.3, longitude: -110.9, height: 1200)
    static let start = 1_779_942_600.0
    static let scan = 4.0
    static let sectors = 16

    var batches: [(plots: [Plot], received: Double)] = []

    init(aircraft n: Int, scans: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let site = try! RadarSite(sensor: Self.radar, antenna: Self.antenna)
        let frame = site.frame
        struct Flight { var east, north, ve, vn, height: Double }
        let flights = (0..<n).map { _ in
            let r = 230_000 * Double.random(in: 0...1, using: &rng).squareRoot()
            let a = Double.random(in: 0..<(2 * Double.pi), using: &rng)
            let h = Double.random(in: 0..<(2 * Double.pi), using: &rng)
            let v = Double.random(in: 100...250, using: &rng)
            return Flight(east: r * sin(a), north: r * cos(a), ve: v * sin(h), vn: v * cos(h),
                          height: Double.random(in: 1_000...11_000, using: &rng))
        }
        func gauss(_ sigma: Double) -> Double {
            let u = Double.random(in: Double.ulpOfOne..<1, using: &rng), w = Double.random(in: 0..<1, using: &rng)
            return sigma * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * w)
        }
        func position(_ f: Flight, _ t: Double) -> GeodeticPosition {
            var g = frame.geodetic(from: ENU(east: f.east + f.ve * t, north: f.north + f.vn * t, up: 0))
            g.height = f.height
            return g
        }
        for s in 0..<scans {
            let t0 = Double(s) * Self.scan
            var observed: [(azimuth: Double, range: Double, time: Double)] = []
            for f in flights where Double.random(in: 0..<1, using: &rng) < 0.9 {
                // Seen when the beam passes: its azimuth at the scan's start is close enough to time it.
                let t = t0 + site.observe(position(f, t0)).azimuth / 360 * Self.scan
                let o = site.observe(position(f, t))
                observed.append((o.azimuth, o.slantRange, t))
            }
            for _ in 0..<20 {
                let az = Double.random(in: 0..<360, using: &rng)
                observed.append((az, Double.random(in: 5_000...250_000, using: &rng), t0 + az / 360 * Self.scan))
            }
            var sectorPlots = [[Plot]](repeating: [], count: Self.sectors)
            for o in observed {
                // The plot goes in the sector the beam was sweeping when it saw it, as a radar
                // reports it. Its measured azimuth may lie across north (an aircraft crossing it,
                // or noise); binning by that azimuth put plots timed at a scan's end in its first
                // batch, and each such plot moved the tracker's clock on a whole scan and coasted
                // every track (a third of all updates at 10,000 tracks).
                let phase = (o.time - t0) / Self.scan * Double(Self.sectors)
                let sector = min(max(Int(phase.rounded(.down)), 0), Self.sectors - 1)
                var az = (o.azimuth + gauss(0.1)).truncatingRemainder(dividingBy: 360)
                if az < 0 { az += 360 }
                let time = TimeOfDay(seconds: (Self.start + o.time).truncatingRemainder(dividingBy: 86_400))
                sectorPlots[sector].append(Plot(sensor: Self.radar, time: time, detection: .psr,
                                                range: o.range + gauss(50), azimuth: az))
            }
            for (k, plots) in sectorPlots.enumerated() {
                batches.append((plots, Self.start + t0 + Double(k + 1) / Double(Self.sectors) * Self.scan))
            }
        }
    }

    static var settings: TrackerSettings {
        var s = TrackerSettings()
        s.sensors = [SensorSettings(sensor: radar, antenna: antenna, rangeSigma: 50, azimuthSigma: 0.1, scanPeriod: scan)]
        return s
    }
}

/// A tracker warmed up on a scene's first scans, and the rest of the scene's batches, also
/// placed by the tracker itself so `track` gets what `process` would give it.
final class TrackerBox: @unchecked Sendable {
    var tracker = Tracker(settings: TrackerScene.settings)
    var placed: [[PlacedPlot]] = []
    var raw: [(plots: [Plot], received: Double)] = []
    var next = 0
    var updates: [SystemTrack] = []

    init(aircraft: Int, warmupScans: Int, measuredScans: Int) {
        let scene = TrackerScene(aircraft: aircraft, scans: warmupScans + measuredScans, seed: UInt64(aircraft))
        let warm = warmupScans * TrackerScene.sectors
        for b in scene.batches[..<warm] {
            updates.removeAll(keepingCapacity: true)
            tracker.process(b.plots, receivedAt: b.received, into: &updates)
        }
        raw = Array(scene.batches[warm...])
        var placer = tracker
        for b in raw {
            var batch: [PlacedPlot] = []
            placer.place(b.plots, receivedAt: b.received, into: &batch)
            placed.append(batch)
        }
    }
}

/// Scenes are built on first use, once per benchmark, so a filtered-out benchmark costs nothing.
final class LazyBox: @unchecked Sendable {
    private var box: TrackerBox?
    let make: () -> TrackerBox
    init(_ make: @escaping () -> TrackerBox) { self.make = make }
    var value: TrackerBox {
        if let box { return box }
        let made = make()
        box = made
        return made
    }
}

func trackerBenchmarks() {
    for (aircraft, measuredScans) in [(1_000, 150), (10_000, 40)] {
        let batches = measuredScans * TrackerScene.sectors
        let plots = Int((0.9 * Double(aircraft) + 20) / Double(TrackerScene.sectors))
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            timeUnits: .microseconds,
            warmupIterations: 0,
            maxDuration: .seconds(120),
            maxIterations: batches
        )
        let forTrack = LazyBox { TrackerBox(aircraft: aircraft, warmupScans: 8, measuredScans: measuredScans) }
        Benchmark("Tracker track, \(aircraft) tracks, per sector batch of ~\(plots) plots", configuration: configuration) { benchmark in
            let b = forTrack.value
            guard b.next < b.placed.count else { return }
            b.updates.removeAll(keepingCapacity: true)
            benchmark.startMeasurement()
            b.tracker.track(b.placed[b.next], into: &b.updates)
            benchmark.stopMeasurement()
            b.next += 1
        }
        let forProcess = LazyBox { TrackerBox(aircraft: aircraft, warmupScans: 8, measuredScans: measuredScans) }
        Benchmark("Tracker process (placement included), \(aircraft) tracks, per sector batch of ~\(plots) plots",
                  configuration: configuration) { benchmark in
            let b = forProcess.value
            guard b.next < b.raw.count else { return }
            b.updates.removeAll(keepingCapacity: true)
            benchmark.startMeasurement()
            b.tracker.process(b.raw[b.next].plots, receivedAt: b.raw[b.next].received, into: &b.updates)
            benchmark.stopMeasurement()
            b.next += 1
        }
    }
}
