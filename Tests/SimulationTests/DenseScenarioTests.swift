import Foundation
import Recording
import Testing
@testable import Simulation

/// `recordings/dense.scenario.json`, the benchmark session generated on demand: its traffic
/// settings must give the thousands of simultaneous aircraft it exists for.
@Suite struct DenseScenarioTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings/dense.scenario.json").path

    @Test func itsTrafficKeepsAtLeast2000AircraftAirborneAtOnce() throws {
        let scenario = try Scenario(json: RecordingFile.load(path: Self.path))
        #expect(scenario.radars.count == 5)
        #expect((600...900).contains(scenario.durationS))
        let session = try scenario.session(seed: 1)
        let trajectories = session.trajectories()
        // Each minute of the session, flights in the air (not standing or rolling on the ground).
        let counts = stride(from: 0.0, to: scenario.durationS, by: 60).map { t in
            trajectories.filter { $0.state(at: t).map { !$0.onGround } ?? false }.count
        }
        #expect(counts.allSatisfy { $0 >= 2000 }, "airborne each minute: \(counts)")
    }
}
