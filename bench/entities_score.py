#!/usr/bin/env python3
"""Scores `parallax entities` on CoNLL-2003 dev (../shared/data/entities).

usage: entities_score.py TRAIN.jsonl DEV.jsonl OUTDIR
OUTDIR holds, per dev document ID, ID.mentions (`parallax entities --raw
--mentions`) and ID.entities (`parallax entities --raw`).

Mention F1: CoNLL-style, a predicted mention counts when its span and type
both equal a gold mention's (kinds person/org/place/other = PER/ORG/LOC/MISC).
Document-level (name, kind) F1: the rules of the data set's README ("How
we score against it"): per document, the set of (normalised form, type)
pairs of PER/ORG/LOC gold mentions against the pairs of every predicted
person/org/place entity's name and variants (role or honorific removed);
a predicted form equal to a gold MISC form of the document is not counted.
Baseline (both levels): every maximal run of capitalised tokens not
starting its sentence (a line), typed by the majority gold type of that
exact string in train, PER when train never has it as a name.
"""
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

KIND = {"person": "PER", "org": "ORG", "place": "LOC", "other": "MISC"}
HONORIFICS = ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "miss")
TYPES = ("PER", "ORG", "LOC", "MISC")


def norm(form):
    s = unicodedata.normalize("NFKC", form)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = " ".join(s.split())
    if s.lower().startswith("the "):
        s = s[4:]
    for suf in ("'s", "'"):
        if s.endswith(suf):
            s = s[: -len(suf)]
            break
    return s.strip().casefold()


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def gold_mentions(doc):
    return {(e["start"], e["end"], e["type"]) for e in doc["entities"]}


def train_majority(train):
    counts = defaultdict(Counter)
    for d in train:
        for e in d["entities"]:
            counts[d["text"][e["start"]:e["end"]]][e["type"]] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def baseline_mentions(doc, majority):
    out = set()
    text = doc["text"]
    pos = 0
    for line in text.split("\n"):
        toks, off = [], pos
        for t in line.split(" "):
            toks.append((off, off + len(t), t))
            off += len(t) + 1
        i = 1  # the first token starts its sentence
        while i < len(toks):
            if toks[i][2][:1].isupper():
                j = i
                while j < len(toks) and toks[j][2][:1].isupper():
                    j += 1
                s, e = toks[i][0], toks[j - 1][1]
                out.add((s, e, majority.get(text[s:e], "PER")))
                i = j
            else:
                i += 1
        pos += len(line) + 1
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def add(c, key, gold, pred, types):
    for t in types:
        g = {x for x in gold if x[-1] == t}
        p = {x for x in pred if x[-1] == t}
        c[key, t][0] += len(g & p)
        c[key, t][1] += len(p - g)
        c[key, t][2] += len(g - p)


def doc_gold(doc):
    gold, misc = set(), set()
    for e in doc["entities"]:
        f = norm(doc["text"][e["start"]:e["end"]])
        (misc.add(f) if e["type"] == "MISC" else gold.add((f, e["type"])))
    return gold, misc


def strip_role(form, role):
    if role and form.startswith(role + " "):
        form = form[len(role) + 1:]
    first = form.split(" ", 1)
    if len(first) == 2 and first[0].lower() in HONORIFICS:
        form = first[1]
    return form


def doc_pred(entities_path):
    pred = set()
    with open(entities_path, encoding="utf-8") as f:
        for l in f:
            e = json.loads(l)
            t = KIND.get(e["kind"])
            if t not in ("PER", "ORG", "LOC"):
                continue
            for form in [e["name"]] + e["variants"]:
                pred.add((norm(strip_role(form, e.get("role"))), t))
    return pred


def main():
    train, dev, outdir = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
    majority = train_majority(train)
    c = defaultdict(lambda: [0, 0, 0])
    for d in dev:
        gold = gold_mentions(d)
        pred = set()
        with open(os.path.join(outdir, d["id"] + ".mentions"), encoding="utf-8") as f:
            for l in f:
                m = json.loads(l)
                pred.add((m["start"], m["end"], KIND[m["kind"]]))
        add(c, "mention", gold, pred, TYPES)
        add(c, "mention-base", gold, baseline_mentions(d, majority), TYPES)
        g, misc = doc_gold(d)
        p = {x for x in doc_pred(os.path.join(outdir, d["id"] + ".entities")) if x[0] not in misc}
        add(c, "doc", g, p, TYPES[:3])
        bp = set()
        for s, e, t in baseline_mentions(d, majority):
            f = norm(d["text"][s:e])
            if t != "MISC" and f not in misc:
                bp.add((f, t))
        add(c, "doc-base", g, bp, TYPES[:3])
    for level, types in (("mention", TYPES), ("doc", TYPES[:3])):
        print(f"{level}-level F1 (dev, {len(dev)} documents)")
        print(f"  {'type':<8}{'parallax P':>11}{'R':>7}{'F1':>7}   {'baseline P':>11}{'R':>7}{'F1':>7}")
        tot = {k: [0, 0, 0] for k in (level, level + "-base")}
        for t in types + ("all",):
            row = []
            for k in (level, level + "-base"):
                if t == "all":
                    v = tot[k]
                else:
                    v = c[k, t]
                    for i in range(3):
                        tot[k][i] += v[i]
                row.append(prf(*v))
            (p, r, f), (bp_, br, bf) = row
            print(f"  {t:<8}{p:>11.3f}{r:>7.3f}{f:>7.3f}   {bp_:>11.3f}{br:>7.3f}{bf:>7.3f}")


if __name__ == "__main__":
    main()
