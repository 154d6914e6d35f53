/* out_file.c — temp-file-and-rename output and owner-only file creation (see out_file.h). */
#include "out_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void sp_private_files(void) { umask(077); }

bool sp_out_stream_ok(FILE *f) { return fflush(f) == 0 && !ferror(f); }

static char *temp_name_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t n = dirlen + strlen(base) + 16;
    char *tmp = malloc(n);
    if (tmp)
        snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    return tmp;
}

bool sp_out_open(sp_out_file *o, const char *path, char *err, size_t errlen)
{
    struct stat st;
    memset(o, 0, sizeof *o);
    o->path = strdup(path);
    if (!o->path) {
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        return false;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "cannot write %s: it is a directory (expected a file name)", path);
        goto fail;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->f = fopen(path, "wb");
        if (!o->f) {
            snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
            goto fail;
        }
        return true;
    }
    o->tmp = temp_name_for(path);
    int fd = o->tmp ? mkstemp(o->tmp) : -1;
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, o->tmp ? strerror(errno) : "out of memory");
        goto fail;
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        goto fail;
    }
    return true;
fail:
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return false;
}

static void out_free(sp_out_file *o)
{
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

bool sp_out_commit(sp_out_file *o, char *err, size_t errlen)
{
    bool ok = sp_out_stream_ok(o->f);
    int saved = errno;
    if (ok && o->tmp && fsync(fileno(o->f)) != 0) {
        ok = false;
        saved = errno;
    }
    if (fclose(o->f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    o->f = NULL;
    if (ok && o->tmp && rename(o->tmp, o->path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        snprintf(err, errlen, "writing %s failed: %s%s", o->path, strerror(saved ? saved : EIO),
                 o->tmp ? " (nothing was written under that name)" : "");
        if (o->tmp)
            unlink(o->tmp);
    }
    out_free(o);
    return ok;
}

void sp_out_abort(sp_out_file *o)
{
    if (o->f)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    out_free(o);
}
