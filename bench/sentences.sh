#!/bin/sh
# Sentence segmentation: accuracy on the Golden Rules (48 English cases) and
# speed on the BBC corpus, parallax and npm sbd side by side in one run.
# Speed is sentences per second of the splitter alone: both tools read every
# file into memory first, then split all of them REPEAT times (default 9),
# timing every pass, by the wall clock and in CPU time. Reported: the CPU
# time over all passes (what the splitting costs, whatever else the machine
# is doing); the total wall-clock time; and the fastest pass by the wall
# clock. On a busy shared machine the wall-clock figures depend on how the
# scheduler treats a pass of 2 ms against one of 200 ms: a short pass can
# fall between two preemptions, a long one cannot, so the fastest-pass
# ratio flatters the faster tool there and the total ratio penalises it.
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
    $(pkg-config --libs libutf8proc libpcre2-8 libxxhash libcjson zlib libzstd libexttextcat icu-uc icu-i18n) -lstemmer -lm \
    -o "$tmp/sentences_speed"
find "$BBC" -name '*.txt' | sort > "$tmp/files"
echo "Speed on $BBC ($(wc -l < "$tmp/files") files in memory, $REPEAT passes):"
px=$("$tmp/sentences_speed" "$REPEAT" "$tmp/files")
sbd=$(node bench/sbd_split.js time "$REPEAT" "$tmp/files")
python3 - "$px" "$sbd" <<'PY'
import sys
runs = {}
for name, text in zip(("parallax", "sbd"), sys.argv[1:3]):
    wall, cpu = text.split("\n")[:2]
    n, *times = wall.split()
    runs[name] = (int(n), [float(t) for t in times], [float(c) for c in cpu.split()])
for name, (n, wall, cpu) in runs.items():
    k = len(wall)
    print(f"  {name:9} {n} sentences a pass, {k} passes: CPU {sum(cpu):.3f} s = "
          f"{n * k / sum(cpu):,.0f} sentences/s; wall {sum(wall):.3f} s = {n * k / sum(wall):,.0f}/s; "
          f"fastest pass {min(wall) * 1000:.1f} ms = {n / min(wall):,.0f}/s")
(pn, pw, pc), (sn, sw, sc) = runs["parallax"], runs["sbd"]
ratio = lambda p, s: (pn / p) / (sn / s)
print(f"  ratio     parallax is {ratio(sum(pc), sum(sc)):.1f}x faster than sbd in CPU time "
      f"({ratio(sum(pw), sum(sw)):.1f}x wall clock, {ratio(min(pw), min(sw)):.1f}x fastest pass)")
PY
