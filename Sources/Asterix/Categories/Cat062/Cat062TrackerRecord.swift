import Surveillance

extension Cat062Record {
    /// A track message as the tracker sends it, from physical values: each is rounded to the
    /// nearest LSB of its item (and clamped to the item's range).
    ///
    /// - Parameters:
    ///   - sensor: I062/010, the SDPS's SAC/SIC.
    ///   - trackNumber: I062/040.
    ///   - time: I062/070, time of the track state.
    ///   - latitudeDegrees, longitudeDegrees: I062/105 (LSB 180/2²⁵ °).
    ///   - xyMetres: I062/100, position in the system plane (LSB 0.5 m).
    ///   - velocityMetresPerSecond: I062/185, east and north components (LSB 0.25 m/s).
    ///   - flightLevel: I062/136 measured flight level (LSB 1/4 FL).
    ///   - mode3A: I062/060.
    ///   - address, callsign: I062/380 ADR and ID (not 245, which the specification reserves).
    ///   - status: I062/080.
    ///   - serviceID: I062/015.
    public init(
        sensor: SensorID,
        trackNumber: UInt16,
        time: TimeOfDay,
        latitudeDegrees: Double,
        longitudeDegrees: Double,
        xyMetres: (x: Double, y: Double)? = nil,
        velocityMetresPerSecond: (vx: Double, vy: Double)? = nil,
        flightLevel: Double? = nil,
        mode3A: Mode3A? = nil,
        address: ModeSAddress? = nil,
        callsign: Callsign? = nil,
        status: TrackStatus = TrackStatus(),
        serviceID: UInt8? = nil
    ) {
        self.init()
        self.sensor = sensor
        self.serviceID = serviceID
        self.trackNumber = trackNumber
        self.timeOfTrack = TimeOfDay(ticks: time.ticks & 0xFF_FFFF)
        self.wgs84 = WGS84Position(latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees)
        if let xyMetres {
            cartesian = CartesianPosition(xMetres: xyMetres.x, yMetres: xyMetres.y)
        }
        if let velocityMetresPerSecond {
            velocity = Velocity(vxMetresPerSecond: velocityMetresPerSecond.vx, vyMetresPerSecond: velocityMetresPerSecond.vy)
        }
        if let flightLevel {
            measuredFlightLevelRaw = Int16(quantize(flightLevel, lsb: 0.25, bits: 16))
        }
        self.mode3A = mode3A
        if address != nil || callsign != nil {
            aircraftDerived = AircraftDerivedData(address: address, identification: callsign)
        }
        self.status = status
    }
}
