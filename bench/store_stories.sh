#!/bin/sh
# Quality of the STORED stories: giveme5w1h-dev (gold fields stripped) is
# ingested in date order into a fresh database, as a stream would bring it,
# and the story each stored article ended up in is scored against the gold
# events (BCubed P/R/F1, pairwise F1), on all events and on each half
# (bench/stories_eval.py's split), with the online merge of open stories
# off (--active-merge 0) and at its default.
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
for merge in 0 default; do
    flag=""
    [ $merge = default ] || flag="--active-merge $merge"
    for sel in all even odd; do
        db=$OUT/store-stories-$sel-$merge.db
        rm -f $db $db-wal $db-shm
        $PX ingest -q --no-analyze $flag --db $db $OUT/giveme-$sel.dated.jsonl
        printf 'merge %-8s %-4s ' $merge $sel
        python3 bench/store_stories.py $db "$GOLD" --events $sel
    done
done
