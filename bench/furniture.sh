#!/bin/sh
# Page furniture and function words in the analysis of real multi-outlet
# stories: `parallax analyze` on each half of giveme5w1h-dev (events split
# by a hash of the event id, gold fields stripped; the cleaning and framing
# choices were tuned on the even half), counted by bench/furniture.py:
# top-5 framing terms per outlet that are furniture, function words or
# reporting verbs; summary sentences, timeline entries and top-10 entities
# that are furniture. Then the seeds: what cleaning removed and kept, and
# the articles the reader reports as not articles.
# Usage: bench/furniture.sh [--list]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
PX=${PX:-build/parallax}
SHARED=${PARALLAX_SHARED:-../shared}
GOLD=$SHARED/data/stories/giveme5w1h-dev.jsonl
OUT=bench/out
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax
for sel in even odd all; do
    python3 bench/stories_eval.py strip "$GOLD" $OUT/furniture-$sel.jsonl --events $sel
    $PX analyze --json $OUT/furniture-$sel.jsonl > $OUT/furniture-$sel.report.json 2> $OUT/furniture-$sel.err || true
    printf '%-4s ' $sel
    python3 bench/furniture.py $OUT/furniture-$sel.report.json "$@"
    printf '     removed by reason: '
    $PX read -q --show-removed $OUT/furniture-$sel.jsonl 2>&1 >/dev/null |
        sed -n 's/^removed \[\([^]]*\)\].*/\1/p' | sort | uniq -c |
        awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1} END {print ""}'
    printf '     not articles: %s\n' "$(grep -c 'not an article' $OUT/furniture-$sel.err || true)"
done
