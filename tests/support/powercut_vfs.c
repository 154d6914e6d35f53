/* powercut_vfs.c — the power-cut VFS shim (see powercut_vfs.h). */
#include "powercut_vfs.h"

#include <stdlib.h>
#include <string.h>

typedef struct pc_op {
    sqlite3_int64 off; /* write: where; truncate: the new size */
    int n;             /* write: bytes; truncate: -1 */
    unsigned char *data;
    struct pc_op *next;
} pc_op;

typedef struct pc_file {
    sqlite3_file base;
    sqlite3_file *real;    /* the default VFS's file, allocated right after this struct */
    pc_op *head, *tail;    /* unsynced writes and truncates, oldest first */
    struct pc_file *next_open;
} pc_file;

/* The VFS's one state: the shim is a test fixture for one thread. */
static struct {
    sqlite3_vfs vfs;
    sqlite3_vfs *real;
    pc_file *open_files;
    long long countdown; /* I/O calls left before the cut; 0: not armed */
    long long calls;
    bool dead;
} pc;

static void drop_ops(pc_file *f)
{
    while (f->head) {
        pc_op *o = f->head;
        f->head = o->next;
        free(o->data);
        free(o);
    }
    f->tail = NULL;
}

/* Counts one I/O call; true when the power is off (now or already). */
static bool power_off(void)
{
    if (pc.dead)
        return true;
    pc.calls++;
    if (pc.countdown > 0 && --pc.countdown == 0) {
        pc.dead = true;
        for (pc_file *f = pc.open_files; f; f = f->next_open)
            drop_ops(f); /* everything not synced is gone */
        return true;
    }
    return false;
}

static int add_op(pc_file *f, sqlite3_int64 off, int n, const void *data)
{
    pc_op *o = calloc(1, sizeof *o);
    if (!o)
        return SQLITE_NOMEM;
    o->off = off;
    o->n = n;
    if (n > 0) {
        o->data = malloc((size_t)n);
        if (!o->data) {
            free(o);
            return SQLITE_NOMEM;
        }
        memcpy(o->data, data, (size_t)n);
    }
    if (f->tail)
        f->tail->next = o;
    else
        f->head = o;
    f->tail = o;
    return SQLITE_OK;
}

static int effective_size(pc_file *f, sqlite3_int64 *size)
{
    int rc = f->real->pMethods->xFileSize(f->real, size);
    if (rc != SQLITE_OK)
        return rc;
    for (pc_op *o = f->head; o; o = o->next)
        *size = o->n < 0 ? o->off : (o->off + o->n > *size ? o->off + o->n : *size);
    return SQLITE_OK;
}

static int pc_close(sqlite3_file *file)
{
    pc_file *f = (pc_file *)file;
    /* Closed with the power on, unsynced writes still reach the disk later (the OS cache). */
    for (pc_op *o = pc.dead ? NULL : f->head; o; o = o->next) {
        if (o->n < 0)
            f->real->pMethods->xTruncate(f->real, o->off);
        else
            f->real->pMethods->xWrite(f->real, o->data, o->n, o->off);
    }
    drop_ops(f);
    for (pc_file **p = &pc.open_files; *p; p = &(*p)->next_open)
        if (*p == f) {
            *p = f->next_open;
            break;
        }
    int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    return rc;
}

