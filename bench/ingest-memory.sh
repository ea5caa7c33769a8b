#!/bin/sh
# Memory over a long ingest of tiny records: N JSON Lines records of one
# sentence each (generated: 30 topic words, 50 outlets, a day number),
# ingested in one run; the ingest's resident memory (VmRSS), its peak so far
# (VmHWM) and its heap part (RssAnon: VmRSS less the pages of the database
# that SQLite maps, up to its mmap_size of 256 MiB, which the kernel may
# drop at will) are sampled every second with the number of articles stored,
# and printed with the stories stored each time the store passes another
# 100,000 articles, then at the end. Flat memory: the same peak at every
# mark. The last line gives the resident and heap peaks of the whole run,
# the batch merge at the end included (with ARGS=--no-analyze the run ends
# after it, without the analyses). PX names the binary (default
# build/parallax), OUT the folder, ARGS more options of `ingest`;
# GENERATE_ONLY=1 only writes the records (bench/out/tiny-N.jsonl).
# Usage: bench/ingest-memory.sh [RECORDS] (default 1000000; after `make`).
set -eu
cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out/ingest-memory}
PX=${PX:-build/parallax}
N=${1:-1000000}
mkdir -p "$OUT"
IN="bench/out/tiny-$N.jsonl"
[ -s "$IN" ] || /usr/bin/python3 - "$N" > "$IN" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(7)
words = ["council", "budget", "river", "school", "minister", "strike", "harbour", "festival", "court",
         "storm", "hospital", "railway", "election", "market", "bridge", "museum", "police", "farmers",
         "airport", "energy", "water", "housing", "tax", "union", "fire", "flood", "trade", "bank",
         "team", "match"]
for i in range(n):
    w = rng.sample(words, 4)
    print(json.dumps({"source": "S%d" % (i % 50), "title": "%s %s %d" % (w[0].title(), w[1], i),
                      "text": "The %s and the %s met on day %d about the %s and %s." % (w[0], w[1], i, w[2], w[3])}))
PY
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0
rm -f "$OUT"/tiny.db*
start=$(date +%s)
# shellcheck disable=SC2086 # ARGS is a list of options
"$PX" ingest -q ${ARGS:-} --db "$OUT/tiny.db" "$IN" & pid=$!
mark=100000
peak_anon=0
kb() { awk -v k="$1" '$1 == k ":" { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0; }
printf "%10s %8s %12s %12s %12s %10s\n" articles seconds "RSS MB" "peak MB" "heap MB" stories
while kill -0 "$pid" 2>/dev/null; do
    rss=$(kb VmRSS); hwm=$(kb VmHWM); anon=$(kb RssAnon)
    n=$(sqlite3 "$OUT/tiny.db" "SELECT coalesce(max(id), 0) FROM articles" 2>/dev/null || echo 0)
    if [ "${n:-0}" -ge "$mark" ] && [ -n "$hwm" ]; then
        st=$(sqlite3 "$OUT/tiny.db" "SELECT count(*) FROM stories" 2>/dev/null || echo "?")
        printf "%10s %8s %12s %12s %12s %10s\n" "$n" "$(($(date +%s) - start))" "$((rss / 1024))" "$((hwm / 1024))" \
            "$((anon / 1024))" "$st"
        mark=$((mark + 100000))
    fi
    last_hwm=${hwm:-${last_hwm:-0}}; last_rss=${rss:-${last_rss:-0}}
    [ "${anon:-0}" -gt "$peak_anon" ] && peak_anon=$anon
    sleep 1
done
wait "$pid"
n=$(sqlite3 "$OUT/tiny.db" "SELECT count(*) FROM articles")
printf "%10s %8s %12s %12s %12s (the end: peaks of the whole run, the batch merge and analyses included)\n" \
    "$n" "$(($(date +%s) - start))" "$((last_rss / 1024))" "$((last_hwm / 1024))" "$((peak_anon / 1024))"
