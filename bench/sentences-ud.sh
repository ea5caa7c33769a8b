#!/bin/sh
# Sentence span F1 per language on the UD dev text (CoNLL 2018 style, see
# ../shared/data/sentences/ud/README.md): the own rules, ICU's sentence
# break iterator (locale LANG@ss=standard) and the method parallax chooses
# for the language, with the macro average over the languages. Scored on
# the items at even positions, at odd positions, and on all of them; then
# the chosen method's speed per language (CPU time, PASSES passes over all
# items, MB/s; PASSES=2000 for figures steady on a loaded machine).
# Usage: [PASSES=N] bench/sentences-ud.sh [LANG...]
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
UD=$SHARED/data/sentences/ud
make -s build/libparallax.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PKGS="libutf8proc libpcre2-8 libxxhash libcjson zlib libzstd libexttextcat icu-uc icu-i18n"
cc -std=c17 -D_GNU_SOURCE -O2 -Iinclude $(pkg-config --cflags libcjson) bench/sentences_ud.c \
    build/libparallax.a $(pkg-config --libs $PKGS) -lstemmer -lm -lpthread -o "$tmp/sentences_ud"
langs=${*:-$(cd "$UD" && ls *.jsonl | sed 's/\.jsonl$//')}
for half in 0 1 2; do
    for l in $langs; do
        "$tmp/sentences_ud" "$UD/$l.jsonl" "$l" "$half" | sed "s/^/$l /"
    done > "$tmp/half$half"
done
python3 - "$tmp" <<'PY'
import os, sys
def table(path):
    rows = {}
    for line in open(path):
        if line.split()[1] == "speed":
            continue
        lang, method, gold, pred, ok, ends = line.split()
        gold, pred, ok = int(gold), int(pred), int(ok)
        f1 = 2 * ok / (gold + pred) if gold + pred else 0.0
        rows.setdefault(method, {})[lang] = 100 * f1
    return rows
names = {"0": "even items", "1": "odd items", "2": "all items"}
for half in "012":
    rows = table(f"{sys.argv[1]}/half{half}")
    langs = list(rows["rules"])
    print(f"span F1, {names[half]}")
    print("  " + f"{'':7}" + "".join(f"{l:>6}" for l in langs) + f"{'macro':>7}")
    for method, row in rows.items():
        macro = sum(row.values()) / len(row)
        print(f"  {method:7}" + "".join(f"{row[l]:6.1f}" for l in langs) + f"{macro:7.1f}")
speed = [line.split() for line in open(f"{sys.argv[1]}/half2") if line.split()[1] == "speed"]
print(f"speed of the chosen method, MB/s (CPU time, {os.environ.get('PASSES', '20')} passes)")
print("  " + " ".join(f"{l} {int(b) / float(t) / 1e6:.0f}" for l, _, b, t in speed))
PY
