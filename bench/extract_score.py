#!/usr/bin/env python3
"""Shingle F1 of article-body extraction, exactly as the
article-extraction-benchmark evaluate.py computes it (see
../shared/data/README.md): \\w+ tokens (case kept), 4-token shingles as a
multiset, per-page precision/recall, macro averages (precision over pages
with output, recall over pages with ground truth), F1 of the averages.

usage: extract_score.py GROUND_TRUTH.json PRED.json [--ids PREFIXES] [--per-page]
PRED.json maps page id -> predicted text."""
import json
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(pred, true):
    p, t = shingles(pred), shingles(true)
    tp = sum(min(c, t[s]) for s, c in p.items())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    return tp, fp, fn


def score(gt, pred, ids):
    precs, recs, per_page = [], [], {}
    for i in ids:
        tp, fp, fn = page_counts(pred.get(i, ""), gt[i]["articleBody"])
        if fp == 0 and fn == 0:
            pr = rc = 1.0
        else:
            pr = tp / (tp + fp) if tp + fp else None
            rc = tp / (tp + fn) if tp + fn else None
        if pr is not None:
            precs.append(pr)
        if rc is not None:
            recs.append(rc)
        per_page[i] = (pr, rc)
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F, per_page


def main():
    args = sys.argv[1:]
    prefixes = None
    per_page = "--per-page" in args
    if "--ids" in args:
        k = args.index("--ids")
        prefixes = args[k + 1]
        del args[k:k + 2]
    args = [a for a in args if a != "--per-page"]
    gt = json.load(open(args[0], encoding="utf-8"))
    pred = json.load(open(args[1], encoding="utf-8"))
    ids = sorted(i for i in gt if prefixes is None or i[0] in prefixes)
    P, R, F, pp = score(gt, pred, ids)
    print(f"{F:.3f} P={P:.3f} R={R:.3f} pages={len(ids)}")
    if per_page:
        for i, (p, r) in sorted(pp.items(), key=lambda kv: min(x if x is not None else 0 for x in kv[1])):
            print(f"  {i[:12]} P={p if p is None else round(p, 3)} R={r if r is None else round(r, 3)}")


if __name__ == "__main__":
    main()
