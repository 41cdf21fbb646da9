extension Plot {
    /// The plot a CAT048 target report describes, or nil when it lacks what a plot needs
    /// (source, time, polar position). Track-only reports (TYP 0) are not plots.
    public init?(_ r: Cat048Record) {
        guard let sensor = r.sensor, let time = r.timeOfDay, let polar = r.polar,
              let descriptor = r.descriptor, descriptor.detection != .none else { return nil }
        self.init(
            sensor: sensor, time: time, detection: descriptor.detection,
            range: polar.rangeNM * Units.metresPerNauticalMile, azimuth: polar.azimuthDegrees,
            mode3A: r.mode3A, flightLevel: r.flightLevel?.flightLevel, measuredHeight: r.height3DFeet,
            address: r.address, callsign: r.callsign, radarTrack: r.trackNumber, spi: descriptor.spi)
    }
}
