#!/bin/sh
# The document model's goals, measured in one run (user CPU seconds and peak
# RSS from /usr/bin/time; user CPU rather than wall time because the machine
# is shared):
#  - cluster (batch) on the 19,043 Reuters-21578 articles that have a body;
#  - cluster --stream on STREAM_N synthetic articles resampled from Reuters
#    (bench/corpora.py stream), articles per CPU second;
#  - analyze --json on all 21,578 Reuters articles and on the 2,225 BBC ones;
#  - ingest with analyses of the 21,578 Reuters articles, side by side with
#    the peer bench/sqlite-fts-ingest.py (Python sqlite3 + FTS5, storage
#    only) on the same file: articles per CPU second of each and the ratio;
#  - the tokeniser and splitter passes of analyze (bench/passes.sh).
# Usage: bench/pipeline.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
SHARED=${PARALLAX_SHARED:-../shared}
OUT=bench/out
STREAM_N=${STREAM_N:-200000}
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax
[ -s $OUT/reuters.jsonl ] || python3 bench/corpora.py reuters $OUT/reuters.jsonl
grep -v '"text": ""' $OUT/reuters.jsonl > $OUT/reuters-body.jsonl

# measure LABEL N CMD...: user CPU, articles per CPU second, peak RSS
measure() {
    label=$1; n=$2; shift 2
    /usr/bin/time -f "%U %M" -o $OUT/time.txt "$@" > /dev/null 2> $OUT/stderr.txt
    set -- $(cat $OUT/time.txt)
    awk -v l="$label" -v n="$n" -v u="$1" -v kb="$2" 'BEGIN {
        printf "%-40s %7d articles %7.2f s CPU %8.0f articles/CPU-s  peak RSS %5.0f MB\n",
               l, n, u, (u > 0 ? n / u : 0), kb / 1024 }'
}

measure "cluster (batch), Reuters with a body" "$(wc -l < $OUT/reuters-body.jsonl)" \
    $PX cluster -q $OUT/reuters-body.jsonl
python3 bench/corpora.py stream "$STREAM_N" $OUT/reuters.jsonl | gzip -1 > $OUT/stream.jsonl.gz
measure "cluster --stream, synthetic" "$STREAM_N" $PX cluster -q --stream $OUT/stream.jsonl.gz
rm -f $OUT/stream.jsonl.gz
measure "analyze --json, Reuters" "$(wc -l < $OUT/reuters.jsonl)" $PX analyze -q --json $OUT/reuters.jsonl
measure "analyze --json, BBC" 2225 $PX analyze -q --json "$SHARED/data/bulk/bbc"

rm -f $OUT/pipe.db* $OUT/pipe-peer.db*
N=$(wc -l < $OUT/reuters.jsonl)
measure "ingest with analyses, Reuters" "$N" $PX ingest -q --db $OUT/pipe.db $OUT/reuters.jsonl
px_u=$(cut -d' ' -f1 $OUT/time.txt)
measure "peer: Python sqlite3 + FTS5 loader" "$N" /usr/bin/python3 bench/sqlite-fts-ingest.py \
    $OUT/pipe-peer.db $OUT/reuters.jsonl
peer_u=$(cut -d' ' -f1 $OUT/time.txt)
awk -v a="$px_u" -v b="$peer_u" -v n="$N" 'BEGIN {
    printf "ingest CPU per article: %.2fx the peer'\''s; at this rate 100,000 articles take %.0f s CPU (peer %.0f s)\n",
           a / b, a / n * 100000, b / n * 100000 }'
rm -f $OUT/pipe.db* $OUT/pipe-peer.db*
bench/passes.sh
