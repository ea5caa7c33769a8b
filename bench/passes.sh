#!/bin/sh
# How many times `parallax analyze` runs the tokeniser and the sentence
# splitter over each byte of article text (the goal of the document model is
# one pass), on the Giveme5W1H dev stories and on 1,000 BBC articles; with
# cleaning and with --raw, so the clean stage's share shows. The counters are
# px_text_bytes_tokenized() and px_text_bytes_split(), printed by analyze when
# PARALLAX_PASSES is set; bytes are those of the cleaned bodies.
# Usage: bench/passes.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
SHARED=${PARALLAX_SHARED:-../shared}
[ -x $PX ] || make --no-print-directory build/parallax
BBC=$(mktemp -d)
trap 'rm -rf "$BBC"' EXIT
find "$SHARED/data/bulk/bbc" -name '*.txt' | sort | head -n 1000 | while read -r f; do
    cp "$f" "$BBC/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for corpus in "$SHARED/data/stories/giveme5w1h-dev.jsonl" "$BBC"; do
    name=$(basename "$corpus"); [ "$corpus" = "$BBC" ] && name="1,000 BBC articles"
    for mode in clean raw; do
        flag=""; [ $mode = raw ] && flag=--raw
        line=$(PARALLAX_PASSES=1 $PX analyze -q --json $flag "$corpus" 2>&1 >/dev/null | grep '^passes:')
        printf '%-22s %-5s %s\n' "$name" "$mode" "${line#passes: }"
    done
done
