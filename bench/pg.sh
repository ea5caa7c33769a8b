#!/bin/sh
# SQLite and PostgreSQL side by side in one run: single-process ingest rate
# of the bulk corpora (BBC + Reuters-21578 as JSON Lines, --no-analyze)
# into each; search latency p50/p99 over the stored articles of each
# (bench/search_latency.c, the same queries); wrk on GET /api/stories of
# `serve` on each, one after the other. PostgreSQL is a throwaway server on a Unix socket
# (tests/pg-env; fsync off there, synchronous = NORMAL for SQLite).
#
# bench/pg.sh --workers [CHUNKS]: ingest rate of 1, 2 and 4 `parallax
# worker` processes against the PostgreSQL server: the same articles split
# into CHUNKS files (default 16), enqueued into a fresh database, the
# workers started together with --once (cleaning on, --no-analyze); the
# wall time until the last one exits, the stories made (the same for
# every count), and the time of `parallax read` over the same files, the
# part the workers do in parallel.
#
# bench/pg.sh --search [N]: search latency over N articles (default
# 100,000: `bench/corpora.py stream`, Reuters articles resampled with new
# ids, sentences, outlets and dates) on both databases: the ingest of the N
# articles into each (the rate printed as well), then the same 3,000
# searches on each.
#
# Usage: bench/pg.sh [--workers [CHUNKS] | --search [N]] (after `make`;
# WRK_SECONDS=30 by default).
set -eu
cd "$(dirname "$0")/.."
[ -n "${PX_PG_URL:-}" ] || exec tests/pg-env "$0" "$@"
SHARED=${PARALLAX_SHARED:-../shared}
WRK_SECONDS=${WRK_SECONDS:-30}
OUT=bench/out
mkdir -p $OUT
[ -s $OUT/reuters.jsonl ] || /usr/bin/python3 bench/reuters-to-jsonl.py "$SHARED" $OUT/reuters.jsonl
[ -s $OUT/bbc.jsonl ] || build/parallax read --raw -q "$SHARED/data/bulk/bbc" > $OUT/bbc.jsonl
inputs="$OUT/bbc.jsonl $OUT/reuters.jsonl"
n=$(cat $inputs | wc -l)
psql_admin() { "$PX_PG_BIN/psql" -h "$PX_PG_SOCK" -U parallax -d postgres -q -At "$@"; }

