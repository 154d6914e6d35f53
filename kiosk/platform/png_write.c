/* png_write.c — writes RGBA8 images as PNG for the replay harness and screenshots.
 *
 * A PNG is a signature followed by chunks (length, type, data, CRC32). We write IHDR, one IDAT
 * holding the zlib stream of the filtered rows (filter type 0 per row, compress2 from zlib) and
 * IEND. Only the chunk framing and CRC are done here; deflate is zlib's. */
#include "platform/png_write.h"

#include "out_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static int write_chunk(FILE *f, const char type[4], const uint8_t *data, uint32_t len)
{
    uint8_t head[8];
    put_be32(head, len);
    memcpy(head + 4, type, 4);
    uLong crc = crc32(0L, (const Bytef *)type, 4);
    if (len > 0)
        crc = crc32(crc, data, len);
    uint8_t tail[4];
    put_be32(tail, (uint32_t)crc);
    if (fwrite(head, 1, 8, f) != 8)
        return -1;
    if (len > 0 && fwrite(data, 1, len, f) != len)
        return -1;
    if (fwrite(tail, 1, 4, f) != 4)
        return -1;
    return 0;
}

int sp_png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, int pitch)
{
    if (w <= 0 || h <= 0)
        return -1;
    size_t row = (size_t)w * 4;
    size_t raw_len = (row + 1) * (size_t)h;
    uint8_t *raw = malloc(raw_len);
    if (!raw)
        return -1;
    for (int y = 0; y < h; y++) {
        uint8_t *dst = raw + (row + 1) * (size_t)y;
        dst[0] = 0; /* filter: none */
        memcpy(dst + 1, rgba + (size_t)pitch * (size_t)y, row);
    }
    uLongf z_len = compressBound((uLong)raw_len);
    uint8_t *z = malloc(z_len);
    if (!z) {
        free(raw);
        return -1;
    }
    int zrc = compress2(z, &z_len, raw, (uLong)raw_len, 6);
    free(raw);
    if (zrc != Z_OK) {
        free(z);
        return -1;
    }
    sp_out_file out;
    char err[256];
    if (!sp_out_open(&out, path, err, sizeof err)) {
        free(z);
        return -1;
    }
    FILE *f = out.f;
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uint8_t ihdr[13];
    put_be32(ihdr, (uint32_t)w);
    put_be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bit depth */
    ihdr[9] = 6;  /* colour type RGBA */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* adaptive filtering */
    ihdr[12] = 0; /* no interlace */
    int rc = 0;
    if (fwrite(sig, 1, 8, f) != 8 || write_chunk(f, "IHDR", ihdr, 13) != 0 ||
        write_chunk(f, "IDAT", z, (uint32_t)z_len) != 0 || write_chunk(f, "IEND", NULL, 0) != 0)
        rc = -1;
    free(z);
    if (rc != 0)
        sp_out_abort(&out);
    else if (!sp_out_commit(&out, err, sizeof err))
        rc = -1;
    return rc;
}
