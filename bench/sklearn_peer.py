#!/usr/bin/python3
"""The peer for bench/cluster-speed.sh: scikit-learn TF-IDF (English stop
words, sublinear tf) + AgglomerativeClustering (cosine, average linkage,
distance threshold). Run with Debian's /usr/bin/python3.

usage: sklearn_peer.py time ARTICLES.jsonl DIST
         clusters the articles, prints "seconds N_clusters"
       sklearn_peer.py stories ARTICLES.jsonl DIST OUT.jsonl
         writes the clusters in the shape of `parallax cluster` output
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


def main(argv):
    if len(argv) >= 4 and argv[1] == "time":
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
