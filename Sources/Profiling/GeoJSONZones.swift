import FoundationEssentials

/// What is wrong with a zones file: where (`features[3] (MMNG).geometry.coordinates`) and what.
public struct ZonesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: String
    public var problem: String
    public var description: String { location.isEmpty ? problem : "\(location): \(problem)" }
}

/// The zones file is a GeoJSON FeatureCollection; each feature says what it is in its `kind`
/// property:
/// - `border`: a LineString drawn west to east (north on its left);
/// - `restricted`: a Polygon (outer ring only), with a `name`;
/// - `airport`: a Point with `icao`, optional `name` and `hours_utc` ("14:00-02:00"; absent means
///   always open);
/// - `strip`: a Point with a `name`, a known clandestine strip.
/// Coordinates are [longitude, latitude] as GeoJSON has them. Features of another kind are an
/// error rather than silently ignored: a typo must not switch a rule off.
extension Zones {
    public init(geoJSON bytes: [UInt8]) throws(ZonesError) {
        let collection: RawCollection
        do {
            collection = try JSONDecoder().decode(RawCollection.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ZonesError(location: Self.path(context.codingPath + [key]), problem: "missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ZonesError(location: Self.path(context.codingPath), problem: "wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw ZonesError(location: Self.path(context.codingPath), problem: context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)
        } catch {
            throw ZonesError(location: "", problem: "unreadable: \(error)")
        }
        guard collection.type == "FeatureCollection" else {
            throw ZonesError(location: "type", problem: "'\(collection.type)', expected FeatureCollection")
        }
        self.init()
        for (i, f) in collection.features.enumerated() {
            let p = f.properties ?? RawProperties()
            let at = "features[\(i)]" + ((p.icao ?? p.name).map { " (\($0))" } ?? "")
            func fail(_ problem: String) -> ZonesError { ZonesError(location: at, problem: problem) }
            func point(_ c: [Double]) throws(ZonesError) -> Point {
                guard c.count >= 2, (-180...180).contains(c[0]), (-90...90).contains(c[1]) else {
                    throw fail("coordinates \(c) are not [longitude, latitude] in range")
                }
                return Point(latitude: c[1], longitude: c[0])
            }
            switch (p.kind, f.geometry.coordinates) {
            case ("border", .line(let line)):
                guard border.isEmpty else { throw fail("a second border; draw it as one LineString") }
                guard line.count >= 2 else { throw fail("a border needs at least 2 points") }
                for c in line { border.append(try point(c)) }
            case ("restricted", .polygon(let rings)):
                guard let name = p.name else { throw fail("a restricted area needs a name") }
                guard let outer = rings.first, outer.count >= 4 else { throw fail("a polygon needs a ring of at least 4 positions") }
                var ring: [Point] = []
                for c in outer { ring.append(try point(c)) }
                restricted.append(Area(name: name, ring: ring))
            case ("airport", .point(let c)):
                guard let icao = p.icao else { throw fail("an airport needs an icao code") }
                var hours: OpeningHours?
                if let text = p.hoursUTC {
                    guard let h = Self.hours(text) else { throw fail("hours_utc '\(text)' is not HH:MM-HH:MM") }
                    hours = h
                }
                airports.append(Airport(icao: icao, name: p.name ?? icao, position: try point(c), hours: hours))
            case ("strip", .point(let c)):
                guard let name = p.name else { throw fail("a strip needs a name") }
                strips.append(Strip(name: name, position: try point(c)))
            case (nil, _):
                throw fail("no 'kind' property (border, restricted, airport or strip)")
            case (let kind?, let g) where ["border", "restricted", "airport", "strip"].contains(kind):
                throw fail("\(kind) cannot be a \(g.name)")
            case (let kind?, _):
                throw fail("unknown kind '\(kind)' (border, restricted, airport or strip)")
            }
        }
    }

    /// "14:00-02:00" (a hyphen or an en dash) in minutes of the day; "24:00" closes at midnight.
    static func hours(_ text: String) -> OpeningHours? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2 else { return nil }
        func minutes(_ s: Substring) -> Int? {
            let hm = s.split(separator: ":")
            guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
                  h * 60 + m <= 1440 else { return nil }
            return h * 60 + m
        }
        guard let o = minutes(parts[0]), let c = minutes(parts[1]) else { return nil }
        return OpeningHours(opens: o, closes: c)
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}

private struct RawCollection: Decodable {
    var type: String
    var features: [RawFeature]
}

private struct RawFeature: Decodable {
    var geometry: RawGeometry
    var properties: RawProperties?
}

private struct RawProperties: Decodable {
    var kind: String?
    var name: String?
    var icao: String?
    var hoursUTC: String?
    enum CodingKeys: String, CodingKey {
        case kind, name, icao
        case hoursUTC = "hours_utc"
    }
}

/// Only the three geometry types zones use; the declared `type` must match the coordinates' depth.
private struct RawGeometry: Decodable {
    enum Coordinates {
        case point([Double]), line([[Double]]), polygon([[[Double]]])
        var name: String {
            switch self {
            case .point: "Point"
            case .line: "LineString"
            case .polygon: "Polygon"
            }
        }
    }
    var coordinates: Coordinates

    enum CodingKeys: String, CodingKey { case type, coordinates }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "Point": coordinates = .point(try c.decode([Double].self, forKey: .coordinates))
        case "LineString": coordinates = .line(try c.decode([[Double]].self, forKey: .coordinates))
        case "Polygon": coordinates = .polygon(try c.decode([[[Double]]].self, forKey: .coordinates))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c,
                                                   debugDescription: "geometry '\(type)': zones use Point, LineString or Polygon")
        }
    }
}
