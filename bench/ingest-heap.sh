#!/bin/sh
# What an ingest's heap holds, by owner, at two points of one long ingest of
# bench/ingest-memory.sh's tiny records: heaptrack runs `ingest -q
# --no-analyze`, stopped with SIGTERM (no cleanup: what heaptrack reports as
# leaked is what was live) once the store holds A articles, then again, from
# an empty store, at B. The live bytes are summed by owner (the clusterer's
# and the deduper's reading memos, the positions kept for copies, the list
# of touched stories, SQLite's page cache, the clusterer and the deduper
# with their windows, the rest) and printed with the growth per article
# from A to B: an owner that grows past the windows grows with the input.
# PX names the binary (default build/parallax), OUT the folder.
# Usage: bench/ingest-heap.sh [A] [B] (default 20000 40000; after `make`;
# needs heaptrack).
set -eu
cd "$(dirname "$0")/.."
PX=${PX:-build/parallax}
A=${1:-20000}
B=${2:-40000}
OUT=${OUT:-bench/out/ingest-heap}
mkdir -p "$OUT"
N=$((B + 10000))
GENERATE_ONLY=1 bench/ingest-memory.sh "$N"
IN="bench/out/tiny-$N.jsonl"

live_at() { # articles -> $OUT/at-N.stacks (live bytes by backtrace)
    db="$OUT/at-$1.db"
    rm -f "$db"* "$OUT/at-$1.zst"
    heaptrack -o "$OUT/at-$1" "$PX" ingest -q --no-analyze --db "$db" "$IN" >/dev/null 2>&1 &
    hpid=$!
    pid=
    while [ -z "$pid" ]; do # the ingest itself, heaptrack's child
        sleep 0.5
        pid=$(pgrep -f "^$PX ingest -q --no-analyze --db $db" | head -1 || true)
    done
    while [ "$(sqlite3 "$db" "SELECT coalesce(max(id), 0) FROM articles" 2>/dev/null || echo 0)" -lt "$1" ]; do
        sleep 0.5
    done
    kill -TERM "$pid"
    wait "$hpid" || true
    heaptrack_print -f "$OUT/at-$1.zst" -p 0 -a 0 -T 0 --flamegraph-cost-type leaked \
        -F "$OUT/at-$1.stacks" >/dev/null 2>&1
}

live_at "$A"
live_at "$B"
/usr/bin/python3 - "$OUT/at-$A.stacks" "$OUT/at-$B.stacks" "$A" "$B" <<'PY'
import collections, sys

def owner(names):
    s = set(names)
    if 'memo_keep' in s:
        return "the clusterer's reading memo" if 'read_article' in s else "the deduper's reading memo"
    if 'remember_position' in s:
        return 'positions kept for copies'
    if 'touch' in s or 'mark_touched' in s:
        return 'touched stories'
    if any('sqlite3' in n for n in names):
        return 'SQLite'
    if s & {'px_clusterer_add', 'px_clusterer_place', 'px_clusterer_restore'}:
        return 'the clusterer (window)'
    if 'px_dedup_add' in s:
        return 'the deduper (window)'
    return 'the rest'

def load(path):
    live = collections.Counter()
    for line in open(path):
        stack, _, n = line.rstrip().rpartition(' ')
        live[owner([f.split(' (')[0] for f in stack.split(';') if f])] += int(n)
    return live

a, b = load(sys.argv[1]), load(sys.argv[2])
n = int(sys.argv[4]) - int(sys.argv[3])
print("%-30s %10s %10s %12s" % ("owner", "MB at " + sys.argv[3], "MB at " + sys.argv[4], "B/article"))
for k in sorted(set(a) | set(b), key=lambda k: -(b[k] - a[k])):
    print("%-30s %10.1f %10.1f %12.0f" % (k, a[k] / 1e6, b[k] / 1e6, (b[k] - a[k]) / n))
print("%-30s %10.1f %10.1f %12.0f" % ("all", sum(a.values()) / 1e6, sum(b.values()) / 1e6,
                                      (sum(b.values()) - sum(a.values())) / n))
PY
