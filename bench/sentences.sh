#!/bin/sh
# Sentence segmentation: accuracy on the Golden Rules (48 English cases) and
# speed on the BBC corpus, parallax and npm sbd side by side in one run.
# Speed is sentences per second of the splitter alone: both tools read every
# file into memory first, then split all of them REPEAT times (default 5).
# Usage: bench/sentences.sh [REPEAT]
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
GOLDEN=$SHARED/data/sentences/golden-rules-en.jsonl
BBC=$SHARED/data/bulk/bbc
REPEAT=${1:-5}
PX=build/parallax
[ -x "$PX" ] || make -s build/parallax
bench/setup >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Golden Rules ($GOLDEN): exact-match share of cases"
$PX sentences --raw --quiet "$GOLDEN" > "$tmp/px.jsonl"
node bench/sbd_split.js golden "$GOLDEN" > "$tmp/sbd.jsonl"
printf '  parallax  %s\n' "$(python3 bench/golden_score.py "$GOLDEN" "$tmp/px.jsonl")"
printf '  sbd       %s\n' "$(python3 bench/golden_score.py "$GOLDEN" "$tmp/sbd.jsonl")"

cc -std=c17 -D_GNU_SOURCE -O2 -Iinclude bench/sentences_speed.c build/libparallax.a \
    $(pkg-config --libs libutf8proc libpcre2-8 libxxhash libcjson zlib libzstd) -lstemmer -lm \
    -o "$tmp/sentences_speed"
find "$BBC" -name '*.txt' | sort > "$tmp/files"
echo "Speed on $BBC ($(wc -l < "$tmp/files") files in memory, $REPEAT passes):"
px=$("$tmp/sentences_speed" "$REPEAT" "$tmp/files")
sbd=$(node bench/sbd_split.js time "$REPEAT" "$tmp/files")
python3 - "$px" "$sbd" <<'PY'
import sys
(px_n, px_t), (sbd_n, sbd_t) = [(int(a), float(b)) for a, b in (s.split() for s in sys.argv[1:3])]
px_rate, sbd_rate = px_n / px_t, sbd_n / sbd_t
print(f"  parallax  {px_n} sentences in {px_t:.3f} s = {px_rate:,.0f} sentences/s")
print(f"  sbd       {sbd_n} sentences in {sbd_t:.3f} s = {sbd_rate:,.0f} sentences/s")
print(f"  ratio     parallax is {px_rate / sbd_rate:.1f}x faster than sbd")
PY
