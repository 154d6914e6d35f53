/* replay_main.c — runs a fuzz target without libFuzzer, under any compiler and in every ctest run.
 *
 *     fuzz_replay_X CORPUS_DIR EXPECTED_FILE [MUTATIONS_PER_SEED]
 *
 * First every seed of CORPUS_DIR is run and its outcome (sp_fuzz_outcome) compared with the one
 * EXPECTED_FILE lists for it ("name<TAB>outcome" lines, '#' comments): a seed without an expected
 * outcome, an expected outcome without a seed, or a different outcome fails the run. Then each
 * seed gets a fixed number of deterministic mutations (flipped, inserted, deleted, swapped and
 * replaced bytes), which must pass the target's invariants (it aborts otherwise). */
#include "fuzz_target.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SEEDS = 256, MAX_SEED_BYTES = 1 << 16, MAX_MUTANT_BYTES = 2048 };

typedef struct {
    char name[1024];
    char outcome[1024];
    int seen;
} expectation;

static uint32_t next(uint32_t *rng)
{
    *rng ^= *rng << 13;
    *rng ^= *rng >> 17;
    *rng ^= *rng << 5;
    return *rng;
}

static void mutate_and_run(const uint8_t *seed, size_t n, int rounds, uint32_t *rng)
{
    static uint8_t buf[MAX_MUTANT_BYTES];
    for (int r = 0; r < rounds; r++) {
        size_t len = n < sizeof buf - 8 ? n : sizeof buf - 8;
        memcpy(buf, seed, len);
        int edits = 1 + (int)(next(rng) % 4);
        for (int e = 0; e < edits; e++) {
            size_t at = len ? next(rng) % len : 0;
            switch (next(rng) % 5) {
            case 0: if (len) buf[at] ^= (uint8_t)(1u << (next(rng) % 8)); break;
            case 1: if (len < sizeof buf - 1) { memmove(buf + at + 1, buf + at, len - at); buf[at] = (uint8_t)next(rng); len++; } break;
            case 2: if (len) { memmove(buf + at, buf + at + 1, len - at - 1); len--; } break;
            case 3: if (len > 1 && at + 1 < len) { uint8_t t = buf[at]; buf[at] = buf[at + 1]; buf[at + 1] = t; } break;
            default: if (len) buf[at] = (uint8_t)"0123456789ABCDEFGHJKMNPQRSTVWXYZ*ILOU:SPzy(&\",\n\r 9-"[next(rng) % 52]; break;
            }
        }
        LLVMFuzzerTestOneInput(buf, len);
    }
}

static int read_expected(const char *path, expectation *ex, int max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (!tab || n == max) {
            fprintf(stderr, "%s: want \"seed<TAB>expected outcome\", found \"%s\"\n", path, line);
            fclose(f);
            return -1;
        }
        *tab = '\0';
        snprintf(ex[n].name, sizeof ex[n].name, "%s", line);
        snprintf(ex[n].outcome, sizeof ex[n].outcome, "%s", tab + 1);
        ex[n].seen = 0;
        n++;
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s CORPUS_DIR EXPECTED_FILE [MUTATIONS_PER_SEED]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 2000;
    static expectation ex[MAX_SEEDS];
    int nex = read_expected(argv[2], ex, MAX_SEEDS);
    if (nex < 0)
        return 1;
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 1;
    }
    int files = 0, wrong = 0;
    uint32_t rng = 1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        static uint8_t data[MAX_SEED_BYTES];
        size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        LLVMFuzzerTestOneInput(data, n);
        char got[512];
        sp_fuzz_outcome(data, n, got, sizeof got);
        int k = 0;
        while (k < nex && strcmp(ex[k].name, e->d_name) != 0)
            k++;
        if (k == nex) {
            fprintf(stderr, "FAIL: seed %s has no expected outcome in %s (it gives \"%s\")\n", e->d_name, argv[2], got);
            wrong++;
        } else {
            ex[k].seen = 1;
            if (strcmp(ex[k].outcome, got) != 0) {
                fprintf(stderr, "FAIL: seed %s: expected \"%s\", got \"%s\"\n", e->d_name, ex[k].outcome, got);
                wrong++;
            }
        }
        mutate_and_run(data, n, rounds, &rng);
        files++;
    }
    closedir(d);
    for (int k = 0; k < nex; k++)
        if (!ex[k].seen) {
            fprintf(stderr, "FAIL: %s expects seed %s, which is not in %s\n", argv[2], ex[k].name, argv[1]);
            wrong++;
        }
    printf("replayed %d seed files (%d with a different outcome than expected), %d mutations each\n", files, wrong,
           rounds);
    return files > 0 && wrong == 0 ? 0 : 1;
}
