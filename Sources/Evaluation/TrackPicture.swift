import Geodesy
import Surveillance

/// The tracker's picture at successive instants, from its stream of updates: per track number the
/// latest update at or before the instant, extrapolated to it along its velocity.
///
/// A track number is reused after a delay, so a track is identified by its *life*: a number and
/// the time of its first plot, ended by an update flagged `ended`.
struct TrackPicture {
    struct Life {
        let number: UInt16
        let firstTime: Double
        var latest: SystemTrack
        /// `latest`'s position in the evaluation plane.
        var x: Double
        var y: Double
    }

    /// One track in the picture at an instant.
    struct Entry {
        var life: Int
        var x: Double
        var y: Double
        /// Metres, when the track's altitude comes from a transponder (a 3-D radar's height is too
        /// coarse to tell aircraft apart, and a primary-only track has none).
        var altitude: Double?
    }

    private(set) var lives: [Life] = []
    private let updates: [SystemTrack]
    /// Indices into `updates`, in time order (file order among equal times).
    private let order: [Int]
    private var next = 0
    /// The live life of each track number, or -1.
    private var lifeOfNumber = [Int](repeating: -1, count: Int(UInt16.max) + 1)
    /// Lives not yet ended, oldest first, so the picture comes out in the same order every run
    /// and ties in the assignment are broken the same way.
    private var active: [Int] = []
    private let plane: StereographicPlane

    init(updates: [SystemTrack], plane: StereographicPlane) {
        self.updates = updates
        order = updates.indices.sorted { a, b in
            updates[a].time != updates[b].time ? updates[a].time < updates[b].time : a < b
        }
        self.plane = plane
    }

    /// The confirmed and coasting tracks at UTC time `t` (growing from call to call) whose latest
    /// update is at most `staleness` seconds old, extrapolated to `t`.
    mutating func advance(to t: Double, staleness: Double, into picture: inout [Entry]) {
        while next < order.count, updates[order[next]].time <= t {
            apply(updates[order[next]])
            next += 1
        }
        picture.removeAll(keepingCapacity: true)
        for l in active {
            let u = lives[l].latest
            let age = t - u.time
            guard u.stage != .tentative, age <= staleness else { continue }
            let altitude = u.flightLevel != nil ? u.altitude.map { $0 + u.verticalRate * age } : nil
            picture.append(Entry(life: l, x: lives[l].x + u.vx * age, y: lives[l].y + u.vy * age, altitude: altitude))
        }
    }

    private mutating func apply(_ u: SystemTrack) {
        let p = plane.point(from: GeodeticPosition(latitude: u.latitude, longitude: u.longitude))
        // A non-finite position or velocity would poison every distance of the instant.
        guard p.x.isFinite, p.y.isFinite, u.vx.isFinite, u.vy.isFinite else { return }
        let number = Int(u.number)
        var l = lifeOfNumber[number]
        if l < 0 || lives[l].firstTime != u.firstTime {
            if l >= 0 { active.removeAll { $0 == l } }
            l = lives.count
            lives.append(Life(number: u.number, firstTime: u.firstTime, latest: u, x: p.x, y: p.y))
            lifeOfNumber[number] = l
            active.append(l)
        }
        lives[l].latest = u
        lives[l].x = p.x
        lives[l].y = p.y
        if u.ended {
            active.removeAll { $0 == l }
            lifeOfNumber[number] = -1
        }
    }
}
