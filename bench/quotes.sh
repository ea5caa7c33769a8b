#!/bin/sh
# Quote benchmark: PolNeAR direct-quote spans and speakers (train and dev,
# scored separately; rules in bench/quotes_score.py and docs/claims.md),
# then extraction speed (entities + quotes + numbers) per 100 articles.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
python3 bench/quotes_score.py "$BIN" "$DATA/quotes/polnear" train dev
# speed: the 2,225 BBC articles, each command over all of them
n=$(find "$DATA/bulk/bbc" -name '*.txt' | wc -l)
start=$(date +%s.%N)
for c in entities quotes numbers; do "$BIN" $c -q "$DATA/bulk/bbc" >/dev/null || true; done
end=$(date +%s.%N)
echo "$n $start $end" | awk '{t=$3-$2; printf "speed: entities+quotes+numbers over %d BBC articles in %.2fs = %.3fs per 100 articles (one core)\n", $1, t, t*100/$1}'
