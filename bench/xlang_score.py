#!/usr/bin/env python3
"""Scores link decisions. Reads lines "pair\tA\tB\tSAME\tNAMES\tNUMBERS\tDATES\tSCORE\tLINKED\tSHARE"
(bench/xlang_halves.c, or analyze's PARALLAX_LINKS lines mapped to events by bench/xlang.sh)
and prints precision and recall of the links made, and at other thresholds
of the score and of the share (with the rule's other condition, a shared
name, kept), in all and, unless
--no-halves, per half of the events (even and odd position of the first
event of the pair in the order met)."""
import sys


def read(path):
    pairs = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] != "pair":
            continue
        pairs.append({"a": f[1], "b": f[2], "same": f[3] == "1", "names": int(f[4]),
                      "score": float(f[7]), "linked": f[8] == "1", "share": float(f[9]),
                      "numbers": int(f[5]), "dates": int(f[6]),
                      "raw": float(f[10]) if len(f) > 10 else None,
                      "first": int(f[11]) if len(f) > 11 else None})
    return pairs


def prf(pairs, decide):
    tp = sum(1 for p in pairs if p["same"] and decide(p))
    fp = sum(1 for p in pairs if not p["same"] and decide(p))
    fn = sum(1 for p in pairs if p["same"] and not decide(p))
    prec = tp / (tp + fp) if tp + fp else float("nan")
    rec = tp / (tp + fn) if tp + fn else float("nan")
    return tp, fp, fn, prec, rec


def main():
    args = [a for a in sys.argv[1:] if a != "--no-halves"]
    pairs = read(args[0])
    label = args[1] if len(args) > 1 else "pairs"
    order = []
    for p in pairs:
        for e in (p["a"], p["b"]):
            if e not in order:
                order.append(e)
    half = {e: i % 2 for i, e in enumerate(order)}
    sets = [("all", pairs)]
    if "--no-halves" not in sys.argv:
        sets += [("even half", [p for p in pairs if half[p["a"]] == 0]),
                 ("odd half", [p for p in pairs if half[p["a"]] == 1])]
    print(f"{label}: {len(pairs)} pairs, {sum(p['same'] for p in pairs)} of one event")
    print(f"{'rule':<30}{'set':<11}{'TP':>4}{'FP':>5}{'FN':>4}{'precision':>11}{'recall':>8}")
    rules = [("as made (linked)", lambda p: p["linked"])]
    for t, sh in ((3.0, 0.15), (4.0, 0.15), (5.0, 0.15), (3.5, 0.0), (3.5, 0.1), (3.5, 0.2)):
        rules.append((f"score >= {t:g}, share >= {sh:g}",
                      lambda p, t=t, sh=sh: p["names"] >= 1 and p["score"] >= t - 1e-9 and p["share"] >= sh - 1e-9))
    # rules tried, not kept: with every key weighing 1 (no rarity), a figure
    # or a date required beside the names, the first publication days within
    # the window instead of the spans
    kept = lambda p: p["names"] >= 1 and p["score"] >= 3.5 - 1e-9 and p["share"] >= 0.15 - 1e-9
    rules.append(("kept, a figure or a date too", lambda p: kept(p) and (p["numbers"] or p["dates"])))
    if pairs and pairs[0]["raw"] is not None:
        rules.append(("unweighted >= 4, a name (old)", lambda p: p["names"] >= 1 and p["raw"] >= 4))
        rules.append(("weighted >= 4, a name", lambda p: p["names"] >= 1 and p["score"] >= 4))
        rules.append(("kept, unweighted", lambda p: p["names"] >= 1 and p["raw"] >= 3.5 and
                      p["share"] >= 0.15 - 1e-9))
        rules.append(("kept, first days within 7", lambda p: kept(p) and p["first"] <= 7))
    for name, decide in rules:
        for sname, sp in sets:
            tp, fp, fn, prec, rec = prf(sp, decide)
            print(f"{name:<30}{sname:<11}{tp:>4}{fp:>5}{fn:>4}{prec:>11.3f}{rec:>8.3f}")


if __name__ == "__main__":
    main()
