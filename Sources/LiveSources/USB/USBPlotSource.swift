import CLibUSB
import Glibc
import Recording
import Surveillance
import Synchronization

/// The USB plot extractor as a live source: the ASTERIX data blocks it streams on its bulk IN
/// endpoint, cut whole from the stream and pushed into `ring` with their receive time.
///
/// One thread (started by `start()`) runs libusb's event loop. When the device is lost (a
/// transfer comes back `NO_DEVICE`, or as many transfers fail in a row as there are in the pool)
/// the source cancels every transfer, waits for all of them to come back, closes the device and
/// opens it again by itself, waiting `settings.backOff(attempt:)` between attempts (cut short
/// by a hotplug arrival where libusb has hotplug). Each step is its `state`, logged on stderr and
/// passed to `onStateChange` (on the source's thread; keep it short).
public final class USBPlotSource: Sendable {
    public let settings: USBSourceSettings
    public let ring: FrameRing
    /// The number stamped on its frames (`LiveFrame.source`).
    public let number: Int
    private let onStateChange: @Sendable (SourceState) -> Void
    private let current = Mutex(SourceState.starting)
    private let counterStore = USBCounterStore()
    private let stopRequested = Atomic(false)
    private let deviceArrived = Atomic(false)
    private let thread = Mutex<pthread_t?>(nil)
    /// libusb contexts are thread-safe; this one is created in `init` and ended in `deinit`.
    private nonisolated(unsafe) let context: OpaquePointer

    /// Checks the settings and starts libusb; nothing is opened before `start()`. `number` is
    /// stamped on its frames (`LiveFrame.source`).
    public init(settings: USBSourceSettings, ring: FrameRing, number: Int = 0,
                onStateChange: @escaping @Sendable (SourceState) -> Void = { _ in }) throws(USBSourceError) {
        try settings.validate()
        var context: OpaquePointer?
        let rc = libusb_init(&context)
        guard rc == 0, let context else {
            throw .libusb("USB \(settings.deviceName): starting libusb (is usbfs at /dev/bus/usb?)", rc)
        }
        self.settings = settings
        self.ring = ring
        self.number = number
        self.onStateChange = onStateChange
        self.context = context
    }

    deinit {
        libusb_exit(context)
    }

    public var state: SourceState { current.withLock { $0 } }
    public var counters: USBSourceCounters { counterStore.snapshot }

    /// Starts the event thread, which opens the device (or waits for it). Once only.
    public func start() {
        thread.withLock { thread in
            precondition(thread == nil, "USBPlotSource.start() called twice")
            var id = pthread_t()
            // The thread holds the source until `run` returns.
            let me = Unmanaged.passRetained(self).toOpaque()
            let rc = pthread_create(&id, nil, { me in
                Unmanaged<USBPlotSource>.fromOpaque(me!).takeRetainedValue().run()
                return nil
            }, me)
            precondition(rc == 0, "USBPlotSource: pthread_create failed with \(rc)")
            thread = id
        }
    }

    /// Cancels the transfers, waits for them, closes the device and joins the thread; the state
    /// ends `stopped`. Safe to call more than once, or without `start()`.
    public func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        libusb_interrupt_event_handler(context)
        guard let id = thread.withLock({ t in defer { t = nil }; return t }) else { return }
        pthread_join(id, nil)
    }

    private var stopping: Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

    private func setState(_ new: SourceState) {
        let changed = current.withLock { state in
            defer { state = new }
            return state != new
        }
        guard changed else { return }
        SourceLog.line("USB \(settings.deviceName): \(new)")
        onStateChange(new)
    }

    /// The event thread: connect, stream, and on a loss wait and connect again, until stopped.
    private func run() {
        let hotplug = registerHotplug()
        let receiver = BlockReceiver(settings: settings, ring: ring, source: number, counters: counterStore)
        var attempt = 0
        var everConnected = false
        while !stopping {
            do throws(USBSourceError) {
                let connection = try USBConnection.open(context: context, settings: settings, receiver: receiver, counters: counterStore)
                if everConnected { counterStore.reconnects.add(1, ordering: .relaxed) }
                everConnected = true
                attempt = 0
                setState(.connected)
                guard let reason = connection.stream(context: context, stopRequested: { stopping }) else { break }
                receiver.forgetPartialBlock()
                setState(.lost(reason: reason))
            } catch {
                setState(.lost(reason: error.description))
            }
            if stopping { break }
            attempt += 1
            let delay = settings.backOff(attempt: attempt)
            setState(.reconnecting(attempt: attempt, delay: delay))
            waitForDevice(seconds: delay)
        }
        if let hotplug { libusb_hotplug_deregister_callback(context, hotplug) }
        setState(.stopped)
    }

    /// Handles libusb events (hotplug ones among them) for `seconds`, or until the device
    /// arrives or a stop is requested.
    private func waitForDevice(seconds: Double) {
        let deadline = HostClock.monotonic() + seconds
        deviceArrived.store(false, ordering: .relaxed)
        while !stopping, !deviceArrived.load(ordering: .relaxed) {
            let left = deadline - HostClock.monotonic()
            guard left > 0 else { return }
            var timeout = timeval(tv_sec: 0, tv_usec: Int(min(left, 0.1) * 1e6))
            _ = libusb_handle_events_timeout_completed(context, &timeout, nil)
        }
    }

    /// Asks libusb to say when a device with the VID:PID arrives; nil where it cannot.
    private func registerHotplug() -> libusb_hotplug_callback_handle? {
        guard libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 else { return nil }
        var handle = libusb_hotplug_callback_handle()
        let rc = libusb_hotplug_register_callback(
            context, Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue), 0,
            Int32(settings.vendorID), Int32(settings.productID), LIBUSB_HOTPLUG_MATCH_ANY,
            deviceArrivedCallback, Unmanaged.passUnretained(self).toOpaque(), &handle)
        return rc == 0 ? handle : nil
    }

    fileprivate func noteArrival() {
        deviceArrived.store(true, ordering: .relaxed)
    }
}

/// libusb's hotplug callback (on the event thread): a matching device arrived. Returns 0 to stay registered.
private func deviceArrivedCallback(_ context: OpaquePointer?, _ device: OpaquePointer?, _ event: libusb_hotplug_event,
                                   _ source: UnsafeMutableRawPointer?) -> Int32 {
    if let source { Unmanaged<USBPlotSource>.fromOpaque(source).takeUnretainedValue().noteArrival() }
    return 0
}
