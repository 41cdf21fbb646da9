import CLibUSB

/// One opened device streaming into a pool of bulk IN transfers, as librtlsdr and dump1090 do:
/// every transfer submitted at once and resubmitted from its completion callback, so the device
/// always has a buffer to fill. Used only on the source's event thread: libusb calls
/// `completed` from inside `libusb_handle_events_timeout_completed` on that thread.
final class USBConnection {
    private let handle: OpaquePointer
    private let settings: USBSourceSettings
    private let receiver: BlockReceiver
    private let counters: USBCounterStore
    private var transfers: [UnsafeMutablePointer<libusb_transfer>] = []
    private var inFlight = 0
    private var consecutiveErrors = 0
    /// Set once the transfers are being cancelled: nothing is resubmitted after that.
    private var closing = false
    /// Why the device is considered lost, once it is.
    private(set) var lostReason: String?

    private init(handle: OpaquePointer, settings: USBSourceSettings, receiver: BlockReceiver, counters: USBCounterStore) {
        self.handle = handle
        self.settings = settings
        self.receiver = receiver
        self.counters = counters
    }

    /// Finds the device, opens it, claims its interface and submits the pool. A pool that cannot
    /// be submitted whole leaves the connection lost, to be closed by `stream`.
    static func open(context: OpaquePointer, settings: USBSourceSettings, receiver: BlockReceiver,
                     counters: USBCounterStore) throws(USBSourceError) -> USBConnection {
        let handle = try openDevice(context: context, settings: settings)
        let claimed = libusb_claim_interface(handle, settings.interface)
        guard claimed == 0 else {
            libusb_close(handle)
            throw .libusb("claiming interface \(settings.interface)", claimed)
        }
        let connection = USBConnection(handle: handle, settings: settings, receiver: receiver, counters: counters)
        connection.submitPool()
        return connection
    }

    /// Handles events until the device is lost or `stopRequested` says so; then cancels every
    /// transfer, waits for each to come back, and closes. Returns why it was lost, nil on a stop.
    func stream(context: OpaquePointer, stopRequested: () -> Bool) -> String? {
        while lostReason == nil, !stopRequested() {
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            let rc = libusb_handle_events_timeout_completed(context, &timeout, nil)
            if rc != 0, rc != Int32(LIBUSB_ERROR_INTERRUPTED.rawValue) {
                lose(USBSourceError.libusb("handling events", rc).description)
            }
        }
        close(context: context)
        return lostReason
    }

    /// libusb's transfer callback, on the event thread. Never blocks: the bytes go to the ring
    /// through the receiver, and the transfer goes straight back to the device.
    fileprivate func completed(_ transfer: UnsafeMutablePointer<libusb_transfer>) {
        inFlight -= 1
        let status = transfer.pointee.status
        let length = Int(transfer.pointee.actual_length)
        // Bytes that arrived are used whatever the status (a cancelled transfer may carry some).
        if length > 0 {
            receiver.receive(UnsafeRawBufferPointer(start: transfer.pointee.buffer, count: length))
        }
        switch status {
        case LIBUSB_TRANSFER_COMPLETED:
            counters.transfers.add(1, ordering: .relaxed)
            consecutiveErrors = 0
        case LIBUSB_TRANSFER_CANCELLED:
            return
        case LIBUSB_TRANSFER_NO_DEVICE:
            counters.errors.add(1, ordering: .relaxed)
            lose("the device was unplugged (a transfer came back with NO_DEVICE)")
            return
        default:
            counters.errors.add(1, ordering: .relaxed)
            consecutiveErrors += 1
            if consecutiveErrors >= transfers.count {
                lose("\(consecutiveErrors) transfers failed in a row, the last with \(Self.name(of: status))")
                return
            }
        }
        guard !closing, lostReason == nil else { return }
        submit(transfer)
    }

