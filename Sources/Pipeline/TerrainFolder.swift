import Dispatch  // the tiles are read on every core
import FoundationEssentials  // FileManager, to list the folder
import Geodesy
import Recording

/// The ground under the tracks, from a folder of SRTM tiles (`N31W111.hgt`, or gzip-compressed
/// `N31W111.hgt.gz`, as `centinela simulate --tiles` writes them): what the classifier needs for
/// height above ground. Other files in the folder are left alone.
public enum TerrainFolder {
    /// Why a terrain folder could not be loaded; every case names the folder or the file.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The folder cannot be listed (missing, not a folder, no permission).
        case unreadableFolder(String)
        /// The folder holds no `.hgt` or `.hgt.gz` file.
        case noTiles(folder: String)
        /// A `.hgt` file whose name is not a tile's (`N31W111.hgt`).
        case badName(path: String)
        /// A file whose bytes fit neither SRTM3 nor SRTM1.
        case badSize(path: String, bytes: Int)
        /// The file cannot be read, or its gzip data is truncated or corrupt.
        case unreadable(ContainerError)
        /// Two files for the same tile (`N31W111.hgt` and `N31W111.hgt.gz`).
        case duplicate(path: String, other: String)

        public var description: String {
            switch self {
            case .unreadableFolder(let f): "terrain folder \(f) cannot be listed (missing, or not a folder?)"
            case .noTiles(let f): "terrain folder \(f) holds no SRTM tile (N31W111.hgt or N31W111.hgt.gz)"
            case .badName(let p): "\(p): not an SRTM tile name (like N31W111.hgt)"
            case .badSize(let p, let b): "\(p): \(b) bytes; an SRTM tile has 2×1201² (SRTM3) or 2×3601² (SRTM1)"
            case .unreadable(let e): "\(e)"
            case .duplicate(let p, let other): "\(p): the same tile as \(other)"
            }
        }
    }

    /// The largest tile, SRTM1: a file that inflates past it is no tile.
    static let largestTile = 2 * 3601 * 3601

    /// Every `*.hgt` and `*.hgt.gz` in `folder` (names in any case) as one terrain.
    public static func load(_ folder: String) throws(Failure) -> Terrain {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .unreadableFolder(folder)
        }
        // The names first: cheap, and a bad one is refused before any tile is read.
        var files: [(name: String, path: String)] = []
        var seen: [String: String] = [:]  // tile name → path
        for name in names {
            let lower = name.lowercased()
            guard lower.hasSuffix(".hgt") || lower.hasSuffix(".hgt.gz") else { continue }
            let path = folder + "/" + name
            let base = String(name.dropLast(lower.hasSuffix(".gz") ? 7 : 4)).uppercased()
            // `SRTMTile.corner` reads only the first seven characters, and lets "N-1" by: the
            // name must be the one the corner gives back.
            guard let corner = SRTMTile.corner(of: base),
                  case let tileName = SRTMTile.name(south: corner.south, west: corner.west),
                  tileName == base + ".hgt" else { throw .badName(path: path) }
            if let other = seen[tileName] { throw .duplicate(path: path, other: other) }
            seen[tileName] = path
            files.append((tileName, path))
        }
        // Then the tiles, on every core: inflating them is most of a replay's start-up with
        // terrain. The first bad file in name order is the one reported.
        var terrain = Terrain()
        for tile in tiles(files) { terrain.add(try tile.get()) }
        guard terrain.tileCount > 0 else { throw .noTiles(folder: folder) }
        return terrain
    }

    /// Each file read and checked as a tile, in the order given, several at once.
    private static func tiles(_ files: [(name: String, path: String)]) -> [Result<SRTMTile, Failure>] {
        let slots = UnsafeMutableBufferPointer<Result<SRTMTile, Failure>?>.allocate(capacity: files.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            out[i] = Result { () throws(Failure) in try tile(name: files[i].name, path: files[i].path) }
        }
        let results = slots.map { $0! }
        _ = slots.deinitialize()
        return results
    }

    private static func tile(name: String, path: String) throws(Failure) -> SRTMTile {
        let bytes: [UInt8]
        do {
            bytes = try RecordingFile.load(path: path, limit: largestTile)
        } catch {
            throw .unreadable(error)
        }
        do {
            return try SRTMTile(name: name, bytes: bytes)
        } catch {
            throw .badSize(path: path, bytes: bytes.count)
        }
    }
}
