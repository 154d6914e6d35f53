#!/usr/bin/env bash
# test_certificate.sh — `celebration certificate` on the demo school, read back from the PDF: one
# landscape A4 page with the student's name (Latin with accents, and Chinese), the goal in their
# words, the step's long-term goal, the date it was met and the teacher; a goal not met yet and
# bad input get a clear refusal and no file.
set -euo pipefail
source "$(dirname "$0")/replay_lib.sh"
DB=$TMP/demo.db
"$SIGNPOST_ADMIN" --db "$DB" demo >/dev/null
first_goal() { "$SIGNPOST_ADMIN" --db "$DB" --json milestone list --student "$1" | grep -m1 '"id"' | tr -dc '0-9'; }

check() { # pdf text...
  local pdf=$1; shift
  [ "$(head -c 5 "$pdf")" = "%PDF-" ] || { echo "FAIL: $pdf is not a PDF"; exit 1; }
  [ "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')" = 1 ] || { echo "FAIL: $pdf is not one page"; exit 1; }
  pdfinfo "$pdf" | grep -q 'Page size: *841.89 x 595.27[0-9]* pts (A4)' || { echo "FAIL: $pdf is not landscape A4"; exit 1; }
  [ "$(stat -c %a "$pdf")" = 600 ] || { echo "FAIL: $pdf is readable by others"; exit 1; }
  pdftotext "$pdf" "$pdf.txt"
  for want in "$@"; do
    grep -qF -- "$want" "$pdf.txt" || { echo "FAIL: '$want' is not on $pdf:"; cat "$pdf.txt"; exit 1; }
  done
}

# Siobhán met her ELA goal (Ms. Rivera's class)
"$SIGNPOST_ADMIN" --db "$DB" celebration certificate --student E8005 --milestone "$(first_goal E8005)" -o "$TMP/s.pdf"
check "$TMP/s.pdf" "Certificate of achievement" "Siobhán Murphy" "I will write 3 paragraphs" "From 1.5 to 3.5 rubric points" \
  "Met on November 20, 2026" "Ms. Rivera"
# 芳芳 read 20 sight words
"$SIGNPOST_ADMIN" --db "$DB" celebration certificate --student K0004 --milestone "$(first_goal K0004)" -o "$TMP/k.pdf"
check "$TMP/k.pdf" "芳芳" "I can read 20 sight words!"
# Zainab reached the FSA ID step of her FAFSA goal
step=$("$SIGNPOST_ADMIN" --db "$DB" --json milestone list --student R1208 | grep '"id"' | tail -1 | tr -dc '0-9')
"$SIGNPOST_ADMIN" --db "$DB" celebration certificate --student R1208 --milestone "$step" -o "$TMP/r.pdf"
check "$TMP/r.pdf" "for reaching a step" "I will make my FSA ID." "a step toward: I will finish all 5 steps of my FAFSA."

# refused: not met yet, another student's goal, no -o; nothing written
refuse() { # why args...
  local why=$1; shift
  if "$SIGNPOST_ADMIN" --db "$DB" celebration certificate "$@" 2>"$TMP/err"; then echo "FAIL: accepted $*"; exit 1; fi
  grep -qF -- "$why" "$TMP/err" || { echo "FAIL: unclear message for $*:"; cat "$TMP/err"; exit 1; }
}
refuse "is not met yet" --student E8003 --milestone "$(first_goal E8003)" -o "$TMP/no.pdf"
refuse "is not one of E8001's milestones" --student E8001 --milestone "$(first_goal E8005)" -o "$TMP/no.pdf"
refuse "-o: expected a file name" --student E8005 --milestone "$(first_goal E8005)"
[ ! -e "$TMP/no.pdf" ] || { echo "FAIL: a refused certificate left a file"; exit 1; }
echo "ok: certificates"
