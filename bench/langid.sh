#!/bin/sh
# Language identification: parallax (libexttextcat fingerprints restricted to
# the languages parallax knows, CJK by script) against CLD2 (Debian
# libcld2-dev) and libexttextcat's own classifier with all 160 fingerprints,
# on the UD dev texts of 11 languages and the English giveme5w1h dev
# articles. Prints the share correct per language, both halves; then how
# many all-English Reuters-21578 articles are read as another language.
# Usage: bench/langid.sh   (needs g++ and libcld2-dev: scripts/install-deps --bench)
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
[ -f build/libparallax.a ] || make -s build/libparallax.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PKGS="libutf8proc libpcre2-8 libxxhash libcjson zlib libzstd libexttextcat icu-uc icu-i18n"
cc -std=c17 -O2 -Iinclude bench/langid_detect.c build/libparallax.a $(pkg-config --libs $PKGS) \
    -lstemmer -lm -lpthread -o "$tmp/parallax"
cc -std=c17 -O2 $(pkg-config --cflags libexttextcat) bench/langid_textcat.c \
    $(pkg-config --libs libexttextcat) -o "$tmp/textcat"
g++ -O2 bench/langid_cld2.cc -lcld2 -o "$tmp/cld2"
dir=$(pkg-config --variable=pkgdatadir libexttextcat)
python3 bench/langid_score.py "$SHARED" "parallax=$tmp/parallax" "cld2=$tmp/cld2" \
    "textcat-all=$tmp/textcat $dir/fpdb.conf $dir/"

# All-English wire text with tables of figures: how many articles of
# Reuters-21578 the reader gives another language (each is a mistake).
[ -x build/parallax ] || make -s build/parallax
[ -s bench/out/reuters.jsonl ] || { mkdir -p bench/out && python3 bench/corpora.py reuters bench/out/reuters.jsonl; }
build/parallax read -q bench/out/reuters.jsonl | python3 -c '
import collections, json, sys
langs = collections.Counter(json.loads(line).get("language") for line in sys.stdin)
other = sum(n for lang, n in langs.items() if lang != "en")
print(f"reuters-21578 (all English): {other} of {sum(langs.values())} articles read as another language:",
      ", ".join(f"{lang} {n}" for lang, n in langs.most_common() if lang != "en"))'
