#!/bin/sh
# Reading throughput: articles/s and MB/s of `parallax read --raw` on the
# BBC corpus (2,225 .txt files) and Reuters-21578 (one JSON Lines file), and
# with gzip. Prints peak memory. Usage: bench/read.sh (after `make`).
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
mkdir -p bench/out
[ -s bench/out/reuters.jsonl ] || /usr/bin/python3 bench/reuters-to-jsonl.py "$SHARED" bench/out/reuters.jsonl
[ -s bench/out/reuters.jsonl.gz ] || gzip -kf bench/out/reuters.jsonl

run() { # label, then the input
    label=$1; shift
    bytes=$(du -cb "$@" | tail -1 | cut -f1)
    /usr/bin/time -f "%e %M" -o bench/out/time.txt build/parallax read --raw -q "$@" > bench/out/read.jsonl
    n=$(wc -l < bench/out/read.jsonl)
    set -- $(cat bench/out/time.txt)
    awk -v l="$label" -v n="$n" -v b="$bytes" -v t="$1" -v m="$2" 'BEGIN {
        if (t < 0.01) t = 0.01;
        printf "%-22s %6d articles  %8.0f articles/s  %6.1f MB/s  peak %d MB\n", l, n, n/t, b/1e6/t, m/1024 }'
}
run "bbc (txt files)" "$SHARED/data/bulk/bbc"
run "reuters (jsonl)" bench/out/reuters.jsonl
run "reuters (jsonl.gz)" bench/out/reuters.jsonl.gz
