#!/bin/sh
# Speed and memory of `parallax dedup` and `parallax cluster` on Reuters-21578
# (21,578 articles) and on a synthetic stream resampled from it (STREAM_N
# articles, default 1,000,000, piped in so it is never held whole), with peak
# RSS; then side by side with scikit-learn TF-IDF + AgglomerativeClustering
# (/usr/bin/python3) on the same 5,000 Reuters articles, and the BCubed F1 of
# both on giveme5w1h-dev (the peer's distance threshold, 0.9, was chosen on
# the even half of the events like parallax's defaults).
# MEMORY_ONLY=1 runs only `cluster --stream --stats` on the first 200,000
# articles of the stream and on all STREAM_N, to show that peak RSS and what
# the clusterer holds do not grow with the stream.
# Usage: bench/cluster-speed.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
OUT=bench/out
SHARED=${PARALLAX_SHARED:-../shared}
STREAM_N=${STREAM_N:-1000000}
SUBSET=${SUBSET:-5000}
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax
[ -s $OUT/reuters.jsonl ] || python3 bench/corpora.py reuters $OUT/reuters.jsonl
N=$(wc -l < $OUT/reuters.jsonl)

# run LABEL N CMD...: prints articles/s and peak RSS of CMD
run() {
    label=$1; n=$2; shift 2
    /usr/bin/time -f "%e %M" -o $OUT/time.txt "$@" > $OUT/run.out
    set -- $(cat $OUT/time.txt)
    awk -v l="$label" -v n="$n" -v s="$1" -v kb="$2" 'BEGIN {
        printf "%-34s %8d articles %7.2f s %9.0f articles/s  peak RSS %5.0f MB\n",
               l, n, s, (s > 0 ? n / s : 0), kb / 1024 }'
}

if [ "${MEMORY_ONLY:-0}" = 1 ]; then
    echo "== memory: cluster --stream over 200,000 and $STREAM_N stream articles"
    python3 bench/corpora.py stream $STREAM_N $OUT/reuters.jsonl | gzip -1 > $OUT/stream.jsonl.gz
    zcat $OUT/stream.jsonl.gz | head -n 200000 | gzip -1 > $OUT/stream200k.jsonl.gz
    for f in stream200k stream; do
        n=$(zcat $OUT/$f.jsonl.gz | wc -l)
        /usr/bin/time -f "%e %M" -o $OUT/time.txt $PX cluster -q --stream --stats $OUT/$f.jsonl.gz \
            > $OUT/run.out 2> $OUT/stats.txt
        set -- $(cat $OUT/time.txt)
        awk -v n="$n" -v s="$1" -v kb="$2" 'BEGIN {
            printf "%8d articles %7.1f s  peak RSS %4.0f MB\n", n, s, kb / 1024 }'
        sed 's/^/   /' $OUT/stats.txt
    done
    rm -f $OUT/stream.jsonl.gz $OUT/stream200k.jsonl.gz
    exit 0
fi

echo "== Reuters-21578"
run "dedup" $N $PX dedup -q $OUT/reuters.jsonl
echo "   $(wc -l < $OUT/run.out) groups of copies"
run "cluster --stream (online)" $N $PX cluster -q --stream $OUT/reuters.jsonl
echo "   $(wc -l < $OUT/run.out) stories"
run "cluster (online + batch merge)" $N $PX cluster -q $OUT/reuters.jsonl
echo "   $(wc -l < $OUT/run.out) stories"

echo "== synthetic stream: $STREAM_N articles resampled from Reuters"
# written to disk (gzip, read back on the fly) so that the generator's speed
# does not limit the measurement
python3 bench/corpora.py stream $STREAM_N $OUT/reuters.jsonl | gzip -1 > $OUT/stream.jsonl.gz
run "dedup (window 25,000)" $STREAM_N $PX dedup -q $OUT/stream.jsonl.gz
run "cluster --stream" $STREAM_N $PX cluster -q --stream $OUT/stream.jsonl.gz
run "cluster --stream --no-dedup" $STREAM_N $PX cluster -q --stream --no-dedup $OUT/stream.jsonl.gz
echo "   (peak RSS is bounded by the active window, not by the stream: compare with the Reuters runs)"
rm -f $OUT/stream.jsonl.gz

echo "== side by side with scikit-learn on the same $SUBSET Reuters articles"
grep -v '"text": ""' $OUT/reuters.jsonl | head -n $SUBSET > $OUT/subset.jsonl
run "parallax cluster" $SUBSET $PX cluster -q $OUT/subset.jsonl
px_s=$(cut -d' ' -f1 $OUT/time.txt)
sk=$(/usr/bin/time -f "%e %M" -o $OUT/time.txt /usr/bin/python3 bench/sklearn_peer.py time $OUT/subset.jsonl 0.9)
sk_s=${sk% *}
echo "sklearn TF-IDF + Agglomerative       $SUBSET articles $sk_s s (clustering only; process peak RSS $(awk '{printf "%.0f", $2/1024}' $OUT/time.txt) MB), ${sk#* } clusters"
awk -v a="$sk_s" -v b="$px_s" 'BEGIN { printf "speed ratio: parallax (whole process, reading included) is %.1fx faster than sklearn (clustering only)\n", a / b }'

GOLD=$SHARED/data/stories/giveme5w1h-dev.jsonl
python3 bench/stories_eval.py strip "$GOLD" $OUT/giveme-all.jsonl
$PX cluster -q $OUT/giveme-all.jsonl > $OUT/giveme.px.stories
/usr/bin/python3 bench/sklearn_peer.py stories $OUT/giveme-all.jsonl 0.9 $OUT/giveme.sk.stories
echo "giveme5w1h-dev  parallax: $(python3 bench/stories_eval.py score "$GOLD" $OUT/giveme.px.stories | tail -1)"
echo "giveme5w1h-dev  sklearn:  $(python3 bench/stories_eval.py score "$GOLD" $OUT/giveme.sk.stories | tail -1)"
