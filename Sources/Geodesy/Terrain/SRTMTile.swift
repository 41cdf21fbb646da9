/// One SRTM `.hgt` tile: a square of one degree whose south-west corner names it (`N31W111.hgt`
/// covers 31–32° N, 111–110° W), heights in metres above the geoid as big-endian Int16, rows from
/// north to south, columns from west to east, the edges shared with the neighbours. SRTM3 tiles
/// have 1201 samples a side (3″), SRTM1 3601 (1″).
public struct SRTMTile: Sendable, Equatable {
    /// Latitude and longitude of the south-west corner, whole degrees.
    public let south: Int
    public let west: Int
    /// Samples a side: 1201 or 3601.
    public let size: Int
    /// `size × size` heights, row-major from the north-west corner.
    public let heights: [Int16]

    /// SRTM's mark for a sample without data.
    public static let void: Int16 = -32768

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a name like N31W111.hgt.
        case badName(String)
        /// The byte count fits neither SRTM3 nor SRTM1.
        case badSize(name: String, bytes: Int)

        public var description: String {
            switch self {
            case .badName(let n): return "\(n): not an SRTM tile name (like N31W111.hgt)"
            case .badSize(let n, let b): return "\(n): \(b) bytes; an SRTM tile has 2×1201² (SRTM3) or 2×3601² (SRTM1)"
            }
        }
    }

    public init(south: Int, west: Int, size: Int, heights: [Int16]) {
        precondition(size >= 2 && heights.count == size * size, "an SRTM tile is size × size samples")
        self.south = south
        self.west = west
        self.size = size
        self.heights = heights
    }

    /// Reads a tile from its file's bytes; the name gives its place.
    public init(name: String, bytes: [UInt8]) throws(Failure) {
        guard let (south, west) = Self.corner(of: name) else { throw .badName(name) }
        let size: Int
        switch bytes.count {
        case 2 * 1201 * 1201: size = 1201
        case 2 * 3601 * 3601: size = 3601
        default: throw .badSize(name: name, bytes: bytes.count)
        }
        var heights = [Int16](repeating: 0, count: size * size)
        for i in heights.indices {
            heights[i] = Int16(bitPattern: UInt16(bytes[2 * i]) << 8 | UInt16(bytes[2 * i + 1]))
        }
        self.init(south: south, west: west, size: size, heights: heights)
    }

    /// The file's bytes.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 2 * heights.count)
        for (i, h) in heights.enumerated() {
            let u = UInt16(bitPattern: h)
            out[2 * i] = UInt8(u >> 8)
            out[2 * i + 1] = UInt8(u & 0xFF)
        }
        return out
    }

    /// `N31W111.hgt`
    public var name: String { Self.name(south: south, west: west) }

    public static func name(south: Int, west: Int) -> String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(abs(v))
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return (south < 0 ? "S" : "N") + pad(south, 2) + (west < 0 ? "W" : "E") + pad(west, 3) + ".hgt"
    }

    /// South-west corner from a name like `N31W111.hgt` (any folder in front, any case).
    public static func corner(of name: String) -> (south: Int, west: Int)? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let u = Array(base.uppercased().utf8)
        guard u.count >= 7, u[0] == UInt8(ascii: "N") || u[0] == UInt8(ascii: "S"),
              u[3] == UInt8(ascii: "E") || u[3] == UInt8(ascii: "W"),
              let lat = Int(String(decoding: u[1..<3], as: UTF8.self)),
              let lon = Int(String(decoding: u[4..<7], as: UTF8.self)),
              lat <= 90, lon <= 180 else { return nil }
        return (u[0] == UInt8(ascii: "S") ? -lat : lat, u[3] == UInt8(ascii: "W") ? -lon : lon)
    }

    /// Height at a point of the tile, interpolated between the four samples around it; nil
    /// outside the tile or next to a void sample.
    public func height(latitude: Double, longitude: Double) -> Double? {
        let step = 1.0 / Double(size - 1)
        let row = (Double(south + 1) - latitude) / step
        let col = (longitude - Double(west)) / step
        let last = Double(size - 1)
        guard row >= 0, row <= last, col >= 0, col <= last else { return nil }  // NaN fails too
        let r0 = min(Int(row), size - 2), c0 = min(Int(col), size - 2)
        let fr = row - Double(r0), fc = col - Double(c0)
        let a = heights[r0 * size + c0], b = heights[r0 * size + c0 + 1]
        let c = heights[(r0 + 1) * size + c0], d = heights[(r0 + 1) * size + c0 + 1]
        guard a != Self.void, b != Self.void, c != Self.void, d != Self.void else { return nil }
        let top = Double(a) * (1 - fc) + Double(b) * fc
        let bottom = Double(c) * (1 - fc) + Double(d) * fc
        return top * (1 - fr) + bottom * fr
    }
}