static int pc_read(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off)
{
    pc_file *f = (pc_file *)file;
    unsigned char *b = buf;
    memset(b, 0, (size_t)amt);
    int rc = f->real->pMethods->xRead(f->real, b, amt, off);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
        return rc;
    for (pc_op *o = f->head; o; o = o->next) {
        if (o->n < 0) { /* a truncate: nothing past the new end */
            if (o->off < off + amt) {
                sqlite3_int64 from = o->off > off ? o->off - off : 0;
                memset(b + from, 0, (size_t)(amt - from));
            }
        } else if (o->off < off + amt && o->off + o->n > off) {
            sqlite3_int64 from = o->off > off ? o->off : off;
            sqlite3_int64 to = o->off + o->n < off + amt ? o->off + o->n : off + amt;
            memcpy(b + (from - off), o->data + (from - o->off), (size_t)(to - from));
        }
    }
    sqlite3_int64 size;
    if ((rc = effective_size(f, &size)) != SQLITE_OK)
        return rc;
    return off + amt > size ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int pc_write(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off)
{
    if (power_off())
        return SQLITE_IOERR_WRITE;
    return add_op((pc_file *)file, off, amt, buf);
}

static int pc_truncate(sqlite3_file *file, sqlite3_int64 size)
{
    if (power_off())
        return SQLITE_IOERR_TRUNCATE;
    return add_op((pc_file *)file, size, -1, NULL);
}

static int pc_sync(sqlite3_file *file, int flags)
{
    pc_file *f = (pc_file *)file;
    (void)flags;
    if (power_off())
        return SQLITE_IOERR_FSYNC;
    /* The disk now holds what was pending; a real fsync is not needed for the simulation. */
    for (pc_op *o = f->head; o; o = o->next) {
        int rc = o->n < 0 ? f->real->pMethods->xTruncate(f->real, o->off)
                          : f->real->pMethods->xWrite(f->real, o->data, o->n, o->off);
        if (rc != SQLITE_OK)
            return rc;
    }
    drop_ops(f);
    return SQLITE_OK;
}

static int pc_file_size(sqlite3_file *file, sqlite3_int64 *size) { return effective_size((pc_file *)file, size); }

#define REAL(file) (((pc_file *)(file))->real)
static int pc_lock(sqlite3_file *file, int l) { return REAL(file)->pMethods->xLock(REAL(file), l); }
static int pc_unlock(sqlite3_file *file, int l) { return REAL(file)->pMethods->xUnlock(REAL(file), l); }
static int pc_check_reserved(sqlite3_file *file, int *out)
{
    return REAL(file)->pMethods->xCheckReservedLock(REAL(file), out);
}
static int pc_file_control(sqlite3_file *file, int op, void *arg)
{
    if (op == SQLITE_FCNTL_MMAP_SIZE) { /* no memory-mapped reads: they would miss pending writes */
        *(sqlite3_int64 *)arg = 0;
        return SQLITE_OK;
    }
    return REAL(file)->pMethods->xFileControl(REAL(file), op, arg);
}
static int pc_sector_size(sqlite3_file *file) { return REAL(file)->pMethods->xSectorSize(REAL(file)); }
static int pc_device_characteristics(sqlite3_file *file)
{
    return REAL(file)->pMethods->xDeviceCharacteristics(REAL(file));
}
static int pc_shm_map(sqlite3_file *file, int pg, int pgsz, int extend, void volatile **pp)
{
    return REAL(file)->pMethods->xShmMap(REAL(file), pg, pgsz, extend, pp);
}
static int pc_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
    return REAL(file)->pMethods->xShmLock(REAL(file), offset, n, flags);
}
static void pc_shm_barrier(sqlite3_file *file) { REAL(file)->pMethods->xShmBarrier(REAL(file)); }
static int pc_shm_unmap(sqlite3_file *file, int del) { return REAL(file)->pMethods->xShmUnmap(REAL(file), del); }
static int pc_fetch(sqlite3_file *file, sqlite3_int64 off, int amt, void **pp)
{
    (void)file;
    (void)off;
    (void)amt;
    *pp = NULL;
    return SQLITE_OK;
}
static int pc_unfetch(sqlite3_file *file, sqlite3_int64 off, void *p)
{
    (void)file;
    (void)off;
    (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods pc_io = {
    3,           pc_close,       pc_read,           pc_write,     pc_truncate,    pc_sync,
    pc_file_size, pc_lock,       pc_unlock,         pc_check_reserved, pc_file_control, pc_sector_size,
    pc_device_characteristics, pc_shm_map, pc_shm_lock, pc_shm_barrier, pc_shm_unmap, pc_fetch,
    pc_unfetch,
};

static int pc_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
    (void)vfs;
    pc_file *f = (pc_file *)file;
    memset(f, 0, sizeof *f);
    f->real = (sqlite3_file *)(f + 1);
    int rc = pc.real->xOpen(pc.real, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        f->base.pMethods = NULL;
        return rc;
    }
    f->base.pMethods = &pc_io;
    f->next_open = pc.open_files;
    pc.open_files = f;
    return SQLITE_OK;
}

static int pc_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs;
    if (pc.dead)
        return SQLITE_IOERR_DELETE;
    return pc.real->xDelete(pc.real, name, sync_dir);
}

static int pc_access(sqlite3_vfs *v, const char *n, int f, int *o) { (void)v; return pc.real->xAccess(pc.real, n, f, o); }
static int pc_full_pathname(sqlite3_vfs *v, const char *n, int len, char *out)
{
    (void)v;
    return pc.real->xFullPathname(pc.real, n, len, out);
}
static void *pc_dlopen(sqlite3_vfs *v, const char *n) { (void)v; return pc.real->xDlOpen(pc.real, n); }
static void pc_dlerror(sqlite3_vfs *v, int n, char *m) { (void)v; pc.real->xDlError(pc.real, n, m); }
static void (*pc_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return pc.real->xDlSym(pc.real, h, s); }
static void pc_dlclose(sqlite3_vfs *v, void *h) { (void)v; pc.real->xDlClose(pc.real, h); }
static int pc_randomness(sqlite3_vfs *v, int n, char *out) { (void)v; return pc.real->xRandomness(pc.real, n, out); }
static int pc_sleep(sqlite3_vfs *v, int us) { (void)v; return pc.real->xSleep(pc.real, us); }
static int pc_current_time(sqlite3_vfs *v, double *t) { (void)v; return pc.real->xCurrentTime(pc.real, t); }
static int pc_last_error(sqlite3_vfs *v, int n, char *m) { (void)v; return pc.real->xGetLastError(pc.real, n, m); }
static int pc_current_time64(sqlite3_vfs *v, sqlite3_int64 *t) { (void)v; return pc.real->xCurrentTimeInt64(pc.real, t); }

int sp_powercut_install(void)
{
    if (pc.real)
        return SQLITE_OK;
    pc.real = sqlite3_vfs_find(NULL);
    if (!pc.real)
        return SQLITE_ERROR;
    pc.vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(pc_file) + pc.real->szOsFile,
        .mxPathname = pc.real->mxPathname,
        .zName = "powercut",
        .xOpen = pc_open,
        .xDelete = pc_delete,
        .xAccess = pc_access,
        .xFullPathname = pc_full_pathname,
        .xDlOpen = pc_dlopen,
        .xDlError = pc_dlerror,
        .xDlSym = pc_dlsym,
        .xDlClose = pc_dlclose,
        .xRandomness = pc_randomness,
        .xSleep = pc_sleep,
        .xCurrentTime = pc_current_time,
        .xGetLastError = pc_last_error,
        .xCurrentTimeInt64 = pc_current_time64,
    };
    return sqlite3_vfs_register(&pc.vfs, 1);
}

void sp_powercut_arm(long long io_calls)
{
    pc.countdown = io_calls;
    pc.dead = false;
}

bool sp_powercut_happened(void) { return pc.dead; }

long long sp_powercut_io_calls(void) { return pc.calls; }
