#ifndef NEWSDESK_CZLIB_SHIM_H
#define NEWSDESK_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 is a macro that passes the library version and struct size: a wrapper gives it a symbol.
static inline int newsdesk_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
// inflateInit2 likewise (gzip only): the tests read back what the server compressed.
static inline int newsdesk_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
