import Geodesy
import Surveillance

/// The radars the tracker knows: their settings and, once the antenna position is known (from
/// configuration or CAT034 I034/120), the geometry that places their plots. A handful of radars
/// at most, so a linear search beats a dictionary.
struct SensorTable {
    struct Sensor {
        var settings: SensorSettings
        var site: RadarSite?
    }

    private(set) var sensors: [Sensor] = []
    let defaults: SensorSettings
    /// A bound on distinct SAC/SIC pairs remembered, so a feed of random sources cannot grow the
    /// table; plots from sources beyond it are counted as unknown.
    static let capacity = 256

    init(configured: [SensorSettings], defaults: SensorSettings) {
        self.defaults = defaults
        for s in configured.prefix(Self.capacity) {
            sensors.append(Sensor(settings: s, site: s.antenna.flatMap { try? RadarSite(sensor: s.sensor, antenna: $0) }))
        }
    }

    @inline(__always)
    func index(of id: SensorID) -> Int? {
        sensors.firstIndex { $0.settings.sensor == id }
    }

    subscript(index: Int) -> Sensor { sensors[index] }

    /// The index of `id`, adding it with the default noise when it is new and there is room.
    mutating func indexAdding(_ id: SensorID) -> Int? {
        if let i = index(of: id) { return i }
        guard sensors.count < Self.capacity else { return nil }
        var s = defaults
        s.sensor = id
        sensors.append(Sensor(settings: s, site: nil))
        return sensors.count - 1
    }

    /// A radar's position from its own CAT034 (I034/120). Configuration wins: a configured
    /// position is not overwritten. Returns false if the position is not a valid antenna.
    @discardableResult
    mutating func report(position: GeodeticPosition, of id: SensorID) -> Bool {
        guard let i = indexAdding(id) else { return false }
        if sensors[i].settings.antenna != nil, sensors[i].site != nil { return true }
        guard let site = try? RadarSite(sensor: id, antenna: position) else { return false }
        sensors[i].settings.antenna = position
        sensors[i].site = site
        return true
    }

    /// A radar's antenna rotation period from its own CAT034 (I034/041), seconds.
    mutating func report(scanPeriod: Double, of id: SensorID) {
        guard scanPeriod.isFinite, scanPeriod >= 1, scanPeriod <= 60, let i = indexAdding(id) else { return }
        sensors[i].settings.scanPeriod = scanPeriod
    }
}
