import Surveillance

/// The display loop a host runs on its own thread: draws the picture about four times a second,
/// writing only what changed, and reads keys in between. Keys that change the view redraw at
/// once; the others go to the host as `DisplayRequest`s. Returns after `q` (having passed
/// `.quit` to the host) or when `until` says so, with the terminal restored.
///
///     let display = TerminalDisplay(terminal: try Terminal())
///     display.run(snapshot: { lock.withLock { picture } }, request: { handle($0) }, until: { stopping.load(.relaxed) })
///
/// `snapshot` and `request` are called on the loop's thread. The host keeps SIGINT and SIGTERM:
/// its handler sets what `until` reads (the loop then restores the terminal), or calls
/// `Terminal.restore()` itself if it must leave at once.
public final class TerminalDisplay {
    public static let redrawInterval = 0.25

    private let terminal: Terminal
    public private(set) var view: ViewState
    private var writer: ScreenWriter
    private var keys = KeyDecoder()

    /// By default colour follows `NO_COLOR` in the environment.
    public init(terminal: Terminal, view: ViewState = ViewState(), colour: Bool = ScreenWriter.colourAllowed()) {
        self.terminal = terminal
        self.view = view
        writer = ScreenWriter(colour: colour)
    }

    public func run(snapshot: () -> Picture, request: (DisplayRequest) -> Void, until: () -> Bool) {
        defer { terminal.restore() }
        var picture = snapshot()
        draw(picture)
        var nextDraw = HostClock.monotonic() + Self.redrawInterval
        while !until() {
            let now = HostClock.monotonic()
            if now >= nextDraw {
                picture = snapshot()
                draw(picture)
                nextDraw = now + Self.redrawInterval
            }
            let wait = Int32(max(0, (nextDraw - HostClock.monotonic()) * 1000).rounded(.up))
            let bytes = terminal.read(waiting: keys.hasPending ? min(wait, 50) : wait)
            var pressed = keys.feed(bytes)
            if bytes.isEmpty { pressed += keys.flush() }
            for key in pressed {
                if key == .redraw {
                    writer.invalidate()
                    nextDraw = 0
                    continue
                }
                let before = view
                let asked = view.press(key, in: picture)
                if let asked {
                    request(asked)
                    if asked == .quit { return }
                }
                // Show the change at once: a new view now, the host's answer (PAUSED, a speed,
                // an ACK) as soon as the next snapshot has it.
                if view != before || asked != nil { nextDraw = 0 }
            }
        }
    }

    /// The plan view has been fitted to the map (or the operator zoomed first).
    private var fitted = false

    /// One redraw at the terminal's size now, so a resize shows at the next redraw.
    private func draw(_ picture: Picture) {
        let size = terminal.size() ?? (80, 24)
        // The first map that arrives sets the zoom to show all of it, unless the operator chose one.
        if !fitted, view.metresPerDot != ViewState().metresPerDot {
            fitted = true
        } else if !fitted, let plan = Layout.of(width: size.width, height: size.height)?.plan.content,
                  let scale = ViewState.fittingScale(picture.map, width: plan.width, height: plan.height) {
            view.metresPerDot = scale
            fitted = true
        }
        let screen = DisplayRenderer.render(picture, view: &view, width: size.width, height: size.height)
        terminal.write(writer.update(to: screen))
    }
}