# ---- worker scaling -------------------------------------------------------------
if [ "${1:-}" = "--workers" ]; then
    chunks=${2:-16}
    dir=$OUT/pg-chunks
    rm -rf $dir; mkdir -p $dir
    cat $inputs > $dir/all.tmp
    split -d -a 3 -n l/"$chunks" --additional-suffix=.jsonl $dir/all.tmp $dir/part-
    rm $dir/all.tmp
    /usr/bin/time -f "%e" -o $OUT/t-read.txt build/parallax read -q $dir > /dev/null
    echo "read (clean, no store) of $n articles in $chunks files, one process: $(cat $OUT/t-read.txt) s"
    for k in 1 2 4; do
        psql_admin -c "DROP DATABASE IF EXISTS px WITH (FORCE)" -c "CREATE DATABASE px"
        build/parallax enqueue -q --db "$PX_PG_URL" $dir
        start=$(date +%s.%N)
        pids=""
        for i in $(seq $k); do
            build/parallax worker -q --once --no-analyze --db "$PX_PG_URL" 2>$OUT/worker$i.err &
            pids="$pids $!"
        done
        for pid in $pids; do wait $pid; done
        end=$(date +%s.%N)
        stories=$(build/parallax stories --db "$PX_PG_URL" --json --limit 1 | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
        done_items=$(build/parallax workers --db "$PX_PG_URL" 2>&1 | head -1)
        awk -v k=$k -v a=$start -v b=$end -v n=$n -v s=$stories -v d="$done_items" \
            'BEGIN { printf "%d worker(s): %.1f s wall -> %.0f articles/s, queue: %s, %d stories\n", k, b - a, n / (b - a), d, s }' |
            tee -a $OUT/workers.txt
    done
    exit 0
fi
lite=$OUT/pg-vs-sqlite.db
rm -f $lite $lite-wal $lite-shm $lite-ingest.lock
if [ "${1:-}" = "--search" ]; then
    n=${2:-100000}
    inputs=$OUT/stream-$n.jsonl
    [ -s "$inputs" ] || /usr/bin/python3 bench/corpora.py stream "$n" $OUT/reuters.jsonl > "$inputs"
fi

# ---- ingest -------------------------------------------------------------------
ingest() { # LABEL DB
    /usr/bin/time -f "%e %U %S %M" -o $OUT/t-$1.txt build/parallax ingest -q --raw --no-analyze --db "$2" $inputs
    stories=$(build/parallax stories --db "$2" --json --limit 1 | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
    awk -v n="$n" -v label="$1" -v s="$stories" '{
        printf "ingest %d articles into %s, --no-analyze: %.1f s wall, %.1f s CPU (client) -> %.0f articles/s, peak %d MB, %d stories\n", n, label, $1, $2 + $3, n / $1, $4 / 1024, s
    }' $OUT/t-$1.txt
}
ingest sqlite $lite
ingest postgresql "$PX_PG_URL"
awk 'NR == 1 { a = $1 } NR == 2 { b = $1 } END { printf "PostgreSQL / SQLite ingest time: %.2fx\n", b / a }' $OUT/t-sqlite.txt $OUT/t-postgresql.txt
pgsize=$("$PX_PG_BIN/psql" -h "$PX_PG_SOCK" -U parallax -d px -At -c "SELECT pg_database_size('px') / 1048576")
echo "size: SQLite $(du -m $lite | cut -f1) MB, PostgreSQL $pgsize MB (database), $n articles"

# ---- search latency -------------------------------------------------------------
PKG="gumbo libutf8proc libpcre2-8 zlib libzstd libxxhash sqlite3 libmicrohttpd libcjson libbrotlidec libexttextcat icu-uc icu-i18n libpq"
cc -std=c17 -D_GNU_SOURCE -O2 -Iinclude -Isrc $(pkg-config --cflags $PKG) bench/search_latency.c build/libparallax.a \
   $(pkg-config --libs $PKG) -lstemmer -lm -lpthread -o $OUT/search_latency
printf 'search, SQLite: '; $OUT/search_latency $lite 3000
printf 'search, PostgreSQL: '; $OUT/search_latency "$PX_PG_URL" 3000

[ "${1:-}" = "--search" ] && exit 0

# ---- serving from both -------------------------------------------------------
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps --bench"; exit 1; }
serve_wrk() { # LABEL DB
    build/parallax serve --db "$2" --port 0 > $OUT/serve-$1.out 2>&1 &
    pid=$!
    port=""
    for _ in $(seq 100); do
        port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' $OUT/serve-$1.out)
        [ -n "$port" ] && break
        sleep 0.1
    done
    wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$port/api/stories" > $OUT/wrk-$1.txt
    kill $pid; wait $pid 2>/dev/null || true
    rps=$(awk '/Requests\/sec/ { print $2 }' $OUT/wrk-$1.txt)
    total=$(awk '/requests in/ { print $1 }' $OUT/wrk-$1.txt)
    non2xx=$(awk '/Non-2xx/ { print $NF }' $OUT/wrk-$1.txt)
    sock=$(awk '/Socket errors/ { print $0 }' $OUT/wrk-$1.txt)
    p50=$(awk '/ 50%/ { print $2 }' $OUT/wrk-$1.txt)
    p99=$(awk '/ 99%/ { print $2 }' $OUT/wrk-$1.txt)
    echo "wrk GET /api/stories on $1 ${WRK_SECONDS}s, 2 threads, 16 connections: $rps requests/s, $total requests, latency p50 $p50 p99 $p99, non-2xx ${non2xx:-0}, ${sock:-socket errors 0}"
}
serve_wrk sqlite $lite
serve_wrk postgresql "$PX_PG_URL"
