#!/bin/sh
# Store, search and serve: ingest rate into SQLite on the bulk corpora (BBC
# + Reuters-21578 as JSON Lines), with and without the analyses refreshed at
# the end, side by side with a bare Python sqlite3 + FTS5 loader; search
# latency p50/p99 over the stored articles; wrk against GET /api/stories and
# GET /api/stories/{id} (the largest story's stored report) on loopback
# (requests/s, errors, RSS before and after). Usage: bench/store.sh (after
# `make`; WRK_SECONDS=30 by default).
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
WRK_SECONDS=${WRK_SECONDS:-30}
OUT=bench/out
mkdir -p $OUT
[ -s $OUT/reuters.jsonl ] || /usr/bin/python3 bench/reuters-to-jsonl.py "$SHARED" $OUT/reuters.jsonl
[ -s $OUT/bbc.jsonl ] || build/parallax read --raw -q "$SHARED/data/bulk/bbc" > $OUT/bbc.jsonl
inputs="$OUT/bbc.jsonl $OUT/reuters.jsonl"
n=$(cat $inputs | wc -l)

# ---- ingest ---------------------------------------------------------------
for db in store store-na peer; do rm -f $OUT/$db.db $OUT/$db.db-wal $OUT/$db.db-shm; done
/usr/bin/time -f "%e %U %S %M" -o $OUT/t-px.txt build/parallax ingest -q --raw --no-analyze --db $OUT/store-na.db $inputs
/usr/bin/time -f "%e %U %S %M" -o $OUT/t-an.txt build/parallax ingest -q --raw --db $OUT/store.db $inputs
/usr/bin/time -f "%e %U %S %M" -o $OUT/t-peer.txt /usr/bin/python3 bench/sqlite-fts-ingest.py $OUT/peer.db $inputs
stories=$(build/parallax stories --db $OUT/store.db --json --limit 1 | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
size() { du -m "$OUT/$1.db" | cut -f1; }
awk -v n="$n" -v s="$stories" -v sa="$(size store)" -v sn="$(size store-na)" '
    FNR == 1 && NR == 1 { pw = $1; pc = $2 + $3; pm = $4 }
    FNR == 1 && NR == 2 { aw = $1; ac = $2 + $3; am = $4 }
    FNR == 1 && NR == 3 { qw = $1; qc = $2 + $3; qm = $4 }
    END {
        printf "ingest %d articles, --no-analyze: parallax %.1f s wall, %.1f s CPU -> %.0f articles/s (%.0f per CPU-second), peak %d MB, %d stories, database %d MB\n", n, pw, pc, n / pw, n / pc, pm / 1024, s, sn
        printf "ingest %d articles with the analyses of all %d stories refreshed at the end: %.1f s wall, %.1f s CPU -> %.0f articles/s (%.0f per CPU-second), peak %d MB, database %d MB; analyses %.1f s CPU (%.1f ms per story)\n", n, s, aw, ac, n / aw, n / ac, am / 1024, sa, ac - pc, 1000 * (ac - pc) / s
        printf "peer (python3 sqlite3 + FTS5, no dedup/clustering): %.1f s wall, %.1f s CPU -> %.0f articles/s (%.0f per CPU-second)\n", qw, qc, n / qw, n / qc
        printf "ratio parallax (--no-analyze) / peer articles per CPU-second: %.2f\n", (n / pc) / (n / qc)
    }' $OUT/t-px.txt $OUT/t-an.txt $OUT/t-peer.txt

# ---- search latency ---------------------------------------------------------
PKG="gumbo libutf8proc libpcre2-8 zlib libzstd libxxhash sqlite3 libmicrohttpd libcjson libbrotlidec libexttextcat icu-uc icu-i18n libpq"
cc -std=c17 -D_GNU_SOURCE -O2 -Iinclude -Isrc $(pkg-config --cflags $PKG) bench/search_latency.c build/libparallax.a \
   $(pkg-config --libs $PKG) -lstemmer -lm -lpthread -o $OUT/search_latency
$OUT/search_latency $OUT/store.db 3000

# ---- serving ----------------------------------------------------------------
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps --bench"; exit 1; }
build/parallax serve --db $OUT/store.db --port 0 > $OUT/serve.out 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' $OUT/serve.out)
    [ -n "$port" ] && break
    sleep 0.1
done
rss() { awk '/VmRSS/ { print int($2 / 1024) }' /proc/$pid/status; }
# The story with the most articles: its report is the largest to serve.
big=$(build/parallax stories --db $OUT/store.db --json --limit 10000 |
      /usr/bin/python3 -c 'import json,sys; s=json.load(sys.stdin)["stories"]; b=max(s, key=lambda x: x["articles"]); print(b["id"], b["articles"])')
set -- $big
run_wrk() { # PATH LABEL
    before=$(rss)
    wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$port$1" > $OUT/wrk.txt
    after=$(rss)
    rps=$(awk '/Requests\/sec/ { print $2 }' $OUT/wrk.txt)
    total=$(awk '/requests in/ { print $1 }' $OUT/wrk.txt)
    non2xx=$(awk '/Non-2xx/ { print $NF }' $OUT/wrk.txt)
    sock=$(awk '/Socket errors/ { print $0 }' $OUT/wrk.txt)
    p50=$(awk '/ 50%/ { print $2 }' $OUT/wrk.txt)
    p99=$(awk '/ 99%/ { print $2 }' $OUT/wrk.txt)
    echo "wrk GET $1 ($2) ${WRK_SECONDS}s, 2 threads, 16 connections: $rps requests/s, $total requests, latency p50 $p50 p99 $p99, non-2xx ${non2xx:-0}, ${sock:-socket errors 0}, server RSS $before MB before, $after MB after"
}
run_wrk /api/stories "100 stories per page"
bytes=$(curl -s "http://127.0.0.1:$port/api/stories/$1" | wc -c)
run_wrk "/api/stories/$1" "stored report of the largest story, $2 articles, $bytes bytes"
kill $pid; wait $pid 2>/dev/null || true; trap - EXIT
