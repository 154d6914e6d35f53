#!/usr/bin/env bash
# test_read_aloud_replay.sh — "Read to me" through the real kiosk binary: the replay harness runs
# tests/replay/read_aloud.replay on the demo school in landscape (1280x800), portrait (800x1280)
# and full HD (1920x1080). The script expects the words the kiosk asks to say (expect-speech; the
# harness records them, so no audio device is needed), touch targets of at least 64 px, and no
# button for a student without read-aloud.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
SCRIPT=$SRC/tests/replay/read_aloud.replay

for size in "landscape 1280 800" "portrait 800 1280" "full-hd 1920 1080"; do
  set -- $size
  replay_demo_db "$TMP/$1.db"
  replay_run "$1" "$2" "$3" "$SCRIPT" "$TMP/$1.db"
  echo "ok: $1 ($2 x $3)"
done
echo "ok: read-aloud replay"
