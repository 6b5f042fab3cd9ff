#ifndef NBSHIP_CZLIB_SHIM_H
#define NBSHIP_CZLIB_SHIM_H

#include <zlib.h>

/// A raw deflate stream (no zlib or gzip wrapper: nbship writes the gzip header and trailer
/// itself), 32 KiB window, zlib's default memory level and strategy. `deflateInit2` is a macro
/// Swift cannot import, hence this shim.
static inline int nbship_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
