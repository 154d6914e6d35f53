/* replay_main.c — runs the fuzz target without libFuzzer: every file of the seed corpus, then
 * a fixed number of deterministic mutations of each (flipped, inserted, deleted and swapped
 * bytes), so the parser gets a fuzz-style workout under gcc and in every ctest run. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t rng = 1;
static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void mutate_and_run(const uint8_t *seed, size_t n, int rounds)
{
    uint8_t buf[512];
    for (int r = 0; r < rounds; r++) {
        size_t len = n < sizeof buf - 8 ? n : sizeof buf - 8;
        memcpy(buf, seed, len);
        int edits = 1 + (int)(next() % 4);
        for (int e = 0; e < edits; e++) {
            size_t at = len ? next() % len : 0;
            switch (next() % 5) {
            case 0: if (len) buf[at] ^= (uint8_t)(1u << (next() % 8)); break;
            case 1: if (len < sizeof buf - 1) { memmove(buf + at + 1, buf + at, len - at); buf[at] = (uint8_t)next(); len++; } break;
            case 2: if (len) { memmove(buf + at, buf + at + 1, len - at - 1); len--; } break;
            case 3: if (len > 1 && at + 1 < len) { uint8_t t = buf[at]; buf[at] = buf[at + 1]; buf[at + 1] = t; } break;
            default: if (len) buf[at] = (uint8_t)"0123456789ABCDEFGHJKMNPQRSTVWXYZ*ILOU:SPzy(&"[next() % 44]; break;
            }
        }
        LLVMFuzzerTestOneInput(buf, len);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS_PER_SEED]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 20000;
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 1;
    }
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        static uint8_t data[1 << 16];
        size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        LLVMFuzzerTestOneInput(data, n);
        mutate_and_run(data, n, rounds);
        files++;
    }
    closedir(d);
    printf("replayed %d seed files with %d mutations each\n", files, rounds);
    return files > 0 ? 0 : 1;
}
