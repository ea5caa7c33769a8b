#!/bin/sh
# analyze.sh - speed of `parallax analyze` on one large story: N articles
# (default 1,000) from the public BBC News bulk corpus, spread over 10
# outlets, treated as one story, on one core. Goal: under 1 s per 100
# articles. Prints the figure. Usage: bench/analyze.sh [N] [SHARED_DIR]
set -e
n=${1:-1000}
shared=${2:-../shared}
bbc=$shared/data/bulk/bbc
[ -d "$bbc" ] || { echo "analyze.sh: $bbc not found" >&2; exit 1; }
make -s build/parallax
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$bbc" "$n" "$tmp/story.jsonl" <<'PY'
import glob, json, sys
paths = sorted(glob.glob(sys.argv[1] + "/*/*.txt"))[: int(sys.argv[2])]
with open(sys.argv[3], "w") as out:
    for i, p in enumerate(paths):
        text = open(p, encoding="utf-8", errors="replace").read()
        title, _, body = text.partition("\n")
        out.write(json.dumps({"id": "bbc-%d" % i, "source": "Outlet %d" % (i % 10),
                              "date": "2005-03-%02d" % (1 + i % 28),
                              "title": title.strip(), "text": body.strip()}) + "\n")
PY
articles=$(wc -l < "$tmp/story.jsonl")
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
best=""
for run in 1 2 3; do
    start=$(date +%s.%N)
    $pin build/parallax analyze -q --one-story --json "$tmp/story.jsonl" > "$tmp/out.json"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
per100=$(echo "$best * 100 / $articles" | bc -l)
printf 'analyze: %d articles as one story (10 outlets), best of 3 on one core: %.2f s total, %.3f s per 100 articles (goal < 1)\n' \
    "$articles" "$best" "$per100"
/usr/bin/python3 -c "
import json,sys; s=json.load(open(sys.argv[1]))['stories'][0]
print('  report: %d sentences in summary, %d facts, %d timeline events, %d numbers, %d quotes' % (
    len(s['summary']), len(s['consensus']['facts']), len(s['timeline']), len(s['numbers']), len(s['quotes'])))" "$tmp/out.json"
