#!/usr/bin/env python3
"""Near-duplicate test set built by mutating real articles, and its score.

usage: dedup_set.py build OUT.jsonl TRUTH.json   (N originals from BBC + Reuters)
       dedup_set.py score TRUTH.json GROUPS.jsonl
Every original gets one mutant of each kind: cut (first 40-70% of its
paragraphs), reorder (paragraphs shuffled), headline (new title, same body),
ads (advertising / related-links lines inserted between paragraphs), embed
(placed inside a page between two other articles). A mutant is found when
`parallax dedup` puts it in the group of its original (an embedding page
may instead join one of the other articles it embeds). Precision counts
every article parallax calls a copy: right when it is grouped with an article
of its own family (same original), wrong otherwise, unless an exact 5-word
shingle check shows the two really are copies in the source corpus.
"""
import json
import os
import random
import re
import sys

SHARED = os.environ.get("PARALLAX_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
KINDS = ("cut", "reorder", "headline", "ads", "embed")
ADS = ["Advertisement", "Read more: Markets in focus this week", "Sign up for our daily newsletter",
       "Related: Five things to know today", "Sponsored content"]


def originals(n, rng):
    arts = []
    bbc = os.path.join(SHARED, "data/bulk/bbc")
    for topic in sorted(os.listdir(bbc)):
        for name in sorted(os.listdir(os.path.join(bbc, topic))):
            with open(os.path.join(bbc, topic, name), encoding="utf-8", errors="replace") as f:
                title, _, body = f.read().partition("\n")
            paras = [p.strip() for p in body.split("\n\n") if p.strip()]
            if len(paras) >= 4:
                arts.append((f"bbc-{topic}-{name[:-4]}", title.strip(), paras))
    with open(os.path.join(os.path.dirname(__file__), "out", "reuters.jsonl"), encoding="utf-8") as f:
        for a in map(json.loads, f):
            paras = [p.strip() for p in re.split(r"\s{3,}", a["text"]) if p.strip()]
            if len(paras) >= 4 and len(a["text"].split()) >= 150:
                arts.append((a["id"], a["title"] or "", paras))
    rng.shuffle(arts)
    return arts[:n]


def mutate(kind, title, paras, rng, pool):
    if kind == "cut":
        k = max(2, int(len(paras) * rng.uniform(0.4, 0.7)))
        return title, paras[:k]
    if kind == "reorder":
        p = paras[:]
        while p == paras:
            rng.shuffle(p)
        return title, p
    if kind == "headline":
        return "UPDATE: " + title.lower(), paras
    if kind == "ads":
        out = []
        for i, p in enumerate(paras):
            out.append(p)
            if i % 2 == 1:
                out.append(rng.choice(ADS))
        return title, out
    a, b = rng.sample(pool, 2)
    return a[1], a[2] + paras + b[2]


def build(out, truth, n=400):
    rng = random.Random(5)
    arts = originals(n, rng)
    others = arts[n // 2:] if len(arts) > n else arts
    records, family = [], {}
    for oid, title, paras in arts:
        family[oid] = oid
        records.append({"id": oid, "title": title, "text": "\n\n".join(paras)})
        for kind in KINDS:
            t, p = mutate(kind, title, paras, rng, [o for o in others if o[0] != oid])
            mid = f"{oid}~{kind}"
            family[mid] = oid
            records.append({"id": mid, "title": t, "text": "\n\n".join(p)})
    rng.shuffle(records)
    # originals come before their mutants, as a republished copy would
    records.sort(key=lambda r: "~" in r["id"])
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    texts = {r["id"]: r["text"] for r in records}
    with open(truth, "w") as f:
        json.dump({"family": family, "texts": texts}, f)
    print(f"{len(arts)} originals, {len(records)} articles -> {out}", file=sys.stderr)


def shingles(text):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 5]) for i in range(max(1, len(w) - 4))}


def really_copies(a, b):
    sa, sb = shingles(a), shingles(b)
    inter = len(sa & sb)
    return inter / len(sa | sb) >= 0.5 or inter / min(len(sa), len(sb)) >= 0.8


def score(truth, groups):
    t = json.load(open(truth))
    family, texts = t["family"], t["texts"]
    group_of, of = {}, {}
    rows = [json.loads(l) for l in open(groups)]
    for g in rows:
        group_of[g["representative"]] = g["group"]
        for m in g["members"]:
            group_of[m["id"]] = g["group"]
            of[m["id"]] = m["of"]
    found = {k: [0, 0] for k in KINDS}
    for mid, oid in family.items():
        if "~" not in mid:
            continue
        kind = mid.split("~")[1]
        found[kind][1] += 1
        if mid in group_of and group_of.get(oid) == group_of[mid]:
            found[kind][0] += 1
        elif kind == "embed" and mid in of and really_copies(texts[of[mid]], texts[mid]):
            found[kind][0] += 1  # grouped with another article the page embeds
    right = wrong = corpus = 0
    for g in rows:
        for m in g["members"]:
            if family.get(m["id"]) == family.get(m["of"]):
                right += 1
            elif really_copies(texts[m["id"]], texts[m["of"]]):
                corpus += 1
            else:
                wrong += 1
    tp = sum(v[0] for v in found.values())
    total = sum(v[1] for v in found.values())
    print("recall by mutation: " + "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in found.items()))
    called = right + wrong + corpus
    print(f"copies called {called}: {right} right, {corpus} real copies already in the corpus, {wrong} wrong")
    p = (right + corpus) / called if called else 1.0
    r = tp / total
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
