@testable import CentinelaCLI
import Display
import Testing

/// The operator's pacing keys reach the replay as requests applied in order to its own state:
/// keys typed faster than the picture shows them act as typed.
@Suite struct ReplayControlTests {
    @Test func twoPausePressesPauseAndResume() {
        var control = ReplayControl(speed: 4)
        control.apply(.pauseOrResume, scan: 4)
        #expect(control.paused)
        let held = control.admit(frameAt: 100)
        #expect(!held)
        control.apply(.pauseOrResume, scan: 4)
        #expect(!control.paused)
        // Both in one burst, before any frame: back where it was.
        control.apply(.pauseOrResume, scan: 4)
        control.apply(.pauseOrResume, scan: 4)
        #expect(!control.paused)
    }

    @Test func speedPressesStepFromTheReplaysOwnSpeed() {
        var control = ReplayControl(speed: 4)
        control.apply(.faster, scan: 4)
        control.apply(.faster, scan: 4)
        #expect(control.speed == 10)  // 4 → 5 → 10 along the steps
        control.apply(.slower, scan: 4)
        #expect(control.speed == 5)
        for _ in 0..<9 { control.apply(.faster, scan: 4) }
        #expect(control.speed == nil)  // as fast as possible, and no further
    }

    /// Paused, `n` replays one scan of data and pauses again; space then resumes.
    @Test func aStepReplaysOneScanThenHolds() {
        var control = ReplayControl(speed: nil)
        control.apply(.pauseOrResume, scan: 4)
        control.apply(.step, scan: 4)
        let first = control.admit(frameAt: 100), last = control.admit(frameAt: 103.9), after = control.admit(frameAt: 104)
        #expect(first && last && !after)
        #expect(control.paused)
        control.apply(.pauseOrResume, scan: 4)
        let resumed = control.admit(frameAt: 104)
        #expect(resumed)
    }
}
