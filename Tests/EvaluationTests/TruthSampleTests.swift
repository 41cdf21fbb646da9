import FoundationEssentials
import Testing
@testable import Evaluation

@Suite struct TruthSampleTests {
    @Test func aTruthLineDecodesWithItsUnitsAndEvents() throws {
        let line = #"{"t":96.0,"id":"strip-1","label":"suspect:clandestine-landing","lat":31.195,"lon":-110.72,"alt_m":1310.5,"agl_m":0.0,"speed_mps":0.0,"heading_deg":0.0,"vrate_mps":0.0,"transponder":false,"on_ground":true,"events":["landing"]}"#
        let s = try JSONDecoder().decode(TruthSample.self, from: Data(line.utf8))
        #expect(s.t == 96 && s.id == "strip-1" && s.label == "suspect:clandestine-landing")
        #expect(s.altM == 1310.5 && s.aglM == 0 && s.onGround && !s.transponder)
        #expect(s.events == ["landing"])
    }
}
