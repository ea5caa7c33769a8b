#!/bin/sh
# Article-extraction benchmark: accuracy (shingle F1, see
# ../shared/data/README.md), its spread over pages (bench/extract_spread.py)
# and speed of `parallax extract` against Readability.js (jsdom) and
# readability-lxml on the same pages, in one run.
# usage: bench/extract.sh [DATA_DIR]   (default ../shared/data/extraction)
set -eu
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/extraction}
GT=$DATA/ground-truth.json
[ -x build/parallax ] || make -s build/parallax
bench/setup >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/pages"
for f in "$DATA"/html/*.html.gz; do
    id=$(basename "$f" .html.gz)
    gzip -dc "$f" > "$TMP/pages/$id.html"
done
N=$(ls "$TMP/pages" | wc -l)
MB=$(du -cb "$TMP"/pages/*.html | tail -1 | awk '{printf "%.2f", $1/1e6}')

# wall time of a command in seconds, its peak RSS in KB and its CPU time
# (user + system) in seconds: the CPU time moves less with the load of a
# shared machine than the wall time does
timed() { # out_json time_file cmd...
    out=$1; tf=$2; shift 2
    /usr/bin/time -f "%e %M %U %S" -o "$tf" "$@" > "$out"
}

timed "$TMP/ours.jsonl" "$TMP/ours.time" build/parallax extract --raw -q "$TMP/pages"
python3 bench/extract_ours.py < "$TMP/ours.jsonl" > "$TMP/ours.json"
timed "$TMP/rjs.json" "$TMP/rjs.time" node bench/extract_readability.js "$TMP/pages"
timed "$TMP/rlx.json" "$TMP/rlx.time" /usr/bin/python3 bench/extract_readability_lxml.py "$TMP/pages"

# peak memory of parallax on one page at a time
peak=0
for f in "$TMP"/pages/*.html; do
    /usr/bin/time -f "%M" -o "$TMP/one.time" build/parallax extract --raw -q "$f" > /dev/null || true
    m=$(cat "$TMP/one.time"); [ "$m" -gt "$peak" ] && peak=$m
done

echo "pages: $N ($MB MB of HTML)"
printf '%-22s %-34s %-34s %-34s\n' extractor "F1 all (P R)" "F1 ids 0-4 (tuning)" "F1 ids 5-9 (held out)"
for x in ours:parallax rjs:Readability.js rlx:readability-lxml; do
    key=${x%%:*}; name=${x#*:}
    all=$(python3 bench/extract_score.py "$GT" "$TMP/$key.json")
    lo=$(python3 bench/extract_score.py "$GT" "$TMP/$key.json" --ids 01234)
    hi=$(python3 bench/extract_score.py "$GT" "$TMP/$key.json" --ids 56789)
    printf '%-22s %-34s %-34s %-34s\n' "$name" "$(echo $all | cut -d' ' -f1-3)" "$(echo $lo | cut -d' ' -f1-3)" "$(echo $hi | cut -d' ' -f1-3)"
done
echo
echo "parallax, how stable (bench/extract_spread.py: bootstrap over pages, per-page spread, worst pages):"
for half in 01234:tuning 56789:held-out; do
    printf '  %s: ' "${half#*:}"
    python3 bench/extract_spread.py "$GT" "$TMP/ours.json" --ids "${half%%:*}" --worst 10 \
        $([ "${half%%:*}" = 56789 ] && echo --new-sites 01234) |
        sed '1!s/^/  /'
done
# the same pages without class and id attributes: how much the figure owes
# to the box names in BOX_WORDS
python3 bench/strip_class_id.py "$TMP/pages" "$TMP/bare"
build/parallax extract --raw -q "$TMP/bare" | python3 bench/extract_ours.py > "$TMP/bare.json"
printf '  without class/id attributes: all %s, tuning %s, held-out %s\n' \
    "$(python3 bench/extract_score.py "$GT" "$TMP/bare.json" | cut -d' ' -f1)" \
    "$(python3 bench/extract_score.py "$GT" "$TMP/bare.json" --ids 01234 | cut -d' ' -f1)" \
    "$(python3 bench/extract_score.py "$GT" "$TMP/bare.json" --ids 56789 | cut -d' ' -f1)"
read ot om ou os < "$TMP/ours.time"; read rt rm ru rs < "$TMP/rjs.time"; read lt lm lu ls < "$TMP/rlx.time"
echo
echo "speed (whole process, same pages, one run):"
awk -v n="$N" -v mb="$MB" -v ot="$ot" -v rt="$rt" -v lt="$lt" -v om="$om" -v rm="$rm" -v lm="$lm" -v peak="$peak" \
    -v oc="$ou $os" -v rc="$ru $rs" -v lc="$lu $ls" 'BEGIN {
    split(oc, a, " "); oc = a[1] + a[2]; split(rc, a, " "); rc = a[1] + a[2]; split(lc, a, " "); lc = a[1] + a[2];
    printf "  parallax            %7.2f s  %7.1f pages/s  %6.2f MB/s  peak RSS %d MB (one page at a time: max %.1f MB)\n", ot, n/ot, mb/ot, om/1024, peak/1024;
    printf "  Readability.js      %7.2f s  %7.1f pages/s  %6.2f MB/s  peak RSS %d MB\n", rt, n/rt, mb/rt, rm/1024;
    printf "  readability-lxml    %7.2f s  %7.1f pages/s  %6.2f MB/s  peak RSS %d MB\n", lt, n/lt, mb/lt, lm/1024;
    printf "  CPU time (user + system): parallax %.2f s, Readability.js %.2f s, readability-lxml %.2f s\n", oc, rc, lc;
    printf "  parallax / Readability.js speed ratio: %.1fx wall time, %.1fx CPU time\n", rt/ot, rc/oc;
}'
