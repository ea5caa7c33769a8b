#!/bin/sh
# `serve` under hostile clients: wrk with 64 connections on /api/stories
# for WRK_SECONDS (default 60), first alone, then while SLOW_CLIENTS
# (default 1,000) slowloris connections from 8 loopback addresses each send
# a header byte every 5 s and reconnect when cut (bench/slowloris.py); then
# the server's peak memory for compressed-bomb POSTs of about 2 MB.
# Store: the BBC corpus (2,225 articles). Usage: bench/serve-hostile.sh
# (after `make`).
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
OUT=bench/out/serve-hostile
WRK_SECONDS=${WRK_SECONDS:-60}
SLOW=${SLOW_CLIENTS:-1000}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps --bench"; exit 1; }
if [ ! -s "$OUT/store.db" ]; then
    build/parallax read -q "$SHARED/data/bulk/bbc" > "$OUT/bbc.jsonl"
    build/parallax ingest -q --db "$OUT/store.db" "$OUT/bbc.jsonl"
fi

pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT
start_server() {
    rm -f "$OUT/serve.out" # not the last server's port
    build/parallax serve --db "$OUT/store.db" --port 0 > "$OUT/serve.out" 2>&1 &
    pid=$!
    port=""
    for _ in $(seq 100); do
        port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$OUT/serve.out" 2>/dev/null || true)
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "the server did not start:"; cat "$OUT/serve.out"; exit 1
}
stop_server() { kill $pid; wait $pid 2>/dev/null || true; pid=""; }
mem() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' /proc/$pid/status; } # VmRSS / VmHWM, MB

run_wrk() { # LABEL
    wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$port/api/stories" > "$OUT/wrk.txt" 2>&1
    rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/wrk.txt")
    total=$(awk '/requests in/ { print $1 }' "$OUT/wrk.txt")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$OUT/wrk.txt")
    sock=$(awk '/Socket errors/ { print $0 }' "$OUT/wrk.txt")
    p50=$(awk '/ 50%/ { print $2 }' "$OUT/wrk.txt")
    p99=$(awk '/ 99%/ { print $2 }' "$OUT/wrk.txt")
    echo "$1: wrk GET /api/stories ${WRK_SECONDS}s, 64 connections: $rps requests/s, $total requests," \
         "latency p50 $p50 p99 $p99, non-2xx ${non2xx:-0}, ${sock:-socket errors 0}, server RSS $(mem VmRSS) MB"
}

start_server
run_wrk "no slow clients"
python3 bench/slowloris.py "$port" "$SLOW" $((WRK_SECONDS + 15)) 8 5 > "$OUT/slow.txt" &
slow=$!
sleep 10 # every slow connection open, before the normal clients come
run_wrk "$SLOW slow clients"
wait $slow
echo "  $(cat "$OUT/slow.txt")"
stop_server

# Compressed bombs, each on a fresh server: about 2 MB of gzip that would
# expand to 2 GB (newlines) or 512 MB (one short JSONL record repeated).
python3 - "$OUT" <<'PY'
import os, sys, zlib
out = sys.argv[1]
def bomb(name, unit, total):
    if os.path.exists(f"{out}/{name}.gz"):
        return
    z = zlib.compressobj(6, zlib.DEFLATED, 31)
    block = unit * ((4 << 20) // len(unit))
    with open(f"{out}/{name}.gz", "wb") as f:
        for _ in range(total // len(block)):
            f.write(z.compress(block))
        f.write(z.flush())
bomb("newlines", b"\n", 2 << 30)
record = (b'{"source":"Bomb","title":"Rates rise again","text":"The central bank raised its rate by half '
          b'a point on Thursday, the third rise this year, citing prices that keep climbing."}\n')
bomb("records", record, 512 << 20)
PY
for b in newlines records; do
    start_server
    before=$(mem VmRSS)
    status=$(curl -s -o "$OUT/bomb.json" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' \
                  --data-binary @"$OUT/$b.gz" "http://127.0.0.1:$port/api/articles")
    echo "bomb $b: $(stat -c %s "$OUT/$b.gz") bytes of gzip, answer $status" \
         "$(head -c 160 "$OUT/bomb.json"), server RSS $before MB before, peak $(mem VmHWM) MB"
    stop_server
done
