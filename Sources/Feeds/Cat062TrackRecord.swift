import Asterix

extension Cat062Record {
    /// The CAT062 record of one system track update, every item from `track` except 010 and 015
    /// (from `settings`). A value outside what its item can carry (a position off the plane's
    /// 24-bit range, a flight level above 1,500, a σ beyond 32 km, a NaN) leaves its item out.
    ///
    /// Items: 010, 015, 040, 060, 070, 080, 100, 105, 130, 136, 185, 200, 220, 290 (track age,
    /// while under 63.75 s), 380 (ADR, ID), 500 (APC, COV). Not 245: the specification reserves
    /// it, the callsign travels in 380 ID.
    public init(track: SystemTrack, settings: Cat062TrackSettings) {
        self.init()
        sensor = settings.sensor
        serviceID = settings.serviceID
        trackNumber = track.number
        timeOfTrack = Self.timeOfDay(utc: track.time)
        status = Self.status(of: track)

        // 105: the definition limits latitude to ±90° and longitude to [−180°, 180°).
        let deg = WGS84Position.lsbDegrees
        if let lat = lsbCount(track.latitude, lsb: deg, range: -(1 << 24)...(1 << 24)),
           let lon = lsbCount(track.longitude, lsb: deg, range: -(1 << 25)...((1 << 25) - 1)) {
            wgs84 = WGS84Position(latitudeRaw: Int32(lat), longitudeRaw: Int32(lon))
        }
        // 100: 24-bit two's complement, 0.5 m (±4,194 km).
        let xy = -(1 << 23)...((1 << 23) - 1)
        if let x = lsbCount(track.x, lsb: CartesianPosition.lsbMetres, range: xy),
           let y = lsbCount(track.y, lsb: CartesianPosition.lsbMetres, range: xy) {
            cartesian = CartesianPosition(xRaw: Int32(x), yRaw: Int32(y))
        }
        // 185: 16-bit two's complement, 0.25 m/s.
        let v = Int(Int16.min)...Int(Int16.max)
        if let vx = lsbCount(track.vx, lsb: Velocity.lsbMetresPerSecond, range: v),
           let vy = lsbCount(track.vy, lsb: Velocity.lsbMetresPerSecond, range: v) {
            velocity = Velocity(vxRaw: Int16(vx), vyRaw: Int16(vy))
        }
        // 136: the definition allows −15 … 1,500 FL in quarters.
        if let fl = track.flightLevel, let q = lsbCount(fl, lsb: 0.25, range: -60...6_000) {
            measuredFlightLevelRaw = Int16(q)
        }
        // 130 and 220 only when an altitude was measured: before that the vertical channel holds
        // nothing (its rate is a placeholder 0).
        if let altitude = track.altitude {
            // −1,500 … 150,000 ft in 6.25 ft.
            if let q = lsbCount(altitude / Self.metresPerFoot, lsb: 6.25, range: -240...24_000) {
                geometricAltitudeRaw = Int16(q)
            }
            if let q = lsbCount(track.verticalRate / Self.metresPerFoot * 60, lsb: 6.25, range: v) {
                rateOfClimbRaw = Int16(q)
            }
        }
        if let code = track.mode3A {
            // V and G mean the same in CAT048 and CAT062; CAT048's L bit sits where CAT062 has
            // CH (code changed), so it is not carried over.
            mode3A = Mode3A(item: code.item & 0xC000 | code.code)
        }
        if track.address != nil || track.callsign != nil {
            aircraftDerived = AircraftDerivedData(address: track.address, identification: track.callsign)
        }
        modeOfMovement = Self.modeOfMovement(of: track, levelRate: settings.levelRate)
        accuracy = Self.accuracy(of: track.covariance)
        // 290 TRK: the definition stops at 63.75 s; an older track's age is not sent as a wrong one.
        if let age = lsbCount(track.time - track.firstTime, lsb: SystemTrackUpdateAges.lsbSeconds, range: 0...255) {
            var ages = SystemTrackUpdateAges()
            ages.trk = UInt8(age)
            updateAges = ages
        }
        // Issue 5 marks suspect tracks here (080 or a service-specific item), from the classifier's
        // verdict; SystemTrack does not carry one yet.
    }

