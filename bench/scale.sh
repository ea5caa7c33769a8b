#!/bin/sh
# Time against input size on one paragraph of real prose: BBC articles
# (../shared/data/bulk/bbc, 5 MB, then Reuters-21578 bodies) joined into a
# single line of 1, 2, 4 and 8 MB,
# read (`parallax read`, which cleans) and compared (`parallax analyze
# --json`). Prints seconds per size and the ratio of each time to the one
# of half the input: about 2 when the time is linear, 4 when quadratic.
# Usage: bench/scale.sh [sizes in MB...] (after `make`).
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
OUT=bench/out/scale
mkdir -p "$OUT"
SIZES=${*:-1 2 4 8}

prose() { # every BBC article, then the Reuters bodies (the BBC set is 5 MB)
    find "$SHARED/data/bulk/bbc" -name '*.txt' | sort | xargs cat
    /usr/bin/python3 -c '
import glob, json, sys
for f in sorted(glob.glob(sys.argv[1] + "/data/bulk/reuters21578/reut2-*.json")):
    for r in json.load(open(f, encoding="utf-8", errors="replace")):
        if r.get("body"):
            print(r["body"])' "$SHARED"
}

make_input() { # MB -> file of one paragraph
    f="$OUT/para-$1mb.txt"
    [ "$(stat -c %s "$f" 2>/dev/null || echo 0)" -eq "$(($1 * 1000000))" ] ||
        { prose 2>/dev/null | tr -s '\r\n\t' '   ' | head -c "$(($1 * 1000000))" > "$f"; }
    echo "$f"
}

seconds() { # command... -> elapsed seconds
    /usr/bin/time -f "%e" -o "$OUT/time.txt" "$@" > /dev/null 2> "$OUT/stderr.txt" ||
        { echo "failed: $*" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
    tail -1 "$OUT/time.txt"
}

printf "%-6s %10s %6s %12s %6s\n" size read ratio analyze ratio
prev_r=""; prev_a=""
for mb in $SIZES; do
    f=$(make_input "$mb")
    r=$(seconds build/parallax read -q "$f")
    a=$(seconds build/parallax analyze --json "$f")
    rr=$( [ -n "$prev_r" ] && awk -v x="$r" -v y="$prev_r" 'BEGIN { printf "%.2f", x / (y > 0 ? y : 0.01) }' || echo -)
    ra=$( [ -n "$prev_a" ] && awk -v x="$a" -v y="$prev_a" 'BEGIN { printf "%.2f", x / (y > 0 ? y : 0.01) }' || echo -)
    printf "%-6s %9ss %6s %11ss %6s\n" "${mb}MB" "$r" "$rr" "$a" "$ra"
    prev_r=$r; prev_a=$a
done
