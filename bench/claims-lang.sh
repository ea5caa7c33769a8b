#!/bin/sh
# Claims in German, French, Spanish, Italian and Portuguese
# (data/claims/LANG.txt): quotes,
# numbers and dates found in the hand-written examples (examples/lang/),
# then per 1,000 sentences of the UD dev text of each language
# (../shared/data/sentences/ud/LANG.jsonl; Italian has none), even and odd
# items apart, and
# a fixed sample of 20 finds per language to check by hand.
# PARALLAX_BEFORE=path/to/older/parallax adds that binary's counts.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
python3 bench/claims_lang.py "$BIN" "$DATA/sentences/ud" ${PARALLAX_BEFORE:+"$PARALLAX_BEFORE"}
