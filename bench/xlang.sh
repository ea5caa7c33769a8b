#!/bin/sh
# xlang.sh - related stories across languages (docs/links.md):
#  1. link precision and recall on the examples: examples/corpus (English)
#     with examples/xlang (German and French articles about two of its
#     events, and an unrelated German one), every pair of stories of two
#     languages judged by its event;
#  2. the link score on real news of one language: each event of
#     giveme5w1h-dev split into two halves given two languages
#     (bench/xlang_halves.c): an upper bound of recall (names spelt alike)
#     and the false links between events; in all and per half of the events;
#  3. the cost: `parallax analyze` on giveme5w1h-dev (one language: no
#     linking) with this binary and, when BEFORE names one, an older
#     binary; and on giveme5w1h-dev with examples/xlang (several
#     languages: every story compared before any is written), time and
#     peak memory. Best of RUNS (default 5) each, CPU and wall time.
# Usage: [BEFORE=path/to/old/parallax] [RUNS=5] bench/xlang.sh [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
shared=${1:-${PARALLAX_SHARED:-../shared}}
dev=$shared/data/stories/giveme5w1h-dev.jsonl
runs=${RUNS:-5}
[ -f "$dev" ] || { echo "xlang.sh: $dev not found" >&2; exit 1; }
nice make -s build/parallax build/libparallax.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. links on the examples (examples/corpus + examples/xlang)"
PARALLAX_LINKS=1 build/parallax analyze -q --json examples/corpus examples/xlang \
    >"$tmp/ex.json" 2>"$tmp/ex.pairs"
# each story's event from its articles' titles and ids (examples/README.md)
python3 - "$tmp/ex.json" "$tmp/ex.pairs" >"$tmp/ex.tsv" <<'PY'
import json, re, sys
EVENTS = [("bridge", r"Tillman|Bridge|Port Alder|pont|Brücke"),
          ("strike", r"Corran|Strike|Battery|Grève"),
          ("comet", r"Comet|Stargazer"),
          ("festival", r"Kesselbach|Weinfest")]
event = {}
for s in json.load(open(sys.argv[1]))["stories"]:
    text = " ".join((a.get("title") or "") + " " + (a.get("id") or "") for a in s["articles"])
    event[s["story"]] = next(e for e, rx in EVENTS if re.search(rx, text))
for line in open(sys.argv[2]):
    f = line.rstrip("\n").split("\t")
    if f[0] != "link-pair":
        continue
    a, b = event[int(f[1])], event[int(f[2])]
    print("\t".join(["pair", f"{a}:{f[3]}", f"{b}:{f[4]}", str(int(a == b))] + f[5:11]))
PY
python3 bench/xlang_score.py --no-halves "$tmp/ex.tsv" "examples, stories of two languages"
echo "pairs of one event (names, numbers, dates, score, linked, share):"
awk -F'\t' '$4 == 1 { print "  " $2 " ~ " $3 ": " $5 ", " $6 ", " $7 ", " $8 ", " $9 ", " $10 }' "$tmp/ex.tsv"
echo "highest-scoring pair of two events:"
awk -F'\t' '$4 == 0' "$tmp/ex.tsv" | sort -t"$(printf '\t')" -k8,8 -g -r | head -1 |
    awk -F'\t' '{ print "  " $2 " ~ " $3 ": " $5 ", " $6 ", " $7 ", " $8 ", " $9 ", " $10 }'

echo
echo "== 2. the score on real news of one language (giveme5w1h-dev, events split in halves)"
PKGS="gumbo libutf8proc libpcre2-8 zlib libzstd libxxhash sqlite3 libmicrohttpd libcjson libbrotlidec libbrotlienc libexttextcat icu-uc icu-i18n libpq"
cc -std=c17 -O2 -Iinclude bench/xlang_halves.c build/libparallax.a $(pkg-config --libs $PKGS) \
    -lstemmer -lm -lpthread -o "$tmp/halves"
nice "$tmp/halves" "$dev" >"$tmp/halves.tsv"
python3 bench/xlang_score.py "$tmp/halves.tsv" "giveme5w1h-dev halves"

echo
echo "== 3. cost: analyze, best of $runs"
best() { # best BIN ARGS...: the least CPU time (user + system, s), the least wall time (s) and
         # the peak memory (MB) of its runs; CPU time is the figure to compare
         # on a machine shared with other work, where wall time waits
    bin=$1; shift
    c="" w="" m=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" nice "$bin" analyze -q --json "$@" >/dev/null
        read -r u sy t k <"$tmp/time"
        cpu=$(echo "$u + $sy" | bc -l)
        if [ -z "$c" ] || [ "$(echo "$cpu < $c" | bc -l)" = 1 ]; then c=$cpu; fi
        if [ -z "$w" ] || [ "$(echo "$t < $w" | bc -l)" = 1 ]; then w=$t; fi
        [ "$k" -gt "$m" ] && m=$k
    done
    echo "$c s CPU, $w s wall, $((m / 1024)) MB"
}
for input in "$dev" "$dev examples/xlang"; do
    # shellcheck disable=SC2086 # input is one or two paths
    [ -n "${BEFORE:-}" ] && echo "$input, before: $(best "$BEFORE" $input)"
    # shellcheck disable=SC2086
    echo "$input, this binary: $(best build/parallax $input)"
done
