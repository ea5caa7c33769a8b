#!/usr/bin/python3
"""The peer for bench/cluster-speed.sh: scikit-learn TF-IDF (English stop
words, sublinear tf) + AgglomerativeClustering (cosine, average linkage,
distance threshold). Run with Debian's /usr/bin/python3.

usage: sklearn_peer.py time ARTICLES.jsonl DIST
         clusters the articles, prints "seconds N_clusters"
       sklearn_peer.py stories ARTICLES.jsonl DIST OUT.jsonl
         writes the clusters in the shape of `parallax cluster` output
       sklearn_peer.py tune GOLD.jsonl [--by-topic]
         picks the distance threshold (0.30-0.98, step 0.02) with the best
         BCubed F1 on the even half of GOLD (the tuning half, as for
         parallax) and prints BCubed P/R/F1 at it on each half, and the
         best F1 of each half at any threshold
"""
import json
import sys
import time

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def load(path):
    with open(path, encoding="utf-8") as f:
        arts = [json.loads(l) for l in f]
    return arts, [((a.get("title") or "") + "\n" + (a.get("text") or "")) for a in arts]


def cluster(texts, dist):
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=dist)
    return model.fit_predict(x.toarray())


def tune(gold, by_topic):
    import stories_eval
    stories_eval.SPLIT_BY_TOPIC = by_topic
    grid = [round(0.30 + 0.02 * i, 2) for i in range(35)]
    result = {}
    for sel in ("even", "odd"):
        rows = stories_eval.load(gold, sel)
        texts = [((r.get("title") or "") + "\n" + (r.get("text") or "")) for r in rows]
        gold_of = {r["id"]: r["event_id"] for r in rows}
        result[sel] = {}
        for dist in grid:
            labels = cluster(texts, dist)
            pred_of = {r["id"]: int(l) for r, l in zip(rows, labels)}
            result[sel][dist] = stories_eval.scores(gold_of, pred_of)[:3]
    chosen = max(grid, key=lambda d: (result["even"][d][2], d))
    for sel in ("even", "odd"):
        p, r, f = result[sel][chosen]
        best = max(grid, key=lambda d: result[sel][d][2])
        print(f"sklearn {sel:<4} threshold {chosen:.2f} (chosen on even)  BCubed P {p:.3f}  "
              f"R {r:.3f}  F1 {f:.3f}   (best on this half: {result[sel][best][2]:.3f} "
              f"at {best:.2f})")


def main(argv):
    if len(argv) >= 3 and argv[1] == "tune":
        tune(argv[2], "--by-topic" in argv[3:])
    elif len(argv) >= 4 and argv[1] == "time":
        arts, texts = load(argv[2])
        t = time.perf_counter()
        labels = cluster(texts, float(argv[3]))
        print(f"{time.perf_counter() - t:.3f} {len(set(labels))}")
    elif len(argv) == 5 and argv[1] == "stories":
        arts, texts = load(argv[2])
        labels = cluster(texts, float(argv[3]))
        groups = {}
        for a, l in zip(arts, labels):
            groups.setdefault(int(l), []).append(a["id"])
        with open(argv[4], "w") as f:
            for l, ids in sorted(groups.items()):
                f.write(json.dumps({"story": str(l), "articles": ids}) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
