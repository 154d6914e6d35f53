/* saving.h — the one way the kiosk saves a student's reflection (self-check, next-step plan,
 * mastery rating) and says so.
 *
 * A flow fills in a kiosk_save_request: a save callback that calls one of the reflect.h save
 * functions (one transaction each) with the draft it keeps in kiosk_person, and the screens to
 * go to afterwards. kiosk_save() calls it at once and shows the "saving" screen:
 *   - SQLITE_OK: the answer is committed; only now the screen says "Saved" with a check mark,
 *     for KIOSK_SAVED_MS (a tap skips ahead), then it goes to `then`. The save callback clears
 *     its draft when it succeeds.
 *   - SQLITE_BUSY or SQLITE_LOCKED (the admin tool holds the write lock; the kiosk waits only a
 *     few ms): the screen says "Saving…" and tries again every KIOSK_SAVE_RETRY_MS through the
 *     screen timer, never blocking; after KIOSK_SAVE_GIVE_UP_MS it says "We couldn't save that.
 *     Please ask your teacher." and OK returns to `back` with the draft kept (until the session
 *     ends, which wipes it).
 *   - SQLITE_CONSTRAINT: the answer was refused; the plain message from err is shown and OK
 *     returns to `back`.
 *   - anything else: the database is gone; the usual "can't reach its data" path
 *     (kiosk_db_lost) ends the session.
 *
 * When $SIGNPOST_KIOSK_TRACE names a file (tests only), a line "saved <what> <id>" is appended
 * and flushed after the commit and before "Saved" can be drawn, so a test that kills the
 * kiosk knows what it claimed to have saved. */
#ifndef KIOSK_SAVING_H
#define KIOSK_SAVING_H

#include "app/app.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KIOSK_SAVE_RETRY_MS 100
#define KIOSK_SAVE_GIVE_UP_MS 10000
#define KIOSK_SAVED_MS 1500
#define KIOSK_SAVE_ERR_BYTES 256

/* Saves the flow's draft in one transaction (a reflect.h save function). session_id is the
 * kiosk_sessions row of this sign-in (0 if not written yet), created_at the ISO time of now.
 * Returns the SQLite result code; on SQLITE_OK *id_out is the new row's id. */
typedef int (*kiosk_save_fn)(sp_app *app, long long session_id, const char *created_at, long long *id_out, char *err,
                             size_t errlen);

typedef struct {
    kiosk_save_fn save;
    const char *what; /* for the trace line: "self-check", "next-step", "mastery" (a string literal) */
    int then;         /* kiosk_screen_id after "Saved" */
    int back;         /* kiosk_screen_id after giving up or a refused answer (the flow, draft kept) */
} kiosk_save_request;

typedef enum { KIOSK_SAVE_IDLE = 0, KIOSK_SAVE_TRYING, KIOSK_SAVE_SAVED, KIOSK_SAVE_FAILED, KIOSK_SAVE_REFUSED } kiosk_save_state;

/* The saving screen's state (kept in sp_app; holds no student text). */
typedef struct {
    kiosk_save_request req;
    kiosk_save_state state;
    uint64_t since;       /* first attempt */
    uint64_t retry_at;    /* next attempt while TRYING */
    uint64_t shown_at;    /* when "Saved" or the failure appeared */
    int attempts;
    long long saved_id;
    char message[KIOSK_SAVE_ERR_BYTES]; /* plain reason for REFUSED */
} kiosk_saving;

/* Starts saving: first attempt now, then the saving screen. */
void kiosk_save(sp_app *app, const kiosk_save_request *req, uint64_t now);

/* kiosk_sessions.id of the current sign-in; 0 while the row is not written yet. */
long long kiosk_session_row(const sp_app *app);

#endif
