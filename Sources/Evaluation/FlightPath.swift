import Geodesy

/// One truth flight in the evaluation plane: its sample times (session seconds) and positions,
/// converted once so each instant costs an interpolation, not a projection.
struct FlightPath {
    let times: [Double]
    let xs: [Double]
    let ys: [Double]
    /// Metres above sea level.
    let altitudes: [Double]

    init(_ flight: Truth.Flight, plane: StereographicPlane) {
        times = flight.samples.map(\.t)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(times.count)
        ys.reserveCapacity(times.count)
        for s in flight.samples {
            let p = plane.point(from: GeodeticPosition(latitude: s.lat, longitude: s.lon))
            xs.append(p.x)
            ys.append(p.y)
        }
        self.xs = xs
        self.ys = ys
        altitudes = flight.samples.map(\.altM)
    }

    /// The flight's position at `t`, linear between the samples around it; nil outside its first
    /// and last sample. `cursor` remembers where the last call was: calls with growing `t` and
    /// the same cursor cost O(1) each.
    func position(at t: Double, cursor: inout Int) -> (point: PlanePoint, altitude: Double)? {
        guard let first = times.first, let last = times.last, t >= first, t <= last else { return nil }
        if cursor >= times.count || times[cursor] > t { cursor = 0 }
        while cursor + 1 < times.count, times[cursor + 1] <= t { cursor += 1 }
        let i = cursor
        guard times[i] < t, i + 1 < times.count else { return (PlanePoint(x: xs[i], y: ys[i]), altitudes[i]) }
        let f = (t - times[i]) / (times[i + 1] - times[i])
        return (PlanePoint(x: xs[i] + f * (xs[i + 1] - xs[i]), y: ys[i] + f * (ys[i + 1] - ys[i])),
                altitudes[i] + f * (altitudes[i + 1] - altitudes[i]))
    }
}
