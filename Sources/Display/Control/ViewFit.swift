extension ViewState {
    /// The scale at which the plan view first shows where the watch is, around the map's centre,
    /// in a plan pane of `width`×`height` cells: the radar sites and the known strips (the
    /// airports and the border of a zones file can reach across a whole state), or, without
    /// either, everything the map has. The closest step of the zoom ladder (250 m a dot × 2ⁿ, what
    /// `+` and `-` step through) at which every such point is in the pane; nil when the map has
    /// nothing to show yet.
    public static func fittingScale(_ map: DisplayMap, width: Int, height: Int) -> Double? {
        var points = map.places.filter { $0.kind != .airport }.map(\.position)
        if points.isEmpty { points = Array(map.border.joined()) + map.places.map(\.position) + Array(map.coverageFloor.joined()) }
        guard !points.isEmpty, width > 0, height > 0 else { return nil }
        let projection = Projection(centre: map.centre, metresPerDot: 1, originX: 0, originY: 0)
        var east = 0.0, north = 0.0
        for p in points {
            let m = projection.metres(p.latitude, p.longitude)
            east = max(east, abs(m.east))
            north = max(north, abs(m.north))
        }
        // From the centre the pane reaches `width` dots east and west, `2 height` north and south.
        let needed = max(east / Double(width), north / Double(2 * height))
        var scale = 250.0
        while scale < needed, scale * zoomFactor <= zoomLimits.upperBound { scale *= zoomFactor }
        while scale / zoomFactor >= needed, scale / zoomFactor >= zoomLimits.lowerBound { scale /= zoomFactor }
        return scale
    }
}
