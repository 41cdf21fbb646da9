import Glibc
import Surveillance

/// The map the classifier reasons over: the border, restricted areas, airports with their opening
/// hours and known clandestine strips. Read from GeoJSON (`Zones(geoJSON:)`).
public struct Zones: Sendable, Equatable {
    public typealias Point = MapPoint

    public struct Airport: Sendable, Equatable {
        public var icao: String
        public var name: String
        public var position: Point
        /// Nil when always open.
        public var hours: OpeningHours?
        public init(icao: String, name: String, position: Point, hours: OpeningHours?) {
            self.icao = icao
            self.name = name
            self.position = position
            self.hours = hours
        }
    }

    /// Daily opening hours in UTC, minutes of the day; `closes` before `opens` spans midnight.
    public struct OpeningHours: Sendable, Equatable, CustomStringConvertible {
        public var opens: Int
        public var closes: Int
        public init(opens: Int, closes: Int) {
            self.opens = opens
            self.closes = closes
        }

        public func isOpen(at time: Double) -> Bool {
            let minute = Int((time - (time / 86_400).rounded(.down) * 86_400) / 60)
            return opens <= closes ? (opens <= minute && minute < closes) : (minute >= opens || minute < closes)
        }

        /// `14:00–02:00 UTC`
        public var description: String {
            func hhmm(_ m: Int) -> String {
                let h = m / 60, mm = m % 60
                return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
            }
            return "\(hhmm(opens))–\(hhmm(closes)) UTC"
        }
    }

    public struct Strip: Sendable, Equatable {
        public var name: String
        public var position: Point
        public init(name: String, position: Point) {
            self.name = name
            self.position = position
        }
    }

    public struct Area: Sendable, Equatable {
        public var name: String
        /// Outer ring, closed or not.
        public var ring: [Point]
        public init(name: String, ring: [Point]) {
            self.name = name
            self.ring = ring
        }
    }

    /// Drawn west to east, so that north of the border is on its left.
    public var border: [Point]
    public var restricted: [Area]
    public var airports: [Airport]
    public var strips: [Strip]

    public init(border: [Point] = [], restricted: [Area] = [], airports: [Airport] = [], strips: [Strip] = []) {
        self.border = border
        self.restricted = restricted
        self.airports = airports
        self.strips = strips
    }

    /// Where a position stands against the border.
    public struct BorderFix: Sendable, Equatable {
        /// Metres to the nearest point of the border, positive north of it, negative south.
        public var signedDistance: Double
        /// Unit vector (east, north) from the position toward that nearest point.
        public var towardEast: Double
        public var towardNorth: Double
    }

    /// Nil without a border line. Distances over a few hundred kilometres are good to a few tenths
    /// of a percent on the local flat earth used here, enough for rules in kilometres.
    public func borderFix(latitude: Double, longitude: Double) -> BorderFix? {
        guard border.count >= 2 else { return nil }
        let origin = Point(latitude: latitude, longitude: longitude)
        var best: (d2: Double, e: Double, n: Double, left: Bool)?
        for (p, q) in zip(border, border.dropFirst()) {
            let a = Self.offset(of: p, from: origin), b = Self.offset(of: q, from: origin)
            let se = b.e - a.e, sn = b.n - a.n
            let length2 = se * se + sn * sn
            let f = length2 > 0 ? min(max(-(a.e * se + a.n * sn) / length2, 0), 1) : 0
            let ce = a.e + f * se, cn = a.n + f * sn
            let d2 = ce * ce + cn * cn
            if best == nil || d2 < best!.d2 {
                // Left of the segment (north of a west-to-east border): cross(segment, origin − a) > 0.
                best = (d2, ce, cn, se * (-a.n) - sn * (-a.e) > 0)
            }
        }
        guard let best else { return nil }
        let d = best.d2.squareRoot()
        // On the line itself the direction is the segment's normal toward the other side; not needed
        // by any rule, so it is left as zero.
        return BorderFix(signedDistance: best.left ? d : -d, towardEast: d > 0 ? best.e / d : 0, towardNorth: d > 0 ? best.n / d : 0)
    }

    /// The nearest airport and its distance, metres.
    public func nearestAirport(latitude: Double, longitude: Double) -> (airport: Airport, distance: Double)? {
        let here = Point(latitude: latitude, longitude: longitude)
        return airports.map { ($0, Self.distance(here, $0.position)) }.min { $0.1 < $1.1 }
    }

    /// The nearest known strip and its distance, metres.
    public func nearestStrip(latitude: Double, longitude: Double) -> (strip: Strip, distance: Double)? {
        let here = Point(latitude: latitude, longitude: longitude)
        return strips.map { ($0, Self.distance(here, $0.position)) }.min { $0.1 < $1.1 }
    }

    /// The nearest known strip on a path from `point` along `heading` (degrees from north): within
    /// `radius` of the point, or ahead of it up to `length` and within `radius` of the line. With its
    /// distance from the point, metres.
    public func strip(onPathFrom point: Point, heading: Double, length: Double, radius: Double) -> (strip: Strip, distance: Double)? {
        let h = heading * Double.pi / 180
        return strips.compactMap { strip -> (Strip, Double)? in
            let o = Self.offset(of: strip.position, from: point)
            let along = o.e * sin(h) + o.n * cos(h), across = abs(o.e * cos(h) - o.n * sin(h))
            let d = (o.e * o.e + o.n * o.n).squareRoot()
            return d <= radius || (along >= 0 && along <= length && across <= radius) ? (strip, d) : nil
        }.min { $0.1 < $1.1 }
    }

    /// The first restricted area containing the position.
    public func restrictedArea(latitude: Double, longitude: Double) -> Area? {
        restricted.first { Self.contains($0.ring, latitude: latitude, longitude: longitude) }
    }

    /// Even–odd ray casting in degrees: areas are small enough for the plane to hold.
    static func contains(_ ring: [Point], latitude: Double, longitude: Double) -> Bool {
        var inside = false
        for (p, q) in zip(ring, ring.dropFirst() + [ring[0]]) where (p.latitude > latitude) != (q.latitude > latitude) {
            let lon = p.longitude + (latitude - p.latitude) / (q.latitude - p.latitude) * (q.longitude - p.longitude)
            if longitude < lon { inside.toggle() }
        }
        return inside
    }

    /// Metres east and north of `origin` on the local flat earth.
    static func offset(of p: Point, from origin: Point) -> (e: Double, n: Double) {
        ((p.longitude - origin.longitude) * 111_320 * cos(origin.latitude * Double.pi / 180),
         (p.latitude - origin.latitude) * 110_574)
    }

    /// Metres between two points on the local flat earth.
    public static func distance(_ a: Point, _ b: Point) -> Double {
        let o = offset(of: b, from: a)
        return (o.e * o.e + o.n * o.n).squareRoot()
    }
}
