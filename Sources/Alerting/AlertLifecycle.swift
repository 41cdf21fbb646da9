import Surveillance

/// Turns the classifier's verdict on each track update into alert state changes: raised when the
/// score holds at or above `raiseScore` for `raiseUpdates` updates, updated on a material change
/// (class, reasons, score by more than `scoreChange`) at most every `minUpdateInterval` seconds
/// and refreshed every `refreshInterval`, cleared when the score falls below `clearScore` or the
/// track ends, acknowledged by an operator.
///
/// Plain synchronous state over data time: the same updates in the same order give the same
/// alerts. The table holds only tracks with an active alert or a raise in progress, keyed by
/// track number, so it is bounded by the track numbers (65,535) and is usually a handful.
public struct AlertLifecycle: Sendable {
    public let settings: AlertSettings

    private struct Slot: Sendable {
        /// `firstTime` of the track this slot follows: a different one means the number was reused.
        var firstTime = Double.nan
        /// Consecutive updates at or above the raise score while no alert is active.
        var streak = 0
        /// The last state sent for the active alert, nil while none is active.
        var active: Alert?
    }

    private var slots: [UInt16: Slot] = [:]

    /// nil when the settings cannot work (`settings.problem` says why).
    public init?(settings: AlertSettings = AlertSettings()) {
        guard settings.problem == nil else { return nil }
        self.settings = settings
    }

    /// Active alerts (raised and not cleared), by track number: their last sent state.
    public var active: [Alert] { slots.keys.sorted().compactMap { slots[$0]?.active } }
    /// How many alerts are active, without building them (heartbeats say it every few seconds).
    public var activeCount: Int { slots.values.count { $0.active != nil } }
    /// The active alert of track number `track`, as last sent (the CAT062 feed marks its track).
    public func active(track: UInt16) -> Alert? { slots[track]?.active }

    /// Feeds the classifier's verdict on one track update; appends the state changes it causes
    /// (usually none, at most two: the clear of a reused number's old alert, then a raise).
    public mutating func update(_ track: SystemTrack, score: Double, classification: String, reasons: [String],
                                into out: inout [Alert]) {
        let n = track.number
        var slot = slots[n] ?? Slot(firstTime: track.firstTime)
        defer {
            // Only tracks with something in progress are kept.
            slots[n] = slot.active == nil && slot.streak == 0 ? nil : slot
        }
        if !(slot.firstTime == track.firstTime) {
            // A new track under this number: the old one ended without our seeing its last update.
            if var old = slot.active {
                old.state = .cleared
                old.time = track.time
                old.track.ended = true
                out.append(old)
            }
            slot = Slot(firstTime: track.firstTime)
        }

        if let last = slot.active {
            if track.ended || score < settings.clearScore {
                out.append(alert(last, .cleared, track, score, classification, reasons))
                slot.active = nil
                slot.streak = 0
                return
            }
            let material = classification != last.classification || reasons != last.reasons
                || abs(score - last.score) > settings.scoreChange
            let since = track.time - last.time
            if (material && since >= settings.minUpdateInterval) || since >= settings.refreshInterval {
                let next = alert(last, .updated, track, score, classification, reasons)
                out.append(next)
                slot.active = next
            }
            return
        }

        guard score >= settings.raiseScore else {
            slot.streak = 0
            return
        }
        slot.streak += 1
        // A track's last update carries evidence no later update can confirm (lost heading into
        // a strip, a drop-out low near the border): it raises at once, and the alert is cleared
        // with the track, both sent, so no consumer misses it.
        guard slot.streak >= settings.raiseUpdates || track.ended else { return }
        let raised = Alert(id: Alert.id(track: track.number, raisedTime: track.time), state: .raised,
                           time: track.time, raisedTime: track.time, classification: classification,
                           score: score, reasons: reasons, acknowledged: false, track: track)
        out.append(raised)
        if track.ended {
            out.append(alert(raised, .cleared, track, score, classification, reasons))
            slot.streak = 0
            return
        }
        slot.active = raised
    }

    /// An operator acknowledged alert `id` at `time`: UTC seconds since 1970 on the data's clock
    /// (the core reads no clock; the shell maps the operator's moment onto data time, which the
    /// rate limit and refresh of later updates count from). Returns the `acknowledged` state to send, or nil when no active
    /// alert has that id (cleared meanwhile, never existed) or it was already acknowledged.
    public mutating func acknowledge(id: String, at time: Double) -> Alert? {
        guard let n = slots.first(where: { $0.value.active?.id == id })?.key, var a = slots[n]?.active,
              !a.acknowledged else { return nil }
        a.state = .acknowledged
        a.time = time
        a.acknowledged = true
        slots[n]?.active = a
        return a
    }

    /// The next state of the active alert `last`, with this update's verdict.
    private func alert(_ last: Alert, _ state: Alert.State, _ track: SystemTrack, _ score: Double,
                       _ classification: String, _ reasons: [String]) -> Alert {
        var a = last
        a.state = state
        a.time = track.time
        a.score = score
        a.classification = classification
        a.reasons = reasons
        a.track = track
        return a
    }
}
