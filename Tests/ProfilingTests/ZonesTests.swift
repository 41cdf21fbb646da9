import Recording
import Testing
@testable import Profiling

@Suite struct ZonesTests {
    static let shipped = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")

    func read(_ text: String) throws(ZonesError) -> Zones { try Zones(geoJSON: Array(text.utf8)) }

    func error(_ text: String) -> ZonesError? {
        do { _ = try read(text); return nil } catch { return error }
    }

    @Test func theShippedZonesRead() throws {
        let bytes = try RecordingFile.load(path: "/" + Self.shipped + "/recordings/northern-border.zones.geojson")
        let z = try Zones(geoJSON: bytes)
        #expect(z.border.count == 5 && z.airports.count == 10 && z.strips.count == 4)
        // Agua Prieta's radar site lies 10 km south of the line at 31.3322° N.
        let fix = try #require(z.borderFix(latitude: 31.24, longitude: -109.5))
        #expect(abs(fix.signedDistance + 10_200) < 100 && fix.towardNorth > 0.99)
    }

    @Test func badGeoJSONSaysWhatAndWhere() {
        #expect(error("{").map { $0.problem == "not valid JSON" } == true)
        #expect(error(#"{"type":"Feature","features":[]}"#)?.location == "type")
        let noKind = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[-110,31]}}]}"#
        #expect(error(noKind) == ZonesError(location: "features[0] (x)", problem: "no 'kind' property (border, restricted, airport or strip)"))
        let badHours = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"airport","icao":"MMNG","hours_utc":"7am"},"geometry":{"type":"Point","coordinates":[-110.9,31.2]}}]}"#
        #expect(error(badHours) == ZonesError(location: "features[0] (MMNG)", problem: "hours_utc '7am' is not HH:MM-HH:MM"))
        let swapped = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"strip","name":"s"},"geometry":{"type":"Point","coordinates":[31.2,-110.9]}}]}"#
        #expect(error(swapped)?.location == "features[0] (s)")
        let lineAirport = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"airport","icao":"KDUG"},"geometry":{"type":"LineString","coordinates":[[-110,31],[-109,31]]}}]}"#
        #expect(error(lineAirport)?.problem == "airport cannot be a LineString")
        let missing = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"strip","name":"s"}}]}"#
        #expect(error(missing) == ZonesError(location: "features[0].geometry", problem: "missing"))
    }

    @Test func openingHoursAcrossMidnight() {
        let h = Zones.OpeningHours(opens: 14 * 60, closes: 2 * 60)
        #expect(h.isOpen(at: 20 * 3600) && h.isOpen(at: 3600) && !h.isOpen(at: 6 * 3600))
    }
}
