/// What each key does. Keys that only change the view change the `ViewState`; the others become
/// a `DisplayRequest` for the host. The help overlay and the README list the same keys.
extension ViewState {
    /// Applies a key; returns what the host must do, if anything.
    public mutating func press(_ key: Key, in picture: Picture) -> DisplayRequest? {
        if help, key != .character("q") {
            // Any other key closes the overlay and does nothing else: the overlay is no place to act blind.
            help = false
            return nil
        }
        switch key {
        case .character("q"): return .quit
        case .character("?"): help = true
        case .tab, .character("j"): select(step: 1, in: picture)
        case .backTab, .character("k"): select(step: -1, in: picture)
        case .character("f"):
            follow.toggle()
            if follow, let t = selectedTrack(in: picture) { centre = t.position }
        case .character("c"):
            if let t = selectedTrack(in: picture) { centre = t.position }
        case .character("0"):
            centre = nil
            follow = false
        case .character("+"), .character("="): zoom(by: 1 / Self.zoomFactor)
        case .character("-"), .character("_"): zoom(by: Self.zoomFactor)
        case .up: pan(east: 0, north: 16, in: picture)
        case .down: pan(east: 0, north: -16, in: picture)
        case .left: pan(east: -16, north: 0, in: picture)
        case .right: pan(east: 16, north: 0, in: picture)
        case .character("s"):
            alertsFirst.toggle()
        case .character("a"):
            return acknowledgement(in: picture).map { .acknowledge(alertID: $0.id) }
        case .character(" "):
            return picture.replay == nil ? nil : .pauseOrResume
        case .character("n"):
            return picture.replay == nil ? nil : .step
        case .character(">"):
            return picture.replay == nil ? nil : .faster
        case .character("<"):
            return picture.replay == nil ? nil : .slower
        default: break
        }
        return nil
    }

    /// The alert `a` acknowledges: the selected track's active unacknowledged alert, else the
    /// newest unacknowledged active one.
    public func acknowledgement(in picture: Picture) -> DisplayAlert? {
        let open = picture.alerts.filter { $0.isActive && !$0.acknowledged }
        if let s = selected, let mine = open.first(where: { $0.track == s }) { return mine }
        return open.first
    }

    public func selectedTrack(in picture: Picture) -> DisplayTrack? {
        selected.flatMap { picture.tracks[$0]?.track }
    }

    private mutating func select(step: Int, in picture: Picture) {
        let order = TrackTable.order(picture, alertsFirst: alertsFirst).map(\.track.number)
        guard !order.isEmpty else { return }
        guard let s = selected, let i = order.firstIndex(of: s) else {
            selected = step > 0 ? order.first : order.last
            return
        }
        selected = order[min(order.count - 1, max(0, i + step))]
        if follow, let t = selectedTrack(in: picture) { centre = t.position }
    }

    private mutating func zoom(by factor: Double) {
        metresPerDot = min(Self.zoomLimits.upperBound, max(Self.zoomLimits.lowerBound, scale * factor))
    }

    /// Moves the view by a number of dots; panning ends following.
    private mutating func pan(east: Double, north: Double, in picture: Picture) {
        follow = false
        let from = centre ?? picture.map.centre
        let p = Projection(centre: from, metresPerDot: scale, originX: 0, originY: 0)
        centre = p.point(east: east * scale, north: north * scale)
    }
}

extension DisplayTrack {
    var position: DisplayMap.Point { DisplayMap.Point(latitude: latitude, longitude: longitude) }
}
