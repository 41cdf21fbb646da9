import Surveillance

/// Where the height used to place a plot came from. A plot placed with an assumed height has a
/// ground position that can be off by hundreds of metres near the radar: consumers should know.
public enum HeightSource: UInt8, Sendable, Equatable {
    /// Measured by a 3-D radar (coarse: ARSR-4 class about ±900 m).
    case measured
    /// Reported by the transponder (Mode C / Mode S pressure altitude).
    case reported
    /// A configured altitude for 2-D primary plots, which carry no height.
    case assumed
}

/// The target height a slant-range plot is placed with.
public enum TargetHeight: Sendable, Equatable {
    /// From a 3-D radar, metres above the ellipsoid.
    case measured(Double)
    /// Pressure altitude from Mode C / Mode S, flight levels (hundreds of feet at 1013.25 hPa),
    /// converted with `StandardAtmosphere.geometricHeight(flightLevel:)`.
    case reported(flightLevel: Double)
    /// A configured height for 2-D PSR plots, metres above the ellipsoid.
    case assumed(Double)

    public var source: HeightSource {
        switch self {
        case .measured: .measured
        case .reported: .reported
        case .assumed: .assumed
        }
    }

    /// Metres above the ellipsoid.
    public var metres: Double {
        switch self {
        case .measured(let h), .assumed(let h): h
        case .reported(let fl): StandardAtmosphere.geometricHeight(flightLevel: fl)
        }
    }

    /// The best height a plot carries: the transponder's pressure altitude (25–100 ft steps)
    /// before a 3-D radar's measurement (about ±3000 ft for long-range radars, DOMAIN.md §2),
    /// and `assumedHeight` (metres above the ellipsoid) when it has neither. A non-finite value
    /// in the plot is passed over, and the result says which source was used.
    public init(_ plot: Plot, assumedHeight: Double) {
        if let fl = plot.flightLevel, fl.isFinite {
            self = .reported(flightLevel: fl)
        } else if let ft = plot.measuredHeight, ft.isFinite {
            self = .measured(ft * Units.metresPerFoot)
        } else {
            self = .assumed(assumedHeight)
        }
    }
}

/// Pressure altitude ↔ geometric height in the ICAO standard atmosphere.
///
/// An approximation, knowingly: a flight level is a pressure surface, and in the standard
/// atmosphere pressure altitude equals geopotential height, which is converted to geometric
/// height with r₀ = 6 356 766 m. It does not know the day's sea-level pressure (about 8 m per
/// hPa away from 1013.25) or temperature (about 4 % of the height per 10 °C away from ISA), nor
/// the geoid (mean sea level is 20–35 m below the WGS-84 ellipsoid along the border): the result
/// is treated as height above the ellipsoid, good to a few hundred feet, which is what a
/// 4/3-earth slant-range correction needs.
public enum StandardAtmosphere {
    /// Earth radius of the geopotential definition (ICAO Doc 7488, US Standard Atmosphere 1976).
    public static let geopotentialRadius = 6_356_766.0

    /// Metres above the ellipsoid (see the caveats above) for a flight level.
    public static func geometricHeight(flightLevel: Double) -> Double {
        let geopotential = flightLevel * 100 * Units.metresPerFoot
        return geopotentialRadius * geopotential / (geopotentialRadius - geopotential)
    }

    /// The inverse, for the simulator: the flight level a transponder at this height reports
    /// in a standard atmosphere (unquantized).
    public static func flightLevel(geometricHeight h: Double) -> Double {
        geopotentialRadius * h / (geopotentialRadius + h) / Units.metresPerFoot / 100
    }
}