    private func submitPool() {
        for _ in 0..<settings.transferCount {
            guard let transfer = libusb_alloc_transfer(0) else {
                lose("libusb could not allocate a transfer")
                return
            }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: settings.transferSize)
            libusb_fill_bulk_transfer(transfer, handle, settings.endpoint, buffer, Int32(settings.transferSize),
                                      transferCompleted, Unmanaged.passUnretained(self).toOpaque(), 0)
            transfers.append(transfer)
            submit(transfer)
            if lostReason != nil { return }
        }
    }

    private func submit(_ transfer: UnsafeMutablePointer<libusb_transfer>) {
        let rc = libusb_submit_transfer(transfer)
        if rc == 0 {
            inFlight += 1
        } else {
            counters.errors.add(1, ordering: .relaxed)
            lose(USBSourceError.libusb("submitting a transfer", rc).description)
        }
    }

    private func lose(_ reason: String) {
        if lostReason == nil { lostReason = reason }
    }

    /// Cancels what is in flight and handles events until every transfer is back (libusb still
    /// owns a transfer in flight, so it cannot be freed before). A transfer that does not come
    /// back within `drainLimit` seconds is left allocated rather than freed under libusb.
    private func close(context: OpaquePointer) {
        closing = true
        // Cancelling a transfer that is not in flight returns NOT_FOUND and does nothing.
        for transfer in transfers { _ = libusb_cancel_transfer(transfer) }
        var rounds = 0
        while inFlight > 0, rounds < Self.drainLimit * 10 {
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            _ = libusb_handle_events_timeout_completed(context, &timeout, nil)
            rounds += 1
        }
        if inFlight == 0 {
            for transfer in transfers {
                transfer.pointee.buffer.deallocate()
                libusb_free_transfer(transfer)
            }
        } else {
            // Their callbacks may still come: this connection must outlive them, so it is leaked too.
            _ = Unmanaged.passRetained(self)
        }
        transfers.removeAll()
        _ = libusb_release_interface(handle, settings.interface)
        libusb_close(handle)
    }

    static let drainLimit = 5

    private static func name(of status: libusb_transfer_status) -> String {
        switch status {
        case LIBUSB_TRANSFER_ERROR: "ERROR"
        case LIBUSB_TRANSFER_TIMED_OUT: "TIMED_OUT"
        case LIBUSB_TRANSFER_STALL: "STALL"
        case LIBUSB_TRANSFER_OVERFLOW: "OVERFLOW (the transfer size is not a multiple of the packet size)"
        default: "status \(status.rawValue)"
        }
    }

    /// The first device with the settings' VID:PID (and serial, when set), opened.
    private static func openDevice(context: OpaquePointer, settings: USBSourceSettings) throws(USBSourceError) -> OpaquePointer {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else { throw .libusb("listing the USB devices", Int32(count)) }
        defer { libusb_free_device_list(list, 1) }
        var lastError: USBSourceError?
        for i in 0..<count {
            guard let device = list[i] else { continue }
            var descriptor = libusb_device_descriptor()
            guard libusb_get_device_descriptor(device, &descriptor) == 0,
                  descriptor.idVendor == settings.vendorID, descriptor.idProduct == settings.productID else { continue }
            let place = "bus \(libusb_get_bus_number(device)) device \(libusb_get_device_address(device))"
            var handle: OpaquePointer?
            let rc = libusb_open(device, &handle)
            guard rc == 0, let handle else {
                lastError = .libusb("opening \(place)", rc)
                continue
            }
            guard let wanted = settings.serial else { return handle }
            let serial = Self.serial(of: handle, index: descriptor.iSerialNumber)
            if case .success(wanted) = serial { return handle }
            libusb_close(handle)
            let found = switch serial {
            case .success(let other): "has serial \"\(other)\""
            case .failure(let error): "gave no serial: \(error)"
            }
            lastError = .noDevice("no device \(settings.deviceName): the one at \(place) \(found)")
        }
        throw lastError ?? .noDevice("no device \(settings.deviceName) on any bus (plugged in? `lsusb -d \(settings.vendorID.hex):\(settings.productID.hex)` lists it)")
    }

    /// The device's serial number (its iSerialNumber string), read with a control transfer.
    private static func serial(of handle: OpaquePointer, index: UInt8) -> Result<String, USBSourceError> {
        guard index != 0 else { return .failure(.noDevice("it has none")) }
        var text = [UInt8](repeating: 0, count: 256)
        let n = libusb_get_string_descriptor_ascii(handle, index, &text, Int32(text.count))
        guard n >= 0 else { return .failure(.libusb("reading string descriptor \(index)", n)) }
        return .success(String(decoding: text[..<Int(n)], as: UTF8.self))
    }
}

/// libusb's completion callback: finds the connection the transfer belongs to.
private func transferCompleted(_ transfer: UnsafeMutablePointer<libusb_transfer>?) {
    guard let transfer, let owner = transfer.pointee.user_data else { return }
    Unmanaged<USBConnection>.fromOpaque(owner).takeUnretainedValue().completed(transfer)
}
