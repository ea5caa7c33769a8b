#!/usr/bin/env python3
"""How stable an extraction F1 is: per-page F1 spread, a bootstrap interval
over pages, and the worst pages with the kind of loss (text missed or text
added) and their site. Uses the metric of extract_score.py.

usage: extract_spread.py GROUND_TRUTH.json PRED.json [--ids PREFIXES]
                         [--worst N] [--boot ROUNDS] [--new-sites TUNING_PREFIXES]

--new-sites also scores the pages whose site has no page among the ids
starting with TUNING_PREFIXES: pages of sites the rules never saw."""
import json
import random
import sys
from urllib.parse import urlparse

from extract_score import page_counts, score


def page_f1(pr, rc):
    pr = pr if pr is not None else 0.0
    rc = rc if rc is not None else 0.0
    return 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def main():
    args = sys.argv[1:]
    opts = {"--ids": None, "--worst": "10", "--boot": "2000", "--new-sites": None}
    for k in list(opts):
        if k in args:
            i = args.index(k)
            opts[k] = args[i + 1]
            del args[i:i + 2]
    gt = json.load(open(args[0], encoding="utf-8"))
    pred = json.load(open(args[1], encoding="utf-8"))
    ids = sorted(i for i in gt if opts["--ids"] is None or i[0] in opts["--ids"])
    _, _, F, pp = score(gt, pred, ids)
    f1s = sorted(page_f1(*pp[i]) for i in ids)
    n = len(f1s)
    q = lambda p: f1s[min(n - 1, int(p * n))]
    # bootstrap: pages drawn with replacement, the macro F1 of each draw
    rng = random.Random(1)
    draws = []
    for _ in range(int(opts["--boot"])):
        sample = [rng.choice(ids) for _ in ids]
        ps = [pp[i][0] for i in sample if pp[i][0] is not None]
        rs = [pp[i][1] for i in sample if pp[i][1] is not None]
        P = sum(ps) / len(ps) if ps else 0.0
        R = sum(rs) / len(rs) if rs else 0.0
        draws.append(2 * P * R / (P + R) if P + R else 0.0)
    draws.sort()
    lo, hi = draws[int(0.025 * len(draws))], draws[int(0.975 * len(draws)) - 1]
    print(f"F1 {F:.3f} on {n} pages, bootstrap 95% interval {lo:.3f}-{hi:.3f}; "
          f"per-page F1 min {f1s[0]:.3f}, 10th percentile {q(0.1):.3f}, median {q(0.5):.3f}, "
          f"pages below 0.9: {sum(f < 0.9 for f in f1s)}")
    if opts["--new-sites"]:
        site = lambda i: urlparse(gt[i].get("url", "")).netloc
        seen = {site(i) for i in gt if i[0] in opts["--new-sites"]}
        new = [i for i in ids if site(i) not in seen]
        Fn = score(gt, pred, new)[2]
        print(f"  pages of sites without a tuning page: F1 {Fn:.3f} on {len(new)} pages "
              f"({n - len(new)} pages share a site with the tuning half)")
    worst = sorted(ids, key=lambda i: page_f1(*pp[i]))[:int(opts["--worst"])]
    for i in worst:
        tp, fp, fn = page_counts(pred.get(i, ""), gt[i]["articleBody"])
        kind = "text added" if fp > fn else "text missed"
        site = urlparse(gt[i].get("url", "")).netloc
        print(f"  {i[:12]} F1 {page_f1(*pp[i]):.3f} P {pp[i][0] or 0:.3f} R {pp[i][1] or 0:.3f}"
              f"  {kind:11s} (+{fp} / -{fn} 4-grams)  {site}")


if __name__ == "__main__":
    main()
