#!/bin/sh
# Near-duplicate detection: precision/recall at the default thresholds on a
# test set made by mutating real BBC and Reuters articles (bench/dedup_set.py
# says how), plus the speed of the run.
# Usage: bench/dedup.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
OUT=bench/out
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax
[ -s $OUT/reuters.jsonl ] || python3 bench/corpora.py reuters $OUT/reuters.jsonl
python3 bench/dedup_set.py build $OUT/dedup-set.jsonl $OUT/dedup-truth.json
start=$(date +%s.%N)
$PX dedup -q $OUT/dedup-set.jsonl > $OUT/dedup-set.groups
end=$(date +%s.%N)
python3 bench/dedup_set.py score $OUT/dedup-truth.json $OUT/dedup-set.groups
echo "time $(echo "$end - $start" | bc) s for $(wc -l < $OUT/dedup-set.jsonl) articles"
