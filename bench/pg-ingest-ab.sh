#!/bin/sh
# Single-process ingest, SQLite against PostgreSQL, for one or more
# parallax binaries alternated in one sitting (an A/B of a change):
# for each round and each binary, `ingest -q --raw --no-analyze` of INPUT
# into a fresh SQLite file, then into a fresh database of one throwaway
# PostgreSQL (tests/pg-env, fsync off). Prints wall, user and system
# seconds of the client and the server's CPU (the postmaster's children,
# from /proc) for each. DIGEST=1 also prints digests of what PostgreSQL
# stored (articles without their ingest time, story memberships, stories
# without their timestamps, duplicate groups, `export --jsonl`), which
# must not change between binaries.
# Usage: [ROUNDS="1 2 3"] [DIGEST=1] bench/pg-ingest-ab.sh INPUT BINARY...
set -u
cd "$(dirname "$0")/.."
[ -n "${PX_PG_URL:-}" ] || exec tests/pg-env "$0" "$@"
mkdir -p bench/out
in=$1; shift
pm=$(head -1 "$PX_PG_DATA/postmaster.pid")
psqlx() { "$PX_PG_BIN/psql" -h "$PX_PG_SOCK" -U parallax -d postgres -q -At "$@"; }
# the CPU ticks of the postmaster's children that ended: the ingest's
# server process once it has exited (hence the pause after the ingest)
srv() { awk '{print $16+$17}' /proc/$pm/stat; }
tck=$(getconf CLK_TCK)
for round in ${ROUNDS:-1}; do
for bin in "$@"; do
  db=bench/out/pg-ab.db; rm -f $db $db-wal $db-shm $db-ingest.lock
  /usr/bin/time -f "%e %U %S" -o bench/out/t-pg-ab.txt nice $bin ingest -q --raw --no-analyze --db $db $in
  echo "round $round $bin sqlite: $(cat bench/out/t-pg-ab.txt) load $(cut -d' ' -f1 /proc/loadavg)"
  psqlx -c "DROP DATABASE IF EXISTS px WITH (FORCE)" -c "CREATE DATABASE px"
  s0=$(srv)
  /usr/bin/time -f "%e %U %S" -o bench/out/t-pg-ab.txt nice $bin ingest -q --raw --no-analyze --db "$PX_PG_URL" $in
  sleep 0.3
  s1=$(srv)
  echo "round $round $bin pg: $(cat bench/out/t-pg-ab.txt) server $(awk -v a=$s0 -v b=$s1 -v t=$tck 'BEGIN { printf "%.2f", (b - a) / t }') load $(cut -d' ' -f1 /proc/loadavg)"
  if [ -n "${DIGEST:-}" ]; then
    "$PX_PG_BIN/psql" -h "$PX_PG_SOCK" -U parallax -d px -At \
      -c "SELECT 'articles', md5(string_agg((to_jsonb(a) - 'ingested_at')::text, chr(10) ORDER BY id)) FROM articles a" \
      -c "SELECT 'memberships', md5(string_agg(s::text, chr(10) ORDER BY article_id)) FROM story_articles s" \
      -c "SELECT 'stories', md5(string_agg((id,key,n_articles,n_sources,first_date,last_date,title,stale)::text, chr(10) ORDER BY id)) FROM stories" \
      -c "SELECT 'dups', md5(string_agg(d::text, chr(10) ORDER BY 1)) FROM (SELECT * FROM dup_groups) d"
    echo "  export $($bin export --jsonl --db "$PX_PG_URL" | md5sum | cut -c1-12)"
  fi
done
done
