#!/bin/sh
# Sentence segmentation: accuracy on the Golden Rules (48 English cases) and
# speed on the BBC corpus, parallax and npm sbd side by side in one run.
# Speed is sentences per second of the splitter alone: both tools read every
# file into memory first, then split all of them REPEAT times (default 9),
# timing every pass. Reported: the fastest pass of each tool (a pass of
# parallax takes a few milliseconds, so on a shared machine a preemption or
# two can double it; the fastest pass is the one nothing else disturbed, for
# sbd also the one its JIT had warmed up best) and, as before, the total
# over all passes, which carries every disturbance.
# Usage: bench/sentences.sh [REPEAT]
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
GOLDEN=$SHARED/data/sentences/golden-rules-en.jsonl
BBC=$SHARED/data/bulk/bbc
REPEAT=${1:-9}
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
runs = {}
for name, line in zip(("parallax", "sbd"), sys.argv[1:3]):
    n, *times = line.split()
    runs[name] = (int(n), [float(t) for t in times])
for name, (n, times) in runs.items():
    print(f"  {name:9} {n} sentences a pass; fastest pass {min(times) * 1000:.1f} ms "
          f"= {n / min(times):,.0f} sentences/s; all {len(times)} passes "
          f"{sum(times):.3f} s = {n * len(times) / sum(times):,.0f} sentences/s")
(pn, pt), (sn, st) = runs["parallax"], runs["sbd"]
best = (pn / min(pt)) / (sn / min(st))
tot = (pn / sum(pt)) / (sn / sum(st))
print(f"  ratio     parallax is {best:.1f}x faster than sbd (fastest pass), {tot:.1f}x (total)")
PY
