#!/bin/sh
# Entity kinds on real news: the top-10 entities of each story of
# giveme5w1h-dev (../shared/data/stories), scored against the hand labels
# of bench/entity-kinds-even.tsv on the even half of the events (the
# tuning half); the odd half is listed for checking by hand.
# Usage: bench/entity-kinds.sh [--list]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
PX=${PX:-build/parallax}
SHARED=${PARALLAX_SHARED:-../shared}
[ -x "$PX" ] || make --no-print-directory build/parallax
GOLD=$SHARED/data/stories/giveme5w1h-dev.jsonl
python3 bench/entity_kinds.py "$PX" "$GOLD" bench/entity-kinds-even.tsv even "$@"
python3 bench/entity_kinds.py "$PX" "$GOLD" bench/entity-kinds-even.tsv odd "$@"
