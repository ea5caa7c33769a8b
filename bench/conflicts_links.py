"""conflicts_links.py - would a learned pairwise score group reports of one
quantity better than the keys do? A replay, outside the report, of grouping
the claims of a story by a logistic regression over pairs of claims, scored
on the disagreements as bench/conflicts_score.py scores the report's.

Usage: conflicts_links.py PARALLAX ARTICLES.jsonl GOLD.jsonl
       conflicts_links.py PARALLAX ARTICLES.jsonl GOLD.jsonl --odd SIGNALS WEIGHT LINKAGE T SHOWN

For each event, `parallax numbers --links` writes every pair of claims the
grouping may link (claims it compares, of one kind and unit, of different
outlets) with the signals of the pair (docs/claims.md, "Grouping by a
learned score"). A pair is positive when both claims lie on reports of one
gold quantity (conflicts_score.gold_hits). Scikit-learn's liblinear
logistic regression (Debian python3-sklearn, /usr/bin/python3) is fitted:

- without --odd, on the EVEN events only, each event scored by a model
  fitted on the other even events (leave-one-event-out);
- with --odd, once on all the even events, with the one configuration given;
  the odd events are then scored and only the counts printed (their
  pairs, claims and misses are never shown).

Claims are then grouped by agglomerative linkage over the pair
probabilities (average, single or complete; a pair the file does not hold
counts as absent, two different figures of one article never join) down to
the threshold T. A group of two or more articles holding two different
figures is a disagreement, its confidence the best probability of such a
pair; it is shown from SHOWN. A shown disagreement is right, and a gold
disagreement found, as in conflicts_score.pair_right.

SIGNALS is `all` or `no-value` (the signals of the figures left out, so
the score says whether two claims count one thing, whatever their values);
WEIGHT `none` or `balanced` (liblinear's class weights).
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conflicts_score as cs  # noqa: E402  (how a claim lies on a gold report)

SIGNALS = ["same_key", "same_head", "same_outcome", "other_outcome", "one_outcome",
           "counted_alike", "similarity", "log_ratio", "close", "same_figure", "lead",
           "same_bound", "vague", "same_source", "unnamed", "people"]
VALUE_SIGNALS = {"log_ratio", "close", "same_figure", "same_bound", "vague"}
DISAGREE = ("conflict", "evolving")


def links_of(parallax, lines, tmp):
    """Rows of `numbers --links` for one event: (claim a, claim b, signals)."""
    path, out = os.path.join(tmp, "event.jsonl"), os.path.join(tmp, "links.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    subprocess.run([parallax, "numbers", "-q", "--links", out, path], check=True,
                   stdout=subprocess.DEVNULL)
    rows = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            a = {"article": c[0], "text": c[1], "value": float(c[2]), "sentence": c[3]}
            b = {"article": c[4], "text": c[5], "value": float(c[6]), "sentence": c[7]}
            rows.append((a, b, [float(v) for v in c[9:9 + len(SIGNALS)]]))
    return rows


def labelled(rows, event_gold):
    cache = {}

    def quantities(c):
        k = (c["article"], c["text"], c["value"], c["sentence"])
        if k not in cache:
            cache[k] = {qi for qi, _ in cs.gold_hits(c, event_gold)}
        return cache[k]
    y = [1 if quantities(a) & quantities(b) else 0 for a, b, _ in rows]
    x = np.array([r[2] for r in rows], dtype=float).reshape(-1, len(SIGNALS))
    return x, np.array(y, dtype=int)


def regression(xs, ys, signals, weight):
    keep = [i for i, s in enumerate(SIGNALS) if signals == "all" or s not in VALUE_SIGNALS]
    m = LogisticRegression(C=1.0, solver="liblinear", max_iter=1000,
                           class_weight=None if weight == "none" else "balanced")
    m.fit(np.vstack(xs)[:, keep], np.concatenate(ys))
    w = np.zeros(len(SIGNALS))
    w[keep] = m.coef_[0]
    return w, float(m.intercept_[0])


def fit(xs, ys, signals, weight):
    w, b = regression(xs, ys, signals, weight)
    return lambda x: 1 / (1 + np.exp(-(x @ w + b))) if len(x) else np.zeros(0)


def key(c):
    return (c["article"], c["text"], c["value"], c["sentence"])


def group(rows, prob, linkage, threshold):
    """Agglomerative linkage down to threshold; the groups of two or more
    articles as (claims, confidence of their best disagreeing pair or None)."""
    nodes, ids = [], {}
    for a, b, _ in rows:
        for c in (a, b):
            if key(c) not in ids:
                ids[key(c)] = len(nodes)
                nodes.append(c)
    p = {}
    for (a, b, _), pr in zip(rows, prob):
        p[(ids[key(a)], ids[key(b)])] = p[(ids[key(b)], ids[key(a)])] = pr
    clusters = {i: {i} for i in range(len(nodes))}
    where = list(range(len(nodes)))

    def allowed(s, t):
        return not any(nodes[i]["article"] == nodes[j]["article"] and
                       not cs.close(nodes[i]["value"], nodes[j]["value"]) for i in s for j in t)

    def link(s, t):
        known = [p[(i, j)] for i in s for j in t if (i, j) in p]
        if linkage == "single":
            return max(known)
        if linkage == "complete":
            return min(known)
        return sum(known) / len(known)
    while True:
        candidates = {tuple(sorted((where[i], where[j]))) for (i, j), pr in p.items()
                      if pr >= threshold and where[i] != where[j]}
        best = None
        for s, t in candidates:
            score = link(clusters[s], clusters[t])
            if score >= threshold and (best is None or score > best[0]) and allowed(clusters[s], clusters[t]):
                best = (score, s, t)
        if best is None:
            break
        _, s, t = best
        for i in clusters[t]:
            where[i] = s
        clusters[s] |= clusters.pop(t)
    out = []
    for members in clusters.values():
        if len({nodes[i]["article"] for i in members}) < 2:
            continue
        disagreeing = [p[(i, j)] for i in members for j in members
                       if i < j and (i, j) in p and not cs.close(nodes[i]["value"], nodes[j]["value"])]
        out.append(([nodes[i] for i in members], max(disagreeing) if disagreeing else None))
    return out


def score(groups_by_event, gold, shown):
    t = dict(shown=0, right=0, found=0, gold=0)
    for ev, groups in groups_by_event.items():
        found = set()
        for claims, confidence in groups:
            if confidence is None or confidence < shown:
                continue
            qi = cs.pair_right(claims, gold[ev], DISAGREE, False)
            t["shown"] += 1
            t["right"] += qi is not None
            if qi is not None:
                found.add(qi)
        t["found"] += len(found)
        t["gold"] += sum(q["status"] in DISAGREE for q in gold[ev]["quantities"])
    return t


def line(label, t):
    p = t["right"] / t["shown"] if t["shown"] else 0.0
    r = t["found"] / t["gold"] if t["gold"] else 0.0
    return "%s: disagreements P %.2f (%d/%d) R %.2f (%d/%d)" % (
        label, p, t["right"], t["shown"], r, t["found"], t["gold"])


def main():
    parallax, articles_path, gold_path = sys.argv[1:4]
    by_event = {}
    for l in open(articles_path, encoding="utf-8"):
        by_event.setdefault(str(json.loads(l)["event_id"]), []).append(l)
    gold = {}
    for l in open(gold_path, encoding="utf-8"):
        e = json.loads(l)
        gold[str(e["event_id"])] = e
    even = [e for e in sorted(gold, key=int) if int(e) % 2 == 0]
    odd = [e for e in sorted(gold, key=int) if int(e) % 2 == 1]
    with tempfile.TemporaryDirectory() as tmp:
        rows = {ev: links_of(parallax, by_event.get(ev, []), tmp) for ev in even}
        data = {ev: labelled(rows[ev], gold[ev]) for ev in even}
        if "--odd" in sys.argv:
            signals, weight, linkage, t, shown = sys.argv[sys.argv.index("--odd") + 1:][:5]
            prob = fit([data[e][0] for e in even], [data[e][1] for e in even], signals, weight)
            groups = {}
            for ev in odd:
                r = links_of(parallax, by_event.get(ev, []), tmp)
                x = np.array([s for _, _, s in r], dtype=float).reshape(-1, len(SIGNALS))
                groups[ev] = group(r, prob(x), linkage, float(t))
            print(line("odd half (%d events), %s %s %s T %s shown %s" % (
                len(odd), signals, weight, linkage, t, shown), score(groups, gold, float(shown))))
            return
    pos = {}
    for ev in even:
        x, y = data[ev]
        for xi, yi in zip(x, y):
            k = (int(yi), int(xi[SIGNALS.index("same_key")]), int(xi[SIGNALS.index("same_figure")]))
            pos[k] = pos.get(k, 0) + 1
    print("even half (%d events): %d pairs; (positive, same key, same figure): %s" % (
        len(even), sum(pos.values()), sorted(pos.items())))
    for signals in ("all", "no-value"):
        for weight in ("none", "balanced"):
            probs = {}
            for ev in even:
                others = [e for e in even if e != ev]
                prob = fit([data[e][0] for e in others], [data[e][1] for e in others], signals, weight)
                probs[ev] = prob(data[ev][0])
            for linkage in ("average", "single", "complete"):
                for t in (0.3, 0.5, 0.7):
                    groups = {ev: group(rows[ev], probs[ev], linkage, t) for ev in even}
                    for shown in (0.5, 0.7, 0.9):
                        print(line("even, leave-one-event-out, %s %s %s T %.1f shown %.1f" % (
                            signals, weight, linkage, t, shown), score(groups, gold, shown)))


if __name__ == "__main__":
    main()
