/* png_write.h — a small PNG writer for screenshots (RGBA8, zlib-compressed). */
#ifndef SP_PNG_WRITE_H
#define SP_PNG_WRITE_H

#include <stdint.h>

/* Writes w x h RGBA8 pixels (rows of `pitch` bytes) to path. Returns 0 on success, -1 on error
 * (errno is set by the failing call). */
int sp_png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, int pitch);

#endif
