#!/bin/sh
# conflicts.sh - numbers across outlets on the Giveme5W1H dev events, scored
# against the hand-made quantity gold (giveme5w1h-dev-quantities.jsonl):
# precision/recall of the disagreements the report shows (conflict or
# evolving), of its agreements, and the value F1 of the figures on the gold
# reports. Events are split by the parity of their id; the rules were tuned
# on the even half only, both halves are printed, each with the counts of
# bench/conflicts_ceiling.py (how far the gold disagreements get: read, in
# event scope, in one disagreement of the report, shown). Then the hard negatives:
# the ECB+ dev topics, two events of one kind each analysed as one story,
# and how many shown disagreements and agreements mix the two events.
# Usage: bench/conflicts.sh [SHARED_DIR] [--show]
set -e
shared=${1:-../shared}
stories=$shared/data/stories
[ -f "$stories/giveme5w1h-dev-quantities.jsonl" ] || { echo "conflicts.sh: $stories not found" >&2; exit 1; }
make -s build/parallax
for half in even odd; do
    /usr/bin/python3 bench/conflicts_score.py build/parallax "$stories/giveme5w1h-dev.jsonl" \
        "$stories/giveme5w1h-dev-quantities.jsonl" --half $half $2
    # where recall is lost, in counts only
    /usr/bin/python3 bench/conflicts_ceiling.py build/parallax "$stories/giveme5w1h-dev.jsonl" \
        "$stories/giveme5w1h-dev-quantities.jsonl" --half $half
done
if [ -f "$stories/ecbplus-dev.jsonl" ]; then
    /usr/bin/python3 bench/conflicts_ecb.py build/parallax "$stories/ecbplus-dev.jsonl"
fi
