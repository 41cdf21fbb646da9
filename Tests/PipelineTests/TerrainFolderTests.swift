import Foundation
import Geodesy
import Pipeline
import Recording
import Testing

/// `--terrain DIR`: real files in a real folder, good ones and hostile ones.
@Suite struct TerrainFolderTests {
    /// A fresh empty folder for one test.
    static func folder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "centinela-\(getpid())-terrain-\(name)"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An SRTM3 tile's bytes whose heights rise 1 m a row from the north edge, from `base`:
    /// easy to check at any sample.
    static func tileBytes(base: Int16) -> [UInt8] {
        let n = 1201
        var bytes = [UInt8](repeating: 0, count: 2 * n * n)
        for r in 0..<n {
            let h = UInt16(bitPattern: base + Int16(r))
            for c in 0..<n {
                bytes[2 * (r * n + c)] = UInt8(h >> 8)
                bytes[2 * (r * n + c) + 1] = UInt8(h & 0xFF)
            }
        }
        return bytes
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func plainAndGzipTilesLoadSideBySideAndOtherFilesAreLeftAlone() throws {
        let dir = try Self.folder("good")
        try Self.write(Self.tileBytes(base: 100), dir + "/N31W111.hgt")
        try RecordingFile.save(path: dir + "/n31w110.hgt.gz", bytes: Self.tileBytes(base: 500))
        try Self.write(Array("not a tile".utf8), dir + "/README.txt")
        let terrain = try TerrainFolder.load(dir)
        #expect(terrain.tileCount == 2)
        // Row 0 is the north edge (32° N), row 1200 the south (31° N); 600 rows down is 31.5° N.
        // N31W111 spans 111–110° W, N31W110 110–109° W.
        #expect(terrain.height(latitude: 32, longitude: -110.9) == 100)
        #expect(terrain.height(latitude: 31.5, longitude: -110.9) == 700)
        #expect(terrain.height(latitude: 32, longitude: -109.5) == 500)
        #expect(terrain.height(latitude: 31.5, longitude: -109.5) == 1100)
        // Outside both tiles there is no ground, rather than a made-up one.
        #expect(terrain.height(latitude: 30.5, longitude: -110.5) == nil)
    }

    /// Tiles are read several at once, yet the file reported is the same every time: the first
    /// bad one in name order, good tiles around it.
    @Test func ofSeveralBadTilesTheFirstByNameIsReported() throws {
        let dir = try Self.folder("several-bad")
        for (i, name) in ["N29W111.hgt", "N30W111.hgt", "N31W111.hgt", "N32W111.hgt", "N33W111.hgt"].enumerated() {
            try Self.write(i == 1 || i == 3 ? [0, 1, 2, 3] : Self.tileBytes(base: 0), dir + "/" + name)
        }
        for _ in 0..<5 {
            #expect(throws: TerrainFolder.Failure.badSize(path: dir + "/N30W111.hgt", bytes: 4)) { try TerrainFolder.load(dir) }
        }
    }

    @Test func namesThatAreNotTilesAreRefusedByPath() throws {
        for name in ["X31W111.hgt", "N31W111x.hgt", "N-1W111.hgt", "N31W1111.hgt", "tile.hgt.gz"] {
            let dir = try Self.folder("name")
            try Self.write(Self.tileBytes(base: 0), dir + "/" + name)
            #expect(throws: TerrainFolder.Failure.badName(path: dir + "/" + name), "\(name)") { try TerrainFolder.load(dir) }
        }
    }

    @Test func aFileOfTheWrongSizeIsRefusedWithItsSize() throws {
        let dir = try Self.folder("size")
        let short = Array(Self.tileBytes(base: 0).dropLast(2))
        try Self.write(short, dir + "/N31W111.hgt")
        #expect(throws: TerrainFolder.Failure.badSize(path: dir + "/N31W111.hgt", bytes: short.count)) {
            try TerrainFolder.load(dir)
        }
        // The same inside gzip: the inflated size is what counts.
        let gz = try Self.folder("size-gz")
        try RecordingFile.save(path: gz + "/N31W111.hgt.gz", bytes: [1, 2, 3])
        #expect(throws: TerrainFolder.Failure.badSize(path: gz + "/N31W111.hgt.gz", bytes: 3)) { try TerrainFolder.load(gz) }
    }

    @Test func truncatedOrCorruptGzipIsRefusedNamingTheFile() throws {
        let whole = Gzip.deflate(Self.tileBytes(base: 0))
        var corrupt = whole
        for i in stride(from: 100, to: 200, by: 1) { corrupt[i] ^= 0x5A }
        for (name, bytes) in [("truncated", Array(whole.prefix(whole.count / 2))), ("corrupt", corrupt),
                              ("header-only", Array(whole.prefix(10)))] {
            let dir = try Self.folder(name)
            let path = dir + "/N31W111.hgt.gz"
            try Self.write(bytes, path)
            do {
                _ = try TerrainFolder.load(dir)
                Issue.record("\(name) gzip loaded")
            } catch {
                guard case .unreadable(let e) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(e.path == path, "\(name)")
                #expect(e.kind == .badCompression || e.kind == .truncated, "\(name): \(e)")
                #expect("\(error)".contains(path))
            }
        }
    }

    @Test func gzipThatInflatesPastTheLargestTileIsRefusedBeforeItFillsMemory() throws {
        let dir = try Self.folder("bomb")
        let path = dir + "/N31W111.hgt.gz"
        try Self.write(Gzip.deflate([UInt8](repeating: 0, count: 2 * 3601 * 3601 + 2)), path)
        do {
            _ = try TerrainFolder.load(dir)
            Issue.record("an oversized tile loaded")
        } catch {
            guard case .unreadable(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.path == path)
        }
    }

    @Test func twoFilesOfOneTileAreRefused() throws {
        let dir = try Self.folder("twice")
        try Self.write(Self.tileBytes(base: 0), dir + "/N31W111.hgt")
        try RecordingFile.save(path: dir + "/n31w111.hgt.gz", bytes: Self.tileBytes(base: 0))
        // Listed in sorted order: the upper-case name first.
        #expect(throws: TerrainFolder.Failure.duplicate(path: dir + "/n31w111.hgt.gz", other: dir + "/N31W111.hgt")) {
            try TerrainFolder.load(dir)
        }
    }

    @Test func aFolderWithoutTilesOrNoFolderAtAllIsRefused() throws {
        let empty = try Self.folder("empty")
        try Self.write(Array("x".utf8), empty + "/notes.txt")
        #expect(throws: TerrainFolder.Failure.noTiles(folder: empty)) { try TerrainFolder.load(empty) }
        let missing = empty + "/nowhere"
        #expect(throws: TerrainFolder.Failure.unreadableFolder(missing)) { try TerrainFolder.load(missing) }
        // A file given where the folder should be.
        #expect(throws: TerrainFolder.Failure.unreadableFolder(empty + "/notes.txt")) { try TerrainFolder.load(empty + "/notes.txt") }
    }

    @Test func anUnreadableTileIsRefusedNamingIt() throws {
        let dir = try Self.folder("unreadable")
        // A folder named like a tile cannot be read as one.
        try FileManager.default.createDirectory(atPath: dir + "/N31W111.hgt", withIntermediateDirectories: true)
        do {
            _ = try TerrainFolder.load(dir)
            Issue.record("a folder loaded as a tile")
        } catch {
            guard case .unreadable(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.path == dir + "/N31W111.hgt")
        }
    }
}
