import Foundation
import Recording

/// The fake plot extractor described in `shared/usb/fakeradar.umockdev`, which umockdev answers
/// libusb's ioctls for and replays a usbmon capture into (see `shared/usb/README.md`): what the
/// tests of the USB source, and of `run` with one, stream from.
public enum FakeRadarDevice {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let description = packageRoot.appendingPathComponent("../shared/usb/fakeradar.umockdev").standardizedFileURL.path
    public static let sysfsPath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
    /// `umockdev` (Debian package, installed by tools/setup.sh).
    public static let umockdevRun = "/usr/bin/umockdev-run"

    /// True when the device description is there; else prints why the calling test does nothing.
    public static var available: Bool {
        guard FileManager.default.isReadableFile(atPath: description) else {
            print("note: skipping a USB check: \(description) is not there (the shared folder is absent in this checkout)")
            return false
        }
        return true
    }

    /// `umockdev-run` with the device, replaying the capture at `capture` (nil: the device only,
    /// no stream); the program and its arguments follow after `--`.
    public static func umockdev(capture: String?) -> [String] {
        [umockdevRun, "-d", description] + (capture.map { ["-p", "\(sysfsPath)=\($0)"] } ?? [])
    }
}

/// The data blocks of `recordings/smoke.pcap` (CAT034 and CAT048, written by our encoders via
/// `centinela simulate`), in order: what a plot extractor streams.
public enum SmokeBlocks {
    public static func load() throws -> [[UInt8]] {
        var reader = try RecordingFile.open(path: FakeRadarDevice.packageRoot.appendingPathComponent("recordings/smoke.pcap").path)
        var blocks: [[UInt8]] = []
        while let frame = try reader.next() {
            var raw = RawReader(bytes: Array(frame.payload))
            while let block = try raw.next() { blocks.append(Array(block.payload)) }
        }
        return blocks
    }
}
