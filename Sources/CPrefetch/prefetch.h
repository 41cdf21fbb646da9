// A cache prefetch for Swift, which has no way to ask for one. The tracker knows, once a batch
// is associated, which tracks it will update next; asking for their memory a few plots ahead
// hides a cache miss per track (10,000 tracks do not fit in a core's cache).
#include <stddef.h>

/// Asks for the cache lines of [start, start + bytes) to be loaded for reading and writing.
static inline void centinela_prefetch(const void *start, size_t bytes) {
    for (size_t offset = 0; offset < bytes; offset += 64) {
        __builtin_prefetch((const char *)start + offset, 1, 3);
    }
}
