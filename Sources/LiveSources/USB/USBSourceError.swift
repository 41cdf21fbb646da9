import CLibUSB

/// Why the USB source cannot start or cannot open its device. Open failures do not stop the
/// source: they become its `lost(reason:)` state and it tries again.
public enum USBSourceError: Error, Equatable, CustomStringConvertible {
    /// A setting that cannot work (exit status 2 for a command).
    case badSetting(String)
    /// No device with the VID:PID (and serial) on any bus.
    case noDevice(String)
    /// libusb refused a step: what was being done, on which device, and libusb's error name.
    case libusb(String)

    public var description: String {
        switch self {
        case .badSetting(let message), .noDevice(let message), .libusb(let message): message
        }
    }

    /// `step` failed with libusb error `code`: e.g. "claiming interface 0: LIBUSB_ERROR_BUSY
    /// (Resource busy)", with advice for the errors a person can fix.
    static func libusb(_ step: String, _ code: Int32) -> USBSourceError {
        let name = String(cString: libusb_error_name(code))
        let text = String(cString: libusb_strerror(code))
        let advice = switch code {
        case Int32(LIBUSB_ERROR_ACCESS.rawValue): "; give this user access to the device (a udev rule) or run as root"
        case Int32(LIBUSB_ERROR_BUSY.rawValue): "; another program or a kernel driver holds it"
        default: ""
        }
        return .libusb("\(step): \(name) (\(text))\(advice)")
    }
}
