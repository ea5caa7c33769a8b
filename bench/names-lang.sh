#!/bin/sh
# Names in German, French, Spanish and Portuguese (docs/claims.md, "Names"):
# `parallax entities` on the UD dev text of each language
# (../shared/data/sentences/ud/LANG.jsonl, items as articles), the number
# of entities and 20 of them, evenly spaced in the output, with their
# kinds, to judge by hand (no gold for names in these languages is here).
# PARALLAX_BEFORE=path/to/older/parallax prints that binary's too.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
/usr/bin/python3 bench/names_lang.py "$DATA/sentences/ud" "$BIN" ${PARALLAX_BEFORE:+"$PARALLAX_BEFORE"}
