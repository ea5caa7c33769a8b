#!/bin/sh
# bench/entities.sh: the entity tagger on CoNLL-2003 dev (../shared/data/
# entities): mention F1 per type and overall, document-level (name, kind)
# F1 of `parallax entities`, both next to the capitalised-run baseline (bench/entities_score.py),
# and the tagger's own mention F1 (every name it tags, before the entity
# rules drop people adjectives like "Israeli") and speed in tokens per
# second of CPU time (scripts/train_ner.c --builtin).
set -e
cd "$(dirname "$0")/.."
DATA=../shared/data/entities
PX=build/parallax
make -s build/parallax build/libparallax.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/docs" "$tmp/out"
python3 - "$DATA/conll2003-dev.jsonl" "$tmp/docs" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    with open(f"{sys.argv[2]}/{d['id']}.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
PY
for f in "$tmp"/docs/*.jsonl; do
    id=$(basename "$f" .jsonl)
    "$PX" entities --raw --mentions "$f" > "$tmp/out/$id.mentions"
    "$PX" entities --raw "$f" > "$tmp/out/$id.entities"
done
python3 bench/entities_score.py "$DATA/conll2003-train.jsonl" "$DATA/conll2003-dev.jsonl" "$tmp/out"
cc -std=c17 -D_GNU_SOURCE -O2 -Iinclude -Isrc scripts/train_ner.c build/libparallax.a \
    $(pkg-config --cflags --libs libcjson libutf8proc libpcre2-8 zlib libzstd libxxhash icu-uc icu-i18n libexttextcat) -lstemmer -lm -lpthread \
    -o "$tmp/train_ner"
"$tmp/train_ner" --builtin --eval "$DATA/conll2003-dev.jsonl" --speed
