#!/usr/bin/env bash
# test_family_summary.sh — `report family` read back from the PDF with pdftotext, on the demo
# school: one page per student of ELA8-2, each page with the student's name, every shared goal's
# student text and its at-home text, never a staff-only milestone; a kind page for a student
# with no shared goals; a conference-only goal is on the family's page; plain text without -o;
# Letter paper; and bad input (unknown student, class or language, an output that cannot be
# written) fails with a clear message, exit code, and no file left behind.
set -euo pipefail
: "${SIGNPOST_ADMIN:?set by ctest}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SIGNPOST_NOW=2026-11-23T09:00:00Z
DB=$TMP/demo.db
A() { "$SIGNPOST_ADMIN" --db "$DB" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $(head -c 600 <<<"$1")"; }
lacks() { ! grep -qF -- "$2" <<<"$1" || fail "did not expect '$2'"; }

A demo >/dev/null
# A staff-only goal for Maya: the family must never see it.
A milestone add --student E8001 --class ELA8-2 --category behavior --visibility staff \
  --statement "Staff: monitor conflict with peers at lunch" --student-text "STAFF ONLY lunch plan" \
  --baseline 4 --target 1 --due +6w --at-home "STAFF ONLY at-home words" >/dev/null
# A student of the class with no shared goal at all.
A student add --sis-id E8099 --given Ana --family Zapata --grade 8 >/dev/null
A class enroll ELA8-2 E8099 >/dev/null

out=$(A report family --class ELA8-2 -o "$TMP/f.pdf")
has "$out" "Wrote 11 family summaries (A4)"
[ "$(stat -c %a "$TMP/f.pdf")" = 600 ] || fail "the summary should be readable by its owner only"
pages=$(pdfinfo "$TMP/f.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 11 ] || fail "expected one page per student (11), got $pages"
size=$(pdfinfo "$TMP/f.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
[ "$size" = "595.276x841.89" ] || fail "expected A4 pages, got $size"

# Page by page: the student, their goals in their own words, what the family can do at home.
for p in $(seq 1 "$pages"); do
  text=$(pdftotext -layout -f "$p" -l "$p" "$TMP/f.pdf" - | tr -s ' \n' ' ')
  has "$text" "Family summary"
  has "$text" "Ms. Rivera"
  has "$text" "(555) 010-2400"
  lacks "$text" "STAFF ONLY"
  lacks "$text" "Staff: monitor"
done
all=$(pdftotext "$TMP/f.pdf" - | tr -s ' \n' ' ')
has "$all" "Maya López"
has "$all" "I will write 3 paragraphs with a claim and 2 pieces of evidence."
has "$all" "Ask me what my claim is in something I am writing, and which 2 facts back it up."
has "$all" "I will share my ideas in discussion 3 times a week."
has "$all" "At dinner, ask me one question about what we discussed in class today."
has "$all" "Started: 1.5 rubric points"
has "$all" "On track"
# Moe's only goal is conference-visible: his family sees it.
moe=$(pdftotext -f 1 -l 1 "$TMP/f.pdf" - | tr -s ' \n' ' ')
has "$moe" "Mohamed Abdi"
has "$moe" "I will write 3 paragraphs"
# Ana has no shared goal: a kind page, not an empty one.
last=$(pdftotext -f "$pages" -l "$pages" "$TMP/f.pdf" - | tr -s ' \n' ' ')
lacks "$last" "Ana Zapata" # ordered by family name: Zapata is not last (Korean and Arabic names sort after)
ana=$(A report family --student E8099)
has "$ana" "Ana does not have goals to share yet."
has "$ana" "Questions or ideas? We would love to hear from you."

# Plain text on stdout without -o.
maya=$(A report family --student E8001)
has "$maya" "Family summary — Maya López"
has "$maya" "At home you can: Ask me what my claim is"
lacks "$maya" "STAFF ONLY"

# Letter paper.
A report family --student E8001 --paper letter -o "$TMP/letter.pdf" >/dev/null
size=$(pdfinfo "$TMP/letter.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
[ "$size" = "612x792" ] || fail "expected Letter pages, got $size"

# The family's language: every word of the page in Spanish or Arabic; the teacher's texts in the
# family's language where the teacher wrote them in it, else as written.
ela=$(A --json milestone list --student E8001 | grep -o '"id": [0-9]*' | head -1 | grep -o '[0-9]*')
A milestone translate "$ela" --lang es --at-home "Pregúntenme cuál es mi afirmación y qué 2 datos la apoyan." >/dev/null
A report family --class ELA8-2 --lang es -o "$TMP/es.pdf" >/dev/null
es=$(pdftotext "$TMP/es.pdf" - | tr -s ' \n' ' ')
has "$es" "Resumen para la familia"
has "$es" "En casa pueden:"
has "$es" "Pregúntenme cuál es mi afirmación y qué 2 datos la apoyan."
has "$es" "Va por buen camino"
has "$es" "I will write 3 paragraphs" # no Spanish wording given: the teacher's own
lacks "$es" "Family summary"
lacks "$es" "At home you can"
lacks "$es" "STAFF ONLY"
[ "$(pdfinfo "$TMP/es.pdf" | awk '/^Pages:/ {print $2}')" = 11 ] || fail "Spanish: one page per student"
ar=$(A report family --student E8003 --lang ar)
has "$ar" "ملخّص للعائلة"
has "$ar" "في البيت يمكنكم:"

# Bad input: a clear message, exit code 2 (1 for a file that cannot be written), nothing written.
set +e
err=$(A report family --student NOPE -o "$TMP/x.pdf" 2>&1); rc=$?
[ $rc = 2 ] || fail "unknown student: exit $rc"; has "$err" "no student with SIS id 'NOPE'"
err=$(A report family --class NOPE -o "$TMP/x.pdf" 2>&1); rc=$?
[ $rc = 2 ] || fail "unknown class: exit $rc"; has "$err" "no class with code 'NOPE'"; has "$err" "ELA8-2"
err=$(A report family --class ELA8-2 --lang tlh -o "$TMP/x.pdf" 2>&1); rc=$?
[ $rc = 2 ] || fail "unknown language: exit $rc"; has "$err" "no family summary in 'tlh'"; has "$err" "en"
err=$(A report family --class ELA8-2 --paper A5 -o "$TMP/x.pdf" 2>&1); rc=$?
[ $rc = 2 ] || fail "bad paper: exit $rc"; has "$err" "expected a4 or letter"
err=$(A report family --student E8001 --class ELA8-2 2>&1); rc=$?
[ $rc = 2 ] || fail "both: exit $rc"; has "$err" "exactly one of --student"
[ ! -e "$TMP/x.pdf" ] || fail "bad input must not write a file"
mkdir "$TMP/locked" && chmod 500 "$TMP/locked"
if [ -w "$TMP/locked" ]; then # root writes anywhere: use a path under a file instead
  touch "$TMP/afile"; target=$TMP/afile/f.pdf
else
  target=$TMP/locked/f.pdf
fi
err=$(A report family --class ELA8-2 -o "$target" 2>&1); rc=$?
[ $rc = 1 ] || fail "unwritable output: exit $rc"; has "$err" "cannot write $target"
[ -z "$(ls -A "$TMP/locked")" ] || fail "a failed write left files behind: $(ls -A "$TMP/locked")"
set -e
echo "ok: family summary"
