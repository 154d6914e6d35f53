#!/usr/bin/env bash
# check_po_catalogs.sh FRESH_POT PO_DIR — every shipped catalog (PO_DIR/LINGUAS) translates every
# string the sources mark today: each catalog is merged with a freshly extracted template (as the
# po-update target does) and must have no untranslated and no fuzzy entry, and pass msgfmt --check.
# On failure it lists the entries to translate and says how to refresh the catalogs.
set -u
pot=$1
podir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -s "$pot" ] || { echo "no extracted template at $pot (build the project first)"; exit 1; }
status=0
langs=$(grep -v '^#' "$podir/LINGUAS")
[ -n "$langs" ] || { echo "no language listed in $podir/LINGUAS"; exit 1; }
for lang in $langs; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: listed in LINGUAS but $po does not exist"
    status=1
    continue
  fi
  merged="$tmp/$lang.po"
  if ! msgmerge --quiet --no-wrap -o "$merged" "$po" "$pot" 2>"$tmp/err"; then
    echo "$lang: msgmerge failed:"; cat "$tmp/err"; status=1; continue
  fi
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$merged" 2>&1); then
    echo "$lang: msgfmt --check failed:"; echo "$stats"; status=1; continue
  fi
  echo "$lang: $stats"
  if echo "$stats" | grep -Eq 'fuzzy|untranslated'; then
    status=1
    echo "$lang: entries to translate:"
    msgattrib --no-wrap --no-obsolete --only-fuzzy "$merged" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  fuzzy: /'
    msgattrib --no-wrap --no-obsolete --untranslated "$merged" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  untranslated: /'
  fi
done
if [ $status -ne 0 ]; then
  echo "Refresh with: cmake --build build --target po-update; then translate every entry above in po/<lang>.po"
fi
exit $status
