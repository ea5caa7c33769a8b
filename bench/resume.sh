#!/bin/sh
# Kill -9 at random moments of an ingest, resume, and compare with an
# uninterrupted ingest of the same input: articles, duplicate groups,
# stories (with their sizes and the articles in each), analyses (each
# story's stored report) and stale stories must all be equal.
# Usage: bench/resume.sh [KILLS [FOLDER [BATCH]]] (after `make`): KILLS
# (default 100) kills of an ingest of FOLDER under ../shared/data/bulk
# (default bbc/politics, 417 articles) in batches of BATCH articles
# (default 25), each after a delay drawn uniformly from the length of the
# uninterrupted ingest. Prints one line per kill and the tally.
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
OUT=bench/out/resume
KILLS=${1:-100}
FOLDER=${2:-bbc/politics}
BATCH=${3:-25}
mkdir -p "$OUT"
IN="$OUT/$(echo "$FOLDER" | tr '/' '-').jsonl"
[ -s "$IN" ] || build/parallax read -q "$SHARED/data/bulk/$FOLDER" > "$IN"

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

analyses() { # db -> a digest of each story's articles with its stored report
    sqlite3 "$1" "SELECT g || ' ' || hex(an.report) FROM (SELECT sid, group_concat(h, ',') AS g FROM
        (SELECT sa.story_id AS sid, a.content_hash AS h FROM story_articles sa JOIN articles a
         ON a.id = sa.article_id ORDER BY h) GROUP BY sid) JOIN analyses an ON an.story_id = sid
        ORDER BY 1" | md5sum | cut -c1-12
}

rm -f "$OUT"/clean.db*
start=$(date +%s.%N)
build/parallax ingest -q --batch "$BATCH" --db "$OUT/clean.db" "$IN"
full=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
want="$(summary "$OUT/clean.db"), grouping $(grouping "$OUT/clean.db"), reports $(analyses "$OUT/clean.db")"
echo "uninterrupted: $want (${full}s)"
same=0
for i in $(seq 1 "$KILLS"); do
    rm -f "$OUT"/killed.db*
    r=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
    delay=$(awk -v f="$full" -v r="$r" 'BEGIN { printf "%.2f", r / 4294967296 * f }')
    build/parallax ingest -q --batch "$BATCH" --db "$OUT/killed.db" "$IN" & pid=$!
    sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    at=$(summary "$OUT/killed.db" 2>/dev/null || echo "no database yet")
    build/parallax ingest -q --batch "$BATCH" --db "$OUT/killed.db" "$IN"
    got="$(summary "$OUT/killed.db"), grouping $(grouping "$OUT/killed.db"), reports $(analyses "$OUT/killed.db")"
    [ "$got" = "$want" ] && { same=$((same + 1)); verdict=same; } || verdict=DIFFERENT
    echo "kill $i at ${delay}s ($at) -> resumed: $got: $verdict"
done
echo "resume equals an uninterrupted ingest: $same of $KILLS"
