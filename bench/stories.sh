#!/bin/sh
# Story clustering quality: BCubed P/R/F1 and pairwise F1 on giveme5w1h-dev
# (gold fields stripped before parallax sees the articles), on all events and
# on each half of the events (split by a hash of the event id; the defaults
# were chosen on the even half), for the default batch mode and the online
# --stream mode; --stream twice: in the file's input order, and in time
# order as a real stream would bring the articles (sorted by date; an
# undated article keeps its input place); then the hard negatives of
# ecbplus-dev (each ECB+ topic holds two different events of the same kind;
# halves by a hash of the topic), batch and --stream; scikit-learn TF-IDF +
# average link beside both sets, its threshold chosen on the even half
# (bench/sklearn_peer.py tune, Debian's /usr/bin/python3); then the seeds
# alone and mixed into BBC + Reuters as distractors (the BBC articles are
# undated).
# Usage: bench/stories.sh   (from the repository root, after `make`)
set -eu
cd "$(dirname "$0")/.."
PX=build/parallax
SHARED=${PARALLAX_SHARED:-../shared}
GOLD=$SHARED/data/stories/giveme5w1h-dev.jsonl
ECB=$SHARED/data/stories/ecbplus-dev.jsonl
OUT=bench/out
mkdir -p $OUT
[ -x $PX ] || make --no-print-directory build/parallax

echo "== giveme5w1h-dev: $(wc -l < $GOLD) articles"
for sel in all even odd; do
    python3 bench/stories_eval.py strip "$GOLD" $OUT/giveme-$sel.jsonl --events $sel
    python3 bench/stories_eval.py strip "$GOLD" $OUT/giveme-$sel.dated.jsonl --events $sel --by-date
done
echo "(stream-input: the file's order; stream-dated: sorted by date, undated articles keep their input place)"
for mode in batch stream-input stream-dated; do
    flag=""; in=""
    case $mode in
        stream-input) flag=--stream ;;
        stream-dated) flag=--stream; in=.dated ;;
    esac
    for sel in all even odd; do
        $PX cluster -q $flag $OUT/giveme-$sel$in.jsonl > $OUT/giveme-$sel.$mode.stories
        printf '%-12s %-4s ' $mode $sel
        python3 bench/stories_eval.py score "$GOLD" $OUT/giveme-$sel.$mode.stories --events $sel | tail -1
    done
done

echo "== ecbplus-dev (hard negatives): $(wc -l < $ECB) articles, halves by topic"
for sel in all even odd; do
    python3 bench/stories_eval.py strip "$ECB" $OUT/ecb-$sel.jsonl --events $sel --by-topic
done
for mode in batch stream; do
    flag=""
    [ $mode = stream ] && flag=--stream
    for sel in all even odd; do
        $PX cluster -q $flag $OUT/ecb-$sel.jsonl > $OUT/ecb-$sel.$mode.stories
        printf '%-12s %-4s ' $mode $sel
        python3 bench/stories_eval.py score "$ECB" $OUT/ecb-$sel.$mode.stories --events $sel --by-topic | tail -1
    done
done

echo "== scikit-learn TF-IDF + average link (threshold chosen on the even half)"
if /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
    echo "giveme5w1h-dev:"
    /usr/bin/python3 bench/sklearn_peer.py tune "$GOLD"
    echo "ecbplus-dev:"
    /usr/bin/python3 bench/sklearn_peer.py tune "$ECB" --by-topic
else
    echo "(skipped: python3-sklearn is not installed, see bench/setup)"
fi

echo "== seeds alone"
echo "batch: $($PX cluster -q "$SHARED/seeds" | wc -l) stories; stream: $($PX cluster -q --stream "$SHARED/seeds" | wc -l) stories"
echo "== seeds among distractors (BBC 2,225 + Reuters 21,578)"
[ -s $OUT/reuters.jsonl ] || python3 bench/corpora.py reuters $OUT/reuters.jsonl
$PX read -q "$SHARED/seeds" > $OUT/seeds.jsonl
start=$(date +%s.%N)
$PX cluster -q "$SHARED/seeds" "$SHARED/data/bulk/bbc" $OUT/reuters.jsonl > $OUT/distractors.stories
end=$(date +%s.%N)
python3 - "$OUT/seeds.jsonl" "$OUT/distractors.stories" <<'PY'
import json, sys
seeds = {json.loads(l)["id"] for l in open(sys.argv[1])}
stories = [json.loads(l) for l in open(sys.argv[2])]
with_seeds = [s for s in stories if seeds & set(s["articles"])]
print(f"stories {len(stories)}; the {len(seeds)} seeds fall in {len(with_seeds)} "
      f"stor{'y' if len(with_seeds) == 1 else 'ies'}")
for s in with_seeds:
    others = [a for a in s["articles"] if a not in seeds]
    print(f"  {len(seeds & set(s['articles']))} seeds + {len(others)} distractors: {s['title']}")
PY
echo "time $(echo "$end - $start" | bc) s"
