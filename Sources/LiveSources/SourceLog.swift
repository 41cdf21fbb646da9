import Glibc

/// Where live sources say what happens to them (state changes): stderr, one line each.
public enum SourceLog {
    /// Writes `text` and a newline in one call, so lines from several threads do not interleave.
    public static func line(_ text: String) {
        var bytes = Array((text + "\n").utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
