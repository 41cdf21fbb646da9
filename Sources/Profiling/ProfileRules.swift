import Glibc

/// One rule that fired: what it adds to the evidence, what it says, what class it points to.
struct Finding {
    var weight: Double
    var reason: String
    var profile: ProfileClass?
    /// Not reduced for a squawking track (emergency, transponder lost).
    var keepsFullWeight = false
}

/// The rules of `shared/DOMAIN.md` §5 over a track's features, in the order their words are read.
extension ProfileClassifier {
    func findings(_ f: TrackFeatures, dropOut: DropOut?, closedAirport: Zones.Airport?) -> [Finding] {
        let s = settings, w = settings.weights
        var out: [Finding] = []
        let nonCooperative = f.nonCooperative
        if let code = f.emergency {
            out.append(Finding(weight: w.emergency, reason: "squawk \(code.description)", profile: .emergencySquawk, keepsFullWeight: true))
        }
        if let lost = f.transponderLostAt {
            out.append(Finding(weight: w.transponderLost, reason: "transponder off for \(Self.duration(f.time - lost))",
                               profile: .transponderOff, keepsFullWeight: true))
        } else if nonCooperative {
            // Every suspect profile flies without transponder: this names no class of its own
            // (`transponder-off` only when nothing else does).
            out.append(Finding(weight: w.nonCooperative, reason: "PSR-only", profile: nil))
        }
        if let h = f.heightAboveGround {
            let held = f.lowSince.map { f.time - $0 >= s.lowLevelSeconds } ?? false
            if held, h < s.veryLowHeight {
                out.append(Finding(weight: w.veryLow, reason: "\(Self.metres(h)) above ground", profile: .lowLevelBorderApproach))
            } else if held {
                out.append(Finding(weight: w.lowLevel, reason: "\(Self.metres(h)) above ground", profile: .lowLevelBorderApproach))
            }
        }
        let kt = Int((f.cruiseSpeed / 0.514444).rounded())
        let ultralight = f.cruiseSpeed > 0 && f.cruiseSpeed < s.ultralightSpeed && nonCooperative
        if ultralight {
            out.append(Finding(weight: w.ultralight, reason: "\(kt) kt, ultralight speed", profile: .ultralightIncursion))
        } else if s.lightAircraftSpeed.contains(f.cruiseSpeed) {
            out.append(Finding(weight: w.lightAircraftSpeed, reason: "\(kt) kt", profile: nil))
        }
        if let b = f.border {
            let profile: ProfileClass = ultralight ? .ultralightIncursion : .lowLevelBorderApproach
            let approaching = abs(b.signedDistance) <= s.borderApproachDistance && f.closingSpeed > 0
                && f.offBorderNormal <= s.borderApproachHeading && (f.closedIn ?? 0) >= s.closingDistance
                && f.closingShare >= cos(s.borderApproachHeading * Double.pi / 180)
            let crossing = f.lastCrossing.flatMap { f.time - $0.time <= s.crossingMemory ? $0 : nil }
            if let c = crossing {
                let ago = f.time - c.time
                out.append(Finding(weight: w.borderCrossing + (nonCooperative ? w.borderNonCooperative : 0),
                                   reason: "crossed the border \(c.northbound ? "northbound" : "southbound")"
                                       + (ago < 30 ? " now" : " \(Self.duration(ago)) ago"), profile: profile))
            } else if approaching {
                out.append(Finding(weight: w.borderApproach + (nonCooperative ? w.borderNonCooperative : 0),
                                   reason: "\(Self.kilometres(abs(b.signedDistance))) \(b.signedDistance > 0 ? "north" : "south") of the border heading \(Self.compass(f.heading))",
                                   profile: profile))
            }
        }
        let nearBorder = f.border.map { abs($0.signedDistance) <= s.loiterBorderDistance } ?? true
        // Circling where it was first seen is a field pattern; a drop orbit comes at the end of a transit.
        let arrived = f.origin.flatMap { o in f.windowCentre.map { Zones.distance(o, $0) > s.loiterRadius } } ?? false
        if f.windowCompact, abs(f.windowTurn) >= s.loiterTurn, nearBorder, arrived {
            let profile: ProfileClass = ultralight ? .ultralightIncursion : .loiterDrop
            out.append(Finding(weight: w.loiter, reason: "circling: \(Int(abs(f.windowTurn).rounded()))° in \(Self.duration(s.loiterWindow))",
                               profile: profile))
        }
        let lowForVertical = f.heightAboveGround.map { $0 < s.lowLevelHeight } ?? false
        if f.headingChange > s.erraticHeadingChange {
            out.append(Finding(weight: w.erratic, reason: "turned \(Int(f.headingChange.rounded()))° in a scan", profile: nil))
        } else if f.speedChange > s.erraticSpeedChange {
            out.append(Finding(weight: w.erratic, reason: "speed changed \(Int((f.speedChange * 100).rounded())) % in \(Self.duration(s.erraticSpeedWindow))", profile: nil))
        } else if lowForVertical, abs(f.verticalRate) > s.erraticVerticalRate {
            out.append(Finding(weight: w.erratic, reason: "\(f.verticalRate > 0 ? "climbing" : "descending") \(Int((abs(f.verticalRate) * 196.85).rounded())) ft/min low",
                               profile: nil))
        }
        if let d = f.skippedFrom?.dropOut, let strip = d.strip, strip == f.bornAtStrip {
            // Lost heading for a strip, a track born there later: it landed and took off again.
            out.append(Finding(weight: w.stoneSkip,
                               reason: "took off from \(strip), where track \(d.number) was lost \(Self.duration(f.firstTime - d.time)) before",
                               profile: .clandestineLanding))
        } else if let (d, distance) = f.skippedFrom {
            out.append(Finding(weight: w.stoneSkip,
                               reason: "appeared \(Self.kilometres(distance)) from where track \(d.number) was lost \(Self.duration(f.firstTime - d.time)) before",
                               profile: .stoneSkip))
        } else if let strip = f.bornAtStrip {
            // A fresh take-off from a clandestine strip, its landing unseen: what a stone-skip looks like.
            out.append(Finding(weight: w.popUp + w.atStrip, reason: "appeared near \(strip)", profile: .stoneSkip))
        } else if f.poppedUp {
            out.append(Finding(weight: w.popUp, reason: "appeared low away from airports", profile: nil))
        }
        if let d = dropOut {
            let height = d.heightAboveGround.map { " at \(Self.metres($0)) above ground" } ?? ""
            let known = d.heightAboveGround != nil || d.strip != nil
            out.append(Finding(weight: (known ? w.dropOut : w.dropOutUnknownHeight) + (d.strip == nil ? 0 : w.atStrip),
                               reason: "lost\(height) away from airports" + (d.strip.map { " near \($0)" } ?? ""),
                               profile: .clandestineLanding))
        }
        if let area = f.restrictedArea {
            out.append(Finding(weight: w.restrictedZone, reason: "inside \(area)", profile: .restrictedZone))
        }
        if let a = closedAirport, let hours = a.hours {
            out.append(Finding(weight: w.closedAirport, reason: "landed at \(a.icao) outside its hours (\(hours))", profile: .clandestineLanding))
        }
        return out
    }

    static func metres(_ m: Double) -> String { "\(Int((m / 10).rounded()) * 10) m" }

    static func kilometres(_ m: Double) -> String { m < 1_000 ? "\(Int(m.rounded())) m" : "\(Int((m / 1_000).rounded())) km" }

    static func duration(_ s: Double) -> String { s < 90 ? "\(Int(s.rounded())) s" : "\(Int((s / 60).rounded())) min" }

    static func compass(_ heading: Double) -> String {
        let names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        return names[Int((TrackFeatures.normalised(heading) / 45).rounded()) % 8]
    }
}
