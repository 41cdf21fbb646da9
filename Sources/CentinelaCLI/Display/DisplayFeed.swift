import Display
import Geodesy
import Profiling
import Surveillance
import Tracking

/// What `replay --display` and `run --display` give the display: each frame's track updates as
/// the display shows them (height above ground from the profile context, distance to the border
/// as the classifier found it, the score of the track's active alert), the alert changes, and the
/// map, redrawn when a radar makes itself known.
final class DisplayFeed {
    let hub = DisplayHub()
    private let context: ProfileContext?
    private var radarsDrawn = -1
    private var batch: [DisplayTrack] = []

    init(context: ProfileContext?) {
        self.context = context
    }

    /// One frame's updates and alert changes; `borders`, the updates' signed distances to the
    /// border in the same order (`AlertPipeline.borders`; empty without alerts); `radars`, the
    /// tracker's known radars.
    func post(_ updates: [SystemTrack], alerts: [Alert], borders: [Double?], radars: [SensorSettings],
              active: (UInt16) -> Alert?) {
        if radars.count != radarsDrawn {
            radarsDrawn = radars.count
            hub.post(map: DisplayMapBuilder.map(zones: context?.zones, radars: radars, ground: context?.ground))
        }
        batch.removeAll(keepingCapacity: true)
        for (i, u) in updates.enumerated() {
            let height = context?.heightAboveGround(latitude: u.latitude, longitude: u.longitude, altitude: u.altitude)
            let border = i < borders.count ? borders[i] : nil
            batch.append(DisplayTrack(u, heightAboveGround: height, borderDistance: border, score: active(u.number)?.score))
        }
        hub.post(tracks: batch, alerts: alerts.map(DisplayAlert.init))
    }
}
