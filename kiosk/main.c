/* main.c — entry point of signpost-kiosk, the fullscreen student kiosk.
 *
 * Parses the command line, picks the database the same way signpost-admin does (--db, else
 * $SIGNPOST_DB, else the XDG data directory) and hands over either to the window loop
 * (platform/kiosk.c) or, with --replay, to the headless harness (platform/replay.c). When there
 * is no display, it says so in one line and points to the harness. */
#include "platform/kiosk.h"
#include "platform/replay.h"

#include "db.h"
#include "out_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "Usage: signpost-kiosk [options]\n"
    "\n"
    "The student kiosk: scan a badge, see your goals, check in with yourself.\n"
    "Runs fullscreen; students cannot close it, a teacher badge opens the teacher menu with Exit.\n"
    "\n"
    "Options:\n"
    "  --db PATH            database (default: $SIGNPOST_DB, else $XDG_DATA_HOME/signpost/signpost.db)\n"
    "  --kiosk-name NAME    name of this kiosk, shown on the scan screen and in the kiosk log\n"
    "  --windowed           a 1280x800 window instead of fullscreen (development; closing it exits)\n"
    "  --size WxH           window size with --windowed, screen size with --replay\n"
    "  --timeout SECONDS    idle time before returning to the scan screen (default 60)\n"
    "  --dyslexic-font      OpenDyslexic instead of Andika\n"
    "  --no-chime           no sound when a celebration appears (this kiosk only)\n"
    "  --camera DEVICE      read badges with a camera (/dev/videoN) as well as the USB scanner\n"
    "  --replay SCRIPT      run a scripted session headless (no display needed)\n"
    "  --shots DIR          with --replay: write the script's screenshots into DIR\n"
    "  --help               this text\n"
    "\n"
    "Examples:\n"
    "  signpost-kiosk --db out/demo.db --kiosk-name \"Room 12\"\n"
    "  signpost-kiosk --db out/demo.db --windowed\n"
    "  signpost-kiosk --db out/demo.db --replay tests/replay/demo.replay --shots out/shots\n";

static int bad_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "signpost-kiosk: %s%s%s\n(see signpost-kiosk --help)\n", msg, arg ? ": " : "", arg ? arg : "");
    return 2;
}

int main(int argc, char **argv)
{
    sp_kiosk_options opt = {.kiosk_name = "kiosk"};
    sp_private_files(); /* the kiosk log, screenshots and a new database hold children's data */
    const char *replay = NULL, *shots = NULL, *db = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(a, "--db") == 0 || strcmp(a, "--kiosk-name") == 0 || strcmp(a, "--size") == 0 ||
                     strcmp(a, "--timeout") == 0 || strcmp(a, "--camera") == 0 || strcmp(a, "--replay") == 0 ||
                     strcmp(a, "--shots") == 0;
        if (takes && !next)
            return bad_usage("missing value after", a);
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--windowed") == 0) {
            opt.windowed = true;
        } else if (strcmp(a, "--dyslexic-font") == 0) {
            opt.dyslexic = true;
        } else if (strcmp(a, "--no-chime") == 0) {
            opt.no_chime = true;
        } else if (strcmp(a, "--db") == 0) {
            db = next;
        } else if (strcmp(a, "--kiosk-name") == 0) {
            opt.kiosk_name = next;
        } else if (strcmp(a, "--size") == 0) {
            if (sscanf(next, "%dx%d", &opt.width, &opt.height) != 2 || opt.width < 320 || opt.height < 240 ||
                opt.width > 8192 || opt.height > 8192)
                return bad_usage("--size wants WIDTHxHEIGHT like 1280x800, found", next);
        } else if (strcmp(a, "--timeout") == 0) {
            char *end;
            long s = strtol(next, &end, 10);
            if (*end || s < 5 || s > 3600)
                return bad_usage("--timeout wants seconds between 5 and 3600, found", next);
            opt.timeout_s = (int)s;
        } else if (strcmp(a, "--camera") == 0) {
            opt.camera = next;
        } else if (strcmp(a, "--replay") == 0) {
            replay = next;
        } else if (strcmp(a, "--shots") == 0) {
            shots = next;
        } else {
            return bad_usage("unknown option", a);
        }
        if (takes)
            i++;
    }
    if (shots && !replay)
        return bad_usage("--shots needs --replay SCRIPT", NULL);
    char dbbuf[1024];
    opt.db_path = db ? db : sp_db_default_path(dbbuf, sizeof dbbuf);

    if (replay) {
        char err[4096] = "";
        sp_replay_options ro = {.db_path = opt.db_path, .kiosk_name = opt.kiosk_name, .shots_dir = shots,
                                .timeout_s = opt.timeout_s, .no_chime = opt.no_chime, .log = getenv("SIGNPOST_REPLAY_VERBOSE") ? stderr : NULL};
        sp_replay *r = sp_replay_new(&ro, err, sizeof err);
        if (!r) {
            fprintf(stderr, "signpost-kiosk: %s\n", err);
            return 1;
        }
        if (opt.width > 0) {
            char line[64];
            snprintf(line, sizeof line, "size %d %d", opt.width, opt.height);
            sp_replay_line(r, line, err, sizeof err);
        }
        int rc = sp_replay_file(r, replay, err, sizeof err);
        sp_replay_free(r);
        if (rc != 0) {
            fprintf(stderr, "signpost-kiosk: replay failed: %s\n", err);
            return 1;
        }
        printf("signpost-kiosk: replay %s passed%s%s\n", replay, shots ? ", screenshots in " : "", shots ? shots : "");
        return 0;
    }

    int rc = sp_kiosk_run(&opt);
    if (rc == SP_KIOSK_NO_DISPLAY) {
        fprintf(stderr, "signpost-kiosk: no display found (DISPLAY/WAYLAND_DISPLAY unset); try the headless replay: "
                        "signpost-kiosk --replay tests/replay/demo.replay --shots out/shots\n");
        return 1;
    }
    return rc;
}
