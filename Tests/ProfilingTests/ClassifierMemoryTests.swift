import Testing
@testable import Profiling

/// The classifier's table of tracks stays bounded by what is alive: tracks the tracker dropped
/// without a last update (tentative ones) are forgotten once silent, not kept until the table is full.
@Suite struct ClassifierMemoryTests {
    @Test func tracksGoneSilentAreForgottenAndLiveOnesKeepTheirHistory() {
        var settings = ProfileSettings()
        settings.forgetAfter = 60
        var flyer = Flyer(settings: settings)
        // 100 tentative tracks seen once, 3 km apart, then never again.
        for n in 1...100 {
            flyer.fly(number: UInt16(n), from: 30.5 + Double(n) * 0.03, -110, heading: 0, speed: 60, altitude: nil,
                      seconds: 0, stage: .tentative)
        }
        #expect(flyer.classifier.trackCount == 100)
        // Track 500 flies on for 100 s: by then the 100 have been silent 60 s and are gone.
        let last = flyer.fly(number: 500, from: 30.5, -109, heading: 0, speed: 60, altitude: nil, seconds: 100)
        #expect(flyer.classifier.trackCount == 1)
        #expect(flyer.classifier.forgottenTracks == 0)
        // The live track kept its samples all along (one every 4 s).
        #expect(last.features.samples.count >= 25)
    }
}
