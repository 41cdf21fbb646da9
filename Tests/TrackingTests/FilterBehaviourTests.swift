import Glibc
import Surveillance
import Testing
@testable import Tracking

/// What a user of the tracker would notice of the filters, without filterpy: a straight track's
/// velocity comes right, gates are the right size, the IMM notices turns and beats a lone
/// constant-velocity filter through them, nothing breaks over long runs with odd intervals.
@Suite struct FilterBehaviourTests {
    /// 200 m/s towards the south-east, 30–60 km from a radar with σ 50 m and 0.1°.
    let straight = TestFlight(start: .init(x: 30_000, y: 50_000, vx: 141.4, vy: -141.4), legs: [])
    let scan = 4.0

    var constantVelocityOnly: IMMSettings {
        var s = IMMSettings()
        s.turnModes = false
        return s
    }

    @Test func constantVelocityConvergesToTheTrueVelocity() {
        var noise = TestNoise(seed: 1)
        let first = straight.at(0)
        var filter = IMMFilter(measurement: noise.plot(x: first.x, y: first.y), velocityVariance: 250 * 250,
                               settings: constantVelocityOnly)
        var lateErrors: [Double] = [], lateSigmas: [Double] = []
        for k in 1...60 {
            let t = Double(k) * scan
            filter.predict(dt: scan)
            let truth = straight.at(t)
            filter.update(noise.plot(x: truth.x, y: truth.y))
            let e = filter.estimate
            if k > 30 {
                lateErrors.append(((e.vx - truth.vx) * (e.vx - truth.vx) + (e.vy - truth.vy) * (e.vy - truth.vy)).squareRoot())
                lateSigmas.append((e.covariance.vxvx + e.covariance.vyvy).squareRoot())
            }
        }
        func rms(_ a: [Double]) -> Double { (a.map { $0 * $0 }.reduce(0, +) / Double(a.count)).squareRoot() }
        print("CV velocity error over the last 30 scans: RMS \(rms(lateErrors)) m/s, worst \(lateErrors.max()!) m/s; filter's σ \(rms(lateSigmas)) m/s")
        // From a standing start to within 4 % of the speed after two minutes of a 4 s radar,
        // and the filter is not overconfident (on a straight flight its q makes it pessimistic).
        #expect(rms(lateErrors) < 8)
        #expect(lateErrors.max()! < 16)
        #expect(rms(lateErrors) < 1.5 * rms(lateSigmas))
    }

    /// Squared Mahalanobis distances of true plots average 2 (χ², 2 degrees of freedom) when the
    /// filter's covariance is honest: gates then keep the fraction of true plots they promise.
    @Test func innovationsOfTruePlotsAreChiSquareWithTwoDegreesOfFreedom() {
        var noise = TestNoise(seed: 2)
        let first = straight.at(0)
        for settings in [constantVelocityOnly, IMMSettings()] {
            var filter = IMMFilter(measurement: noise.plot(x: first.x, y: first.y), velocityVariance: 250 * 250,
                                   settings: settings)
            var sum = 0.0, inside = 0, count = 0
            for k in 1...300 {
                filter.predict(dt: scan)
                let truth = straight.at(Double(k) * scan)
                let m = noise.plot(x: truth.x, y: truth.y)
                let d2 = filter.mahalanobis2(m)
                filter.update(m)
                if k > 5 {
                    sum += d2
                    count += 1
                    if d2 < 9.21 { inside += 1 }  // the χ² 99 % gate
                }
            }
            let mean = sum / Double(count)
            print("turn modes \(settings.turnModes): mean d² \(mean), \(inside) of \(count) inside the 99 % gate")
            // Process noise makes the covariance a little pessimistic on a truly straight flight.
            #expect(mean > 1.2 && mean < 2.4)
            #expect(Double(inside) / Double(count) > 0.97)
        }
    }

    /// Straight 80 s, a standard-rate (3°/s) left turn of 60 s, straight 100 s, a 3°/s right
    /// turn of 40 s, straight 100 s, at 180 m/s.
    let manoeuvring = TestFlight(start: .init(x: -20_000, y: 40_000, vx: 180, vy: 0),
                                 legs: [.init(duration: 80, turnRate: 0),
                                        .init(duration: 60, turnRate: 3 * Double.pi / 180),
                                        .init(duration: 100, turnRate: 0),
                                        .init(duration: 40, turnRate: -3 * Double.pi / 180)])

