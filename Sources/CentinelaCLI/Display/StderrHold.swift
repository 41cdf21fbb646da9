import Glibc

/// While the display owns the terminal, lines written to stderr (state changes, warnings) would
/// tear the picture: they go to a file instead, and are copied to the real stderr when the
/// display ends. A crash leaves them in the file, named in the terminal's last line.
struct StderrHold {
    let path: String
    private let saved: Int32
    private let file: Int32

    /// Nil (stderr left alone) when stderr is not the display's terminal or the file cannot be made.
    init?() {
        guard isatty(2) == 1 else { return nil }
        var template = Array("/tmp/centinela-display-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return nil }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        saved = dup(2)
        file = fd
        dup2(fd, 2)
    }

    /// stderr back to the terminal, with everything held. Once only.
    func release() {
        dup2(saved, 2)
        close(saved)
        lseek(file, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(file, &buffer, buffer.count)
            if n <= 0 { break }
            _ = write(2, buffer, n)
        }
        close(file)
        unlink(path)
    }
}
