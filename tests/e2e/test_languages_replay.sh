#!/usr/bin/env bash
# test_languages_replay.sh — the same student's visit in English, Spanish and Arabic through the
# real kiosk binary (tests/replay/languages.replay): the kiosk's words come from the catalog of
# her kiosk language, her goal from the translation her teacher gave (`milestone translate`),
# read aloud in that language's voice, and Arabic mirrors the layout. The expected words are
# looked up in the compiled catalogs with gettext(1), so the test follows the translations.
# With a directory argument it also copies the screenshots there (README: docs/screenshots).
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
OUT=${1:-}
LOCALE=$(dirname "$(dirname "$SIGNPOST_KIOSK")")/locale
[ -d "$LOCALE/es" ] || { echo "FAIL: no compiled catalogs in $LOCALE"; exit 1; }

tr_() { LC_ALL=C.UTF-8 LANGUAGE=$1 TEXTDOMAINDIR=$LOCALE gettext -d signpost "$2"; }
esc() { sed -e 's/[\/&]/\\&/g' <<<"$1"; }

# Each language gets its own demo school (a copied file would lack its badge key, kept beside it).
prepare() { # db
  replay_demo_db "$1"
  "$SIGNPOST_ADMIN" --db "$1" milestone translate --csv "$TMP/translations.csv" >/dev/null
  "$SIGNPOST_ADMIN" --db "$1" student edit E8001 --read-aloud >/dev/null
}
BASE=$TMP/base.db
replay_demo_db "$BASE"
GOAL=$(sqlite3 "$BASE" "SELECT m.id FROM milestones m JOIN students s ON s.id = m.student_id
                         WHERE s.sis_id = 'E8001' AND m.student_text LIKE 'I will write 3%'")
[ -n "$GOAL" ] || { echo "FAIL: the demo school has no writing goal for E8001"; exit 1; }
cat > "$TMP/translations.csv" <<CSV
milestone_id,lang,field,text
$GOAL,es,student_text,Escribiré 3 párrafos con una idea principal y 2 pruebas.
$GOAL,ar,student_text,سأكتب ٣ فقرات فيها فكرة رئيسية ودليلان.
CSV
"$SIGNPOST_ADMIN" --db "$BASE" milestone translate --csv "$TMP/translations.csv" >/dev/null
"$SIGNPOST_ADMIN" --db "$BASE" student edit E8001 --read-aloud >/dev/null
# a bad translations file is refused whole, line by line, and changes nothing
printf 'milestone_id,lang,field,text\n%s,es,student_text,Otra cosa\n9999,e s,notes,x\n' "$GOAL" > "$TMP/bad.csv"
if "$SIGNPOST_ADMIN" --db "$BASE" milestone translate --csv "$TMP/bad.csv" 2> "$TMP/bad.err"; then
  echo "FAIL: a bad translations file was accepted"; exit 1
fi
for want in "line 3, column milestone_id" "line 3, column lang" "line 3, column field"; do
  grep -q "$want" "$TMP/bad.err" || { echo "FAIL: no \"$want\" in: $(cat "$TMP/bad.err")"; exit 1; }
done
[ "$(sqlite3 "$BASE" "SELECT text FROM milestone_texts WHERE milestone_id = $GOAL AND lang = 'es'")" = \
  "Escribiré 3 párrafos con una idea principal y 2 pruebas." ] || { echo "FAIL: the bad file changed a translation"; exit 1; }

declare -A GOAL_TEXT=([en]="I will write 3 paragraphs" [es]="Escribiré 3 párrafos" [ar]="سأكتب ٣ فقرات")
for lang in en es ar; do
  db=$TMP/$lang.db
  prepare "$db"
  "$SIGNPOST_ADMIN" --db "$db" student edit E8001 --kiosk-language "$lang" >/dev/null
  sed -e "s/@L@/$lang/g" -e "s/@LANG@/$lang/g" \
      -e "s/@NEXT@/$(esc "$(tr_ "$lang" "Next")")/g" \
      -e "s/@MY_GOALS@/$(esc "$(tr_ "$lang" "My goals")")/g" \
      -e "s/@ON_TRACK@/$(esc "$(tr_ "$lang" "On track")")/g" \
      -e "s/@READ@/$(esc "$(tr_ "$lang" "Read to me")")/g" \
      -e "s/@HOW@/$(esc "$(tr_ "$lang" "How did it go?")")/g" \
      -e "s/@GOAL@/$(esc "${GOAL_TEXT[$lang]}")/g" \
      "$SRC/tests/replay/languages.replay" > "$TMP/$lang-script.replay"
  if [ "$lang" != en ]; then # never the English words on a translated screen
    for english in "My goals" "How did it go?"; do
      [ "$(tr_ "$lang" "$english")" != "$english" ] || { echo "FAIL: \"$english\" is not translated in $lang"; exit 1; }
    done
  fi
  replay_run "$lang" 1280 800 "$TMP/$lang-script.replay" "$db"
  echo "ok: $lang"
done

# Arabic mirrors: the goals screen's left and right halves are not the English ones.
if command -v compare >/dev/null; then
  diff=$(compare -metric AE "$TMP/en/en-2-goals.png" "$TMP/ar/ar-2-goals.png" null: 2>&1 || true)
  [ "${diff%% *}" -gt 10000 ] || { echo "FAIL: the Arabic goals screen looks like the English one ($diff)"; exit 1; }
fi

if [ -n "$OUT" ]; then
  mkdir -p "$OUT"
  for lang in en es ar; do
    for png in "$TMP/$lang"/*.png; do cp "$png" "$OUT/languages-$(basename "$png")"; done
  done
  echo "screenshots copied to $OUT"
fi
echo "ok: one student in three languages"