    @Test func immTurnProbabilityRisesInATurnAndFallsAfter() {
        var noise = TestNoise(seed: 3)
        let first = manoeuvring.at(0)
        var filter = IMMFilter(measurement: noise.plot(x: first.x, y: first.y), velocityVariance: 250 * 250)
        var left: [Double: ModeProbabilities] = [:]
        for k in 1...95 {
            let t = Double(k) * scan
            filter.predict(dt: scan)
            let truth = manoeuvring.at(t)
            filter.update(noise.plot(x: truth.x, y: truth.y))
            left[t] = filter.modeProbabilities
        }
        func mean(_ times: ClosedRange<Double>, _ p: (ModeProbabilities) -> Double) -> Double {
            let values = left.filter { times.contains($0.key) }.map { p($0.value) }
            return values.reduce(0, +) / Double(values.count)
        }
        let beforeTurn = mean(40...80) { $0.turn }
        let inLeftTurn = mean(100...140) { $0.left }
        let afterLeftTurn = mean(180...240) { $0.turn }
        let inRightTurn = mean(256...280) { $0.right }
        let afterRightTurn = mean(320...380) { $0.turn }
        print("turn probability: before \(beforeTurn), left in left turn \(inLeftTurn), after \(afterLeftTurn), right in right turn \(inRightTurn), after \(afterRightTurn)")
        #expect(beforeTurn < 0.25)
        #expect(inLeftTurn > 0.7)
        #expect(afterLeftTurn < 0.25)
        #expect(inRightTurn > 0.7)
        #expect(afterRightTurn < 0.25)
    }

    @Test func immFollowsTurnsBetterThanConstantVelocity() {
        func rmsPositionError(_ settings: IMMSettings) -> (all: Double, turns: Double) {
            var noise = TestNoise(seed: 4)
            let first = manoeuvring.at(0)
            var filter = IMMFilter(measurement: noise.plot(x: first.x, y: first.y), velocityVariance: 250 * 250,
                                   settings: settings)
            var all: [Double] = [], turns: [Double] = []
            for k in 1...95 {
                let t = Double(k) * scan
                filter.predict(dt: scan)
                let truth = manoeuvring.at(t)
                filter.update(noise.plot(x: truth.x, y: truth.y))
                let e = filter.estimate
                let error2 = (e.x - truth.x) * (e.x - truth.x) + (e.y - truth.y) * (e.y - truth.y)
                if k > 5 { all.append(error2) }
                if (84...140).contains(t) || (244...280).contains(t) { turns.append(error2) }
            }
            func rms(_ a: [Double]) -> Double { (a.reduce(0, +) / Double(a.count)).squareRoot() }
            return (rms(all), rms(turns))
        }
        let imm = rmsPositionError(IMMSettings())
        let cv = rmsPositionError(constantVelocityOnly)
        print("RMS position error, whole flight / in turns: IMM \(imm.all) / \(imm.turns) m, CV \(cv.all) / \(cv.turns) m")
        #expect(imm.all < cv.all)
        #expect(imm.turns < cv.turns)
    }

    /// A coordinated-turn prediction flies the arc of the circle, keeping the speed.
    @Test func turnModelFliesTheCircle() {
        let ω = 3 * Double.pi / 180
        let flight = TestFlight(start: .init(x: 1000, y: 2000, vx: 0, vy: 150),
                                legs: [.init(duration: .infinity, turnRate: -ω)])
        var state = HorizontalState(x: 1000, y: 2000, vx: 0, vy: 150, covariance: Covariance4(
            position: Covariance2(xx: 100, xy: 0, yy: 100), velocityVariance: 25))
        MotionModel.coordinatedTurn(rate: -ω, noiseDensity: 1).predict(&state, dt: 30)
        let truth = flight.at(30)
        // A right turn of 90° from north: heading east, 150 m/s · 2/π · 30 s… off to the east.
        #expect(abs(state.x - truth.x) < 1e-6 && abs(state.y - truth.y) < 1e-6, "\(state) vs \(truth)")
        #expect(abs(state.vx - 150) < 1e-9 && abs(state.vy) < 1e-9)
        #expect(abs(state.speed - 150) < 1e-9)
    }

