#include <zlib.h>

// inflateInit2 and deflateInit2 are function-like macros, which Swift does not import.
// windowBits 15 + 16 selects the gzip wrapper (RFC 1952) rather than zlib's own.

static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

// zlib writes a gzip header with mtime 0 and no file name unless given one (deflateSetHeader),
// so the same input gives the same bytes.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
