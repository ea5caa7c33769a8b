#!/bin/sh
# Headline and gist quality (bench/headline_eval.py): on each gold event of
# giveme5w1h-dev with two or more outlets, per half of the events, and on the
# seeds. Usage: bench/headline.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
[ -x build/parallax ] || make --no-print-directory build/parallax
python3 bench/headline_eval.py build/parallax "$SHARED/data/stories/giveme5w1h-dev.jsonl" "$SHARED/seeds"