    /// Ten thousand cycles with intervals from 0 to an hour (and a negative one now and then),
    /// missed plots, plots from 100 m to 400 km (tiny and huge covariances) and far from the
    /// prediction: every model's covariance stays positive definite and finite, the mode
    /// probabilities stay a distribution, the vertical channel stays positive.
    @Test func covarianceStaysPositiveDefiniteOverALongRunWithIntervalJumps() {
        var noise = TestNoise(seed: 5)
        let intervals: [Double] = [4, 4, 4.8, 0, 0.001, 12, 4, -2, 60, 4, 600, 4, 3600, 4, 0.5]
        var imm = IMMFilter(measurement: noise.plot(x: 100, y: 0), velocityVariance: 250 * 250)
        var cv = IMMFilter(measurement: noise.plot(x: 100, y: 0), velocityVariance: 250 * 250, settings: constantVelocityOnly)
        var vertical = VerticalFilter()
        var broken = 0
        for k in 0..<10_000 {
            let dt = intervals[k % intervals.count]
            imm.predict(dt: dt)
            cv.predict(dt: dt)
            vertical.predict(dt: dt)
            if k % 7 != 3 {
                // Wander between 100 m and 400 km; every 50th plot is 20 km off the track.
                let range = 100 + 399_900 * (0.5 + 0.5 * sin(Double(k) / 300))
                let bearing = Double(k) / 100
                let offset = k % 50 == 0 ? 20_000.0 : 0
                let m = noise.plot(x: range * sin(bearing) + offset, y: range * cos(bearing),
                                   azimuthSigma: k % 2 == 0 ? 0.1 : 0.02)
                imm.update(m)
                cv.update(m)
                vertical.update(altitude: 3000 + 1000 * sin(Double(k) / 50) + noise.gauss(10),
                                variance: k % 3 == 0 ? VerticalFilter.quantisationVariance(feet: 25) : 90_000)
            }
            let p = imm.modeProbabilities
            let ok = [imm.straight, imm.left, imm.right, imm.estimate, cv.estimate].allSatisfy {
                isPositiveDefinite($0.covariance) && $0.x.isFinite && $0.y.isFinite && $0.vx.isFinite && $0.vy.isFinite
            } && abs(p.straight + p.left + p.right - 1) < 1e-12 && [p.straight, p.left, p.right].allSatisfy { $0 >= 0 }
                && vertical.altitudeVariance > 0 && vertical.rateVariance > 0
                && vertical.altitudeVariance * vertical.rateVariance > vertical.altitudeRateCovariance * vertical.altitudeRateCovariance
            if !ok {
                broken += 1
                if broken < 5 { Issue.record("step \(k) (dt \(dt)): \(imm) \(cv.estimate) \(vertical)") }
            }
        }
        #expect(broken == 0)
    }

    @Test func verticalFilterStartsUnknownAndFollowsAClimb() {
        var filter = VerticalFilter()
        filter.predict(dt: 4)
        #expect(!filter.isKnown)
        #expect(filter.mahalanobis2(altitude: 3000, variance: 100) == nil)

        // Level at FL100 (3048 m) for 40 s, then a 10 m/s climb, Mode C in 100 ft steps every 4.8 s.
        let step = 100 * 0.3048
        func truth(_ t: Double) -> Double { 3048 + 10 * max(0, t - 40) }
        let variance = VerticalFilter.quantisationVariance(feet: 100)
        filter.update(altitude: truth(0), variance: variance)
        #expect(filter.isKnown && filter.altitude == 3048 && filter.verticalRate == 0)
        var t = 0.0
        var levelRates: [Double] = [], climbRates: [Double] = []
        for _ in 0..<40 {
            t += 4.8
            filter.predict(dt: 4.8)
            let reported = (truth(t) / step).rounded() * step
            filter.update(altitude: reported, variance: variance)
            if t > 20 && t < 40 { levelRates.append(filter.verticalRate) }
            if t > 100 { climbRates.append(filter.verticalRate) }
        }
        print("vertical rate level \(levelRates), climbing \(climbRates)")
        // 100 ft steps at 48 m a scan make the rate wobble from scan to scan; on average it is right.
        let meanClimb = climbRates.reduce(0, +) / Double(climbRates.count)
        #expect(levelRates.allSatisfy { abs($0) < 1 })
        #expect(abs(meanClimb - 10) < 0.5)
        #expect(climbRates.allSatisfy { abs($0 - 10) < 3 })
        #expect(abs(filter.altitude - truth(t)) < 30)
    }
}