    static let metresPerFoot = 0.3048

    /// I062/070 of a UTC time (seconds since 1970): the time of day, 1/128 s, 0 at midnight.
    static func timeOfDay(utc: Double) -> TimeOfDay? {
        guard utc.isFinite else { return nil }
        let seconds = utc - (utc / 86_400).rounded(.down) * 86_400
        let ticks = UInt32((seconds * 128).rounded(.toNearestOrAwayFromZero))
        // 23:59:59.998 rounds up to the next midnight, which is 0.
        return TimeOfDay(ticks: ticks % TimeOfDay.ticksPerDay)
    }

    /// I062/080: life stage (CNF, CST, TSB, TSE) and which kinds of plot keep the track fresh.
    static func status(of track: SystemTrack) -> TrackStatus {
        var s = TrackStatus()
        s.tentative = track.stage == .tentative
        s.coasting = track.stage == .coasting
        s.firstMessage = track.updates <= 1
        s.lastMessage = track.ended
        // MON stays 0 (multisensor): the tracker fuses every radar that sees the aircraft, and a
        // SystemTrack does not say how many did.
        switch track.source {
        case .psrOnly:
            // No transponder reply lately: SSR and Mode S ages expired, data non-cooperative only.
            s.ssrAgeExpired = true
            s.modeSAgeExpired = true
            s.surveillanceDataSource = 2
            // A PSR-only track's height can only come from a 3-D radar.
            if track.altitude != nil { s.altitudeSource = 2 }
        case .ssr:
            s.modeSAgeExpired = true
        case .modeS:
            break
        }
        switch track.mode3A?.code {
        case 0o7500: s.emergencyStatus = 5  // unlawful interference
        case 0o7600: s.emergencyStatus = 4  // no communications
        case 0o7700: s.emergencyStatus = 1  // general emergency
        default: break
        }
        return s
    }

    /// I062/200: turning while the filter's turn models dominate (direction not known to it);
    /// speed trend not estimated; climb, descent or level from the vertical rate once an altitude
    /// is known.
    static func modeOfMovement(of track: SystemTrack, levelRate: Double) -> ModeOfMovement {
        let vertical: ModeOfMovement.Vertical
        if track.altitude == nil || !track.verticalRate.isFinite {
            vertical = .undetermined
        } else if track.verticalRate > levelRate {
            vertical = .climb
        } else if track.verticalRate < -levelRate {
            vertical = .descent
        } else {
            vertical = .level
        }
        return ModeOfMovement(turn: track.manoeuvring ? .undetermined : .constantCourse,
                              speed: .undetermined, vertical: vertical)
    }

    /// I062/500 APC (σx, σy) and COV (sign·√|σxy|), 0.5 m, from the plane covariance; nil when
    /// the σs do not fit their 16 bits (over 32 km: such a track says nothing useful anyway).
    static func accuracy(of c: Covariance2) -> Accuracy? {
        guard c.xx >= 0, c.yy >= 0,
              let sx = lsbCount(c.sigmaX, lsb: 0.5, range: 0...65_535),
              let sy = lsbCount(c.sigmaY, lsb: 0.5, range: 0...65_535) else { return nil }
        var a = Accuracy()
        a.apc = Accuracy.Pair16(x: UInt16(sx), y: UInt16(sy))
        let root = c.xy < 0 ? -(-c.xy).squareRoot() : c.xy.squareRoot()
        if let q = lsbCount(root, lsb: 0.5, range: Int(Int16.min)...Int(Int16.max)) { a.cov = Int16(q) }
        return a
    }
}
