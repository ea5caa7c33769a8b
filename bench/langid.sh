#!/bin/sh
# Language identification: parallax (libexttextcat fingerprints restricted to
# the languages parallax knows, CJK by script) against CLD2 (Debian
# libcld2-dev) and libexttextcat's own classifier with all 160 fingerprints,
# on the UD dev texts of 11 languages and the English giveme5w1h dev
# articles. Prints the share correct per language, both halves.
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
