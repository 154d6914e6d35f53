#!/usr/bin/env bash
# contact-sheet.sh — every kiosk screen at every size, one picture per size, through the replay
# harness on the demo school; then README's gallery (docs/screenshots/kiosk-*.png) from the
# 1280x800 shots.
#
# Usage: scripts/contact-sheet.sh [BUILD_DIR] [OUT_DIR]
#   BUILD_DIR  where signpost-admin and signpost-kiosk were built (default: build)
#   OUT_DIR    where contact-WxH.png and the single shots go (default: build/contact-sheet)
# The walk is scripts/kiosk-walk.sh: Layla (E8003, one goal, read aloud) from the scan screen to
# the teacher menu, plus Maya (E8001, two goals) and a five-goal grid for the goals screen.
# Needs ImageMagick's montage (scripts/install-deps.sh installs it).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build}
OUT=${2:-$BUILD/contact-sheet}
ADMIN=$BUILD/admin/signpost-admin
KIOSK=$BUILD/kiosk/signpost-kiosk
for tool in "$ADMIN" "$KIOSK"; do
  [ -x "$tool" ] || { echo "contact-sheet: $tool is not built (cmake --build $BUILD)" >&2; exit 1; }
done
command -v montage >/dev/null || { echo "contact-sheet: ImageMagick's montage is missing (scripts/install-deps.sh)" >&2; exit 1; }
export SDL_VIDEODRIVER=dummy SIGNPOST_NOW=2026-11-23T09:00:00Z
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

DB=$TMP/demo.db
"$ADMIN" --db "$DB" demo >/dev/null
"$ADMIN" --db "$DB" badge issue --all-missing >/dev/null
"$ADMIN" --db "$DB" badge issue --staff T-OKAFOR >/dev/null
# A student with five goals, for the grid that scrolls.
for sis in E8004; do
  for i in 1 2 3; do
    "$ADMIN" --db "$DB" milestone add --student "$sis" --category social-emotional --target 4 --baseline 1 \
      --unit "check-ins" --due +6w --statement "Student will check in with the advisor ($i)." \
      --student-text "I will check in with my advisor every Monday." \
      --student-support "My advisor meets me on Mondays." --student-know "My advisor writes down each check-in." >/dev/null
  done
done

FONT=/usr/share/fonts/truetype/andika/Andika-Regular.ttf # fonts-sil-andika, the kiosk's own face
SIZES="1280x800 800x1280 1920x1080"
for size in $SIZES; do
  w=${size%x*} h=${size#*x}
  dir=$OUT/$size
  rm -rf "$dir"
  "$SRC/scripts/kiosk-walk.sh" "$w" "$h" E8003 "I will write 3 paragraphs" | sed 's/^@ \(.*\)$/shot \1/' > "$TMP/walk.replay"
  {
    echo "size $w $h"
    echo "now 2026-11-23T09:00:00"
    echo "scan-student E8001"
    echo "wait 1500"
    echo "shot goals-two"
    echo "scan-student E8004"
    echo "wait 1500"
    echo "shot goals-grid"
    echo "scan-student K0001"
    echo "wait 1500"
    echo 'tap-text "How did it go?"'
    echo "shot self-check-faces"
  } > "$TMP/more.replay"
  "$KIOSK" --db "$DB" --replay "$TMP/walk.replay" --shots "$dir" >/dev/null
  "$KIOSK" --db "$DB" --replay "$TMP/more.replay" --shots "$dir" >/dev/null
  tile=$((w / 4)) && [ "$h" -gt "$w" ] && tile=$((w / 3))
  montage -font "$FONT" -background '#d8d8d8' -fill '#202020' -pointsize 14 -label '%t' \
    $(for n in scan welcome goals goals-two goals-grid goal goal-end self-check-faces self-check-rate self-check-2 \
                 keyboard self-check-next saved next-step-1 next-step-2 next-step-3 next-step-4 next-step-plan targets \
                 target-rate done timeout-warning teacher teacher-confirm-exit teacher-today unknown-badge cooldown; do
        echo "$dir/$n.png"; done) \
    -tile 6x -geometry "${tile}x+6+6" "$OUT/contact-$size.png"
  echo "contact sheet: $OUT/contact-$size.png"
done

# README's gallery: the 1280x800 shots.
shots=$OUT/1280x800
gallery=$SRC/docs/screenshots
mkdir -p "$gallery"
n=0
for name in scan welcome goals goals-two goals-grid goal self-check-faces self-check-2 self-check-next keyboard saved \
            next-step-1 next-step-plan targets target-rate timeout-warning teacher-confirm-exit unknown-badge; do
  n=$((n + 1))
  cp "$shots/$name.png" "$gallery/$(printf 'kiosk-%02d-%s.png' "$n" "$name")"
done
cp "$OUT/contact-1280x800.png" "$OUT/contact-800x1280.png" "$OUT/contact-1920x1080.png" "$gallery/"
echo "gallery: $gallery"
