#!/bin/sh
# Quality of the STORED stories: giveme5w1h-dev (gold fields stripped) is
# ingested in date order into a fresh database, as a stream would bring it,
# and the story each stored article ended up in is scored against the gold
# events (BCubed P/R/F1, pairwise F1), on all events and on each half
# (bench/stories_eval.py's split): with no merge at all (--active-merge 0
# --final-merge 0), with the online merge of open stories only
# (--final-merge 0), and as ingest runs by default (online merge, then the
# batch merge over the window at the end); then the default again with the
# input ingested in runs of 20 articles, as a periodic job would, each run
# ending with its batch merge; in ten runs of a tenth each; and, to compare,
# `parallax cluster` on the same input in one pass.
# Usage: bench/store_stories.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
SHARED=${PARALLAX_SHARED:-../shared}
GOLD=$SHARED/data/stories/giveme5w1h-dev.jsonl
OUT=bench/out
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax

echo "== giveme5w1h-dev: $(wc -l < $GOLD) articles, ingested in date order"
for sel in all even odd; do
    python3 bench/stories_eval.py strip "$GOLD" $OUT/giveme-$sel.dated.jsonl --events $sel --by-date
done
run() { # LABEL SEL FLAGS...
    label=$1 sel=$2; shift 2
    db=$OUT/store-stories.db
    rm -f $db $db-wal $db-shm
    $PX ingest -q --no-analyze "$@" --db $db $OUT/giveme-$sel.dated.jsonl
    printf '%-10s %-4s ' $label $sel
    python3 bench/store_stories.py $db "$GOLD" --events $sel
}
for sel in all even odd; do run none $sel --active-merge 0 --final-merge 0; done
for sel in all even odd; do run online $sel --final-merge 0; done
for sel in all even odd; do run default $sel; done
for sel in all even odd; do
    db=$OUT/store-stories.db
    rm -f $db $db-wal $db-shm $OUT/store-stories-run.*
    split -l 20 $OUT/giveme-$sel.dated.jsonl $OUT/store-stories-run.
    for part in $OUT/store-stories-run.*; do $PX ingest -q --no-analyze --db $db $part; done
    printf '%-10s %-4s ' runs-of-20 $sel
    python3 bench/store_stories.py $db "$GOLD" --events $sel
done
rm -f $OUT/store-stories-run.*
# the same input in ten ingests of a tenth each, and `cluster` on it in one pass
for sel in all even odd; do
    db=$OUT/store-stories.db
    rm -f $db $db-wal $db-shm $OUT/store-stories-tenth.*
    split -n l/10 $OUT/giveme-$sel.dated.jsonl $OUT/store-stories-tenth.
    for part in $OUT/store-stories-tenth.*; do $PX ingest -q --no-analyze --db $db $part; done
    printf '%-10s %-4s ' ten-runs $sel
    python3 bench/store_stories.py $db "$GOLD" --events $sel
done
rm -f $OUT/store-stories-tenth.*
for sel in all even odd; do
    $PX cluster $OUT/giveme-$sel.dated.jsonl > $OUT/store-stories-cluster.jsonl 2>/dev/null
    printf '%-10s %-4s ' cluster $sel
    python3 bench/stories_eval.py score "$GOLD" $OUT/store-stories-cluster.jsonl --events $sel | tr '\n' ' '
    echo
done
