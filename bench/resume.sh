#!/bin/sh
# Kill -9 at random moments of an ingest, resume, and compare with an
# uninterrupted ingest of the same input: articles, duplicate groups,
# stories (with their sizes and the articles in each), analyses and stale
# stories must all be equal.
# Input: the BBC corpus (2,225 articles). Usage: bench/resume.sh [KILLS]
# (default 10; after `make`). Prints one line per kill and the tally.
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
OUT=bench/out/resume
KILLS=${1:-10}
mkdir -p "$OUT"
IN="$OUT/bbc.jsonl"
[ -s "$IN" ] || build/parallax read -q "$SHARED/data/bulk/bbc" > "$IN"

summary() { # db -> one line of counts
    sqlite3 "$1" "SELECT (SELECT count(*) FROM articles) || ' articles, ' ||
        (SELECT count(*) FROM dup_groups) || ' groups, ' ||
        (SELECT count(*) FROM stories WHERE n_articles > 0) || ' stories, ' ||
        (SELECT total(n_articles * n_articles) FROM stories) || ' size2, ' ||
        (SELECT count(*) FROM analyses) || ' analyses, ' ||
        (SELECT count(*) FROM stories WHERE stale > 0) || ' stale'"
}

grouping() { # db -> a digest of which articles share a story and which copy which
    sqlite3 "$1" "SELECT g FROM (SELECT group_concat(h, ',') AS g FROM (SELECT sa.story_id AS sid,
        a.content_hash AS h FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY h)
        GROUP BY sid) ORDER BY g; SELECT a.content_hash || '>' || c.content_hash FROM articles a
        JOIN dup_groups d ON d.id = a.dup_group_id JOIN articles c ON c.id = d.canonical_article
        ORDER BY 1" | md5sum | cut -c1-12
}

rm -f "$OUT"/clean.db*
start=$(date +%s.%N)
build/parallax ingest -q --batch 100 --db "$OUT/clean.db" "$IN"
full=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
want="$(summary "$OUT/clean.db"), grouping $(grouping "$OUT/clean.db")"
echo "uninterrupted: $want (${full}s)"
same=0
for i in $(seq 1 "$KILLS"); do
    rm -f "$OUT"/killed.db*
    delay=$(awk -v f="$full" -v seed="$i" 'BEGIN { srand(seed * 7919); printf "%.2f", 0.2 + rand() * f * 0.9 }')
    build/parallax ingest -q --batch 100 --db "$OUT/killed.db" "$IN" & pid=$!
    sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    at=$(summary "$OUT/killed.db" 2>/dev/null || echo "no database yet")
    build/parallax ingest -q --batch 100 --db "$OUT/killed.db" "$IN"
    got="$(summary "$OUT/killed.db"), grouping $(grouping "$OUT/killed.db")"
    [ "$got" = "$want" ] && { same=$((same + 1)); verdict=same; } || verdict=DIFFERENT
    echo "kill $i at ${delay}s ($at) -> resumed: $got: $verdict"
done
echo "resume equals an uninterrupted ingest: $same of $KILLS"
