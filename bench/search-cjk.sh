#!/bin/sh
# Search in Chinese and Japanese: every sentence of the UD dev text
# (../shared/data/sentences/ud/{zh,ja}.jsonl) stored as an article, then
# 300 strings of 2 to 4 characters cut from those sentences' CJK runs
# (fixed seed) searched with `parallax search`. A sentence is relevant
# when it holds the string. Beside it, in the same run: SQLite FTS5 with
# its unicode61 tokenizer (how parallax indexed before: runs whole), and
# with its trigram tokenizer (MATCH; strings of 2 characters cannot match
# there). Prints recall and precision per language and string length.
# PARALLAX_BEFORE=path/to/older/parallax adds that binary's row.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
/usr/bin/python3 bench/search_cjk.py "$BIN" "$DATA/sentences/ud" ${PARALLAX_BEFORE:+"$PARALLAX_BEFORE"}
