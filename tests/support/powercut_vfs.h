/* powercut_vfs.h — a test-only SQLite VFS that simulates power cuts, the way SQLite's own crash
 * tests do: a shim over the default VFS ("unix") that keeps every write, truncate and growth of a
 * file in memory until the file is synced, and only then hands it to the real file. Reads see
 * the pending writes, as a program reads the operating system's cache.
 *
 * Armed with a number of I/O calls (writes, truncates and syncs, counted over all files), the
 * VFS cuts the power when that many have happened: every write not yet synced is thrown away,
 * and from then on every write, sync, truncate and delete fails, as if the machine were off.
 * The test then closes its connections (nothing more reaches the "disk"), disarms the VFS and
 * opens the database again: what SQLite finds is exactly what had been synced. The shared-memory
 * wal-index is rebuilt from the WAL on that first open, as after a real reboot.
 *
 * Memory-mapped reads are refused (xFetch gives no pointer) so every read goes through the
 * shim. Not thread-safe: one test thread. */
#ifndef SP_POWERCUT_VFS_H
#define SP_POWERCUT_VFS_H

#include <sqlite3.h>
#include <stdbool.h>

/* Registers the shim as "powercut" and makes it the default VFS. Returns SQLITE_OK. */
int sp_powercut_install(void);
/* Cut the power after this many more I/O calls (0: never). Clears an earlier cut. */
void sp_powercut_arm(long long io_calls);
/* Whether the power has been cut since the last sp_powercut_arm. */
bool sp_powercut_happened(void);
/* I/O calls counted since install (writes, truncates, syncs). */
long long sp_powercut_io_calls(void);

#endif
