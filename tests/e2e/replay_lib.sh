# replay_lib.sh — sourced (after `set -euo pipefail`) by the e2e tests that run replay scripts
# through the real kiosk binary on the demo school. Not a test itself.
#
# It skips the test (exit 77, ctest's skip) when the kiosk is not built, sets SRC (the source tree), TMP (a scratch
# directory, removed on exit) and the demo school's Monday as "now", and gives:
#   png_dims, png_is_a_picture          from picture_lib.sh
#   replay_demo_db DB                   the demo school in DB, with a badge for every student
#   replay_run NAME W H SCRIPT DB       runs SCRIPT at W x H (its "size 1280 800" line changed)
#                                       with screenshots in $TMP/NAME, then checks every "shot" of
#                                       SCRIPT is a W x H PNG that passes png_is_a_picture
: "${SIGNPOST_ADMIN:?set by ctest}"
SRC=${SIGNPOST_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
if [ -z "${SIGNPOST_KIOSK:-}" ]; then
  echo "skipped: signpost-kiosk is not built (SIGNPOST_BUILD_KIOSK=OFF)"
  exit 77
fi
source "$(dirname "${BASH_SOURCE[0]}")/picture_lib.sh"
export SDL_VIDEODRIVER=dummy
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SIGNPOST_NOW=2026-11-23T09:00:00Z

replay_demo_db() { # db
  "$SIGNPOST_ADMIN" --db "$1" demo >/dev/null
  "$SIGNPOST_ADMIN" --db "$1" badge issue --all-missing >/dev/null
}

replay_run() { # name width height script db
  local name=$1 w=$2 h=$3 script=$4 db=$5 shot png
  sed "s/^size 1280 800\$/size $w $h/" "$script" > "$TMP/$name.replay"
  "$SIGNPOST_KIOSK" --db "$db" --replay "$TMP/$name.replay" --shots "$TMP/$name"
  for shot in $(awk '$1 == "shot" {print $2}' "$script"); do
    png=$TMP/$name/$shot.png
    [ -f "$png" ] || { echo "FAIL: $png was not written"; exit 1; }
    [ "$(png_dims "$png")" = "${w}x${h}" ] || { echo "FAIL: $png is $(png_dims "$png")"; exit 1; }
    png_is_a_picture "$png" || exit 1
  done
}
