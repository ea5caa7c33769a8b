#!/usr/bin/env python3
"""Scores sentence splits against the Golden Rules set.

usage: golden_score.py GOLDEN.jsonl PREDICTED.jsonl [--show-failures]
PREDICTED holds one object per case: {"id": ..., "sentences": [str | {"text": str}]}.
Score: share of cases whose sentence list, each stripped of outer white
space, equals the expected list exactly."""
import json
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                sents = [s["text"] if isinstance(s, dict) else s for s in o["sentences"]]
                out[str(o["id"])] = [s.strip() for s in sents if s.strip()]
    return out


def main():
    gold, pred = load(sys.argv[1]), load(sys.argv[2])
    show = "--show-failures" in sys.argv
    ok = 0
    for cid, want in gold.items():
        got = pred.get(cid)
        if got == want:
            ok += 1
        elif show:
            print(f"case {cid}:\n  want {want}\n  got  {got}", file=sys.stderr)
    print(f"{ok}/{len(gold)} {100.0 * ok / len(gold):.1f}%")


if __name__ == "__main__":
    main()
