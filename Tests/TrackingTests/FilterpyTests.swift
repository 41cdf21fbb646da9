import Testing
@testable import Tracking

/// Agreement with filterpy 2.0.0 on the vectors in Fixtures/filterpy_vectors.json: states within
/// 1 µm (or µm/s), covariances within 1e-9 of each element's scale √(P_ii P_jj), mode
/// probabilities within 1e-9, log-likelihoods within 1e-9. filterpy updates in Joseph form and
/// multiplies whole matrices; Centinela uses the standard form written out, so the last few bits
/// differ. Each test prints its largest error, for the record.
@Suite struct FilterpyTests {
    let v: FilterpyVectors
    init() throws { v = try FilterpyVectors.load() }

    @Test func fixtureIsFromTheExpectedVersion() {
        #expect(v.filterpy == "2.0.0")
        #expect(v.horizontal.count >= 4 && v.imm.steps.count >= 40 && v.vertical.steps.count >= 20)
    }

    /// Constant velocity and coordinated turns at ±3°/s and 1.2°/s: predict and update, with
    /// intervals from 0.25 to 24 s, missed plots and full 2×2 plot covariances.
    @Test(arguments: 0..<4)
    func horizontalKalmanFilter(_ index: Int) {
        let c = v.horizontal[index]
        let model = MotionModel(turnRate: c.turnRate, noiseDensity: c.noiseDensity)
        var state = HorizontalState(c.x0, c.P0)
        var worstState = 0.0, worstCovariance = 0.0, worstFit = 0.0
        for (k, step) in c.steps.enumerated() {
            model.predict(&state, dt: step.dt)
            worstState = max(worstState, state.stateError(step.priorX))
            worstCovariance = max(worstCovariance, state.covarianceError(step.priorP))
            #expect(state.stateError(step.priorX) < 1e-6, "\(c.name) step \(k) prior \(state) vs \(step.priorX)")
            #expect(state.covarianceError(step.priorP) < 1e-9, "\(c.name) step \(k) prior covariance")
            guard let z = step.z, let r = step.R, let x = step.x, let p = step.P,
                  let d2 = step.mahalanobis2, let logL = step.logLikelihood else { continue }
            let m = PositionMeasurement(z, r)
            let gate = state.mahalanobis2(m)
            let fit = state.update(m)
            worstState = max(worstState, state.stateError(x))
            worstCovariance = max(worstCovariance, state.covarianceError(p))
            worstFit = max(worstFit, abs(fit.mahalanobis2 - d2), abs(gate - d2), abs(fit.logLikelihood - logL))
            #expect(state.stateError(x) < 1e-6, "\(c.name) step \(k) posterior \(state) vs \(x)")
            #expect(state.covarianceError(p) < 1e-9, "\(c.name) step \(k) posterior covariance")
            #expect(abs(gate - d2) < 1e-9 && abs(fit.mahalanobis2 - d2) < 1e-9,
                    "\(c.name) step \(k): d² \(gate), \(fit.mahalanobis2) vs \(d2)")
            #expect(abs(fit.logLikelihood - logL) < 1e-9, "\(c.name) step \(k): log L \(fit.logLikelihood) vs \(logL)")
        }
        print("\(c.name): max state \(worstState), covariance \(worstCovariance), d²/log L \(worstFit)")
    }

    /// The IMM with turn modes off is the same constant-velocity filter.
    @Test func immWithoutTurnModesIsTheConstantVelocityFilter() {
        let c = v.horizontal[0]
        #expect(c.turnRate == 0)
        var settings = IMMSettings()
        settings.turnModes = false
        settings.constantVelocityNoiseDensity = c.noiseDensity
        var filter = IMMFilter(state: HorizontalState(c.x0, c.P0), settings: settings)
        for (k, step) in c.steps.enumerated() {
            filter.predict(dt: step.dt)
            #expect(filter.estimate.stateError(step.priorX) < 1e-6, "step \(k) prior")
            guard let z = step.z, let r = step.R, let x = step.x, let p = step.P else { continue }
            filter.update(PositionMeasurement(z, r))
            #expect(filter.estimate.stateError(x) < 1e-6, "step \(k) posterior")
            #expect(filter.estimate.covarianceError(p) < 1e-9, "step \(k) posterior covariance")
            #expect(filter.modeProbabilities == ModeProbabilities(straight: 1, left: 0, right: 0))
        }
    }

    /// filterpy's IMMEstimator over a manoeuvring flight, with the Markov matrix of each interval.
    @Test func imm() {
        let c = v.imm
        var filter = IMMFilter(state: HorizontalState(c.x0, c.P0), settings: c.settings.settings)
        #expect(modes(filter) == c.initialModes)
        var worstModes = 0.0, worstState = 0.0, worstCovariance = 0.0
        for (k, step) in c.steps.enumerated() {
            filter.predict(dt: step.dt)
            let predictedModes = zip(modes(filter), step.predictedModes).map { abs($0 - $1) }.max()!
            worstModes = max(worstModes, predictedModes)
            worstState = max(worstState, filter.estimate.stateError(step.predictedX))
            worstCovariance = max(worstCovariance, filter.estimate.covarianceError(step.predictedP))
            #expect(predictedModes < 1e-9, "step \(k) predicted modes \(modes(filter)) vs \(step.predictedModes)")
            #expect(filter.estimate.stateError(step.predictedX) < 1e-6, "step \(k) predicted \(filter.estimate) vs \(step.predictedX)")
            #expect(filter.estimate.covarianceError(step.predictedP) < 1e-9, "step \(k) predicted covariance")

            filter.update(PositionMeasurement(step.z, step.R))
            let updatedModes = zip(modes(filter), step.modes).map { abs($0 - $1) }.max()!
            worstModes = max(worstModes, updatedModes)
            worstState = max(worstState, filter.estimate.stateError(step.x))
            worstCovariance = max(worstCovariance, filter.estimate.covarianceError(step.P))
            #expect(updatedModes < 1e-9, "step \(k) modes \(modes(filter)) vs \(step.modes)")
            #expect(filter.estimate.stateError(step.x) < 1e-6, "step \(k) \(filter.estimate) vs \(step.x)")
            #expect(filter.estimate.covarianceError(step.P) < 1e-9, "step \(k) covariance")
        }
        print("IMM: max mode probability \(worstModes), state \(worstState), covariance \(worstCovariance) over \(c.steps.count) steps")
    }

    @Test func verticalFilter() {
        let c = v.vertical
        var settings = VerticalSettings()
        settings.noiseDensity = c.noiseDensity
        settings.initialRateVariance = c.initialRateVariance
        var filter = VerticalFilter(altitude: c.altitude0, variance: c.variance0, settings: settings)
        var worstState = 0.0, worstCovariance = 0.0
        for (k, step) in c.steps.enumerated() {
            filter.predict(dt: step.dt)
            let d2 = filter.update(altitude: step.altitude, variance: step.variance)
            let stateError = max(abs(filter.altitude - step.x[0]), abs(filter.verticalRate - step.x[1]))
            let p = step.P
            let covarianceError = max(abs(filter.altitudeVariance - p[0][0]) / p[0][0],
                                      abs(filter.altitudeRateCovariance - p[0][1]) / (p[0][0] * p[1][1]).squareRoot(),
                                      abs(filter.rateVariance - p[1][1]) / p[1][1])
            worstState = max(worstState, stateError)
            worstCovariance = max(worstCovariance, covarianceError)
            #expect(stateError < 1e-6, "step \(k): \(filter.altitude), \(filter.verticalRate) vs \(step.x)")
            #expect(covarianceError < 1e-9, "step \(k) covariance")
            #expect(abs(d2 - step.mahalanobis2) < 1e-9, "step \(k): d² \(d2) vs \(step.mahalanobis2)")
        }
        print("vertical: max state \(worstState), covariance \(worstCovariance) over \(c.steps.count) steps")
    }

    private func modes(_ f: IMMFilter) -> [Double] {
        [f.modeProbabilities.straight, f.modeProbabilities.left, f.modeProbabilities.right]
    }
}
