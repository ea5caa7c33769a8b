#!/usr/bin/env python3
"""Entity kinds on real multi-outlet news: the top-10 entities of each story
(event) of giveme5w1h-dev, `parallax entities` run on the event's articles.

usage: entity_kinds.py PARALLAX GOLD.jsonl LABELS.tsv SEL [--list]

SEL is even (the half the hand labels cover, used for tuning) or odd (no
labels: --list prints every entity for checking by hand). LABELS holds
hand labels: article id, start, end (code points of the cleaned body, as
`parallax entities --mentions` reports them) and the kind (person, org,
place, other, or none: not a name, a headline fragment or furniture). An
entity takes the majority label of its labelled mentions; it counts as
right when that label equals its kind, as "not a name" when the label
is none or when its own name is labelled none (a fragment such as
"Tranquilizing Harambe" around a right mention), unlabelled otherwise.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories_eval import GOLD_FIELDS, half  # noqa: E402


def events(gold, sel):
    by_event = collections.defaultdict(list)
    for line in open(gold, encoding="utf-8"):
        r = json.loads(line)
        if half(r["event_id"]) == (0 if sel == "even" else 1):
            by_event[str(r["event_id"])].append({k: v for k, v in r.items() if k not in GOLD_FIELDS})
    return by_event


def run(px, rows, *args):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    try:
        out = subprocess.run([px, "entities", *args, f.name], capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def load_labels(path):
    labels = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        art, start, end, kind = line.rstrip("\n").split("\t")
        labels[(art, int(start), int(end))] = kind
    return labels


def judge(entity, mentions, labels):
    own, others = collections.Counter(), collections.Counter()
    for m in mentions:
        k = labels.get((m["article"], m["start"], m["end"]))
        if k:
            (own if m["text"] == entity["name"] else others)[k] += 1
    votes = own or others
    if not votes:
        return "unlabelled"
    label = votes.most_common(1)[0][0]
    if label == "none":
        return "not a name"
    return "right" if label == entity["kind"] else f"wrong (is {label})"


def main(argv):
    px, gold, labels_path, sel = argv[1:5]
    listing = "--list" in argv
    labels = load_labels(labels_path) if sel == "even" else {}
    tally = collections.Counter()
    for ev, rows in sorted(events(gold, sel).items(), key=lambda x: int(x[0]) if x[0].isdigit() else 0):
        top = run(px, rows)[:10]
        mentions = collections.defaultdict(list)
        for m in run(px, rows, "--mentions"):
            mentions[m["entity"]].append(m)
        for e in top:
            verdict = judge(e, mentions[e["name"]], labels) if labels else "to check"
            tally[verdict.split(" ")[0] if verdict.startswith("wrong") else verdict] += 1
            if listing or verdict not in ("right", "to check") or sel != "even":
                if listing or sel == "even":
                    print(f"  event {ev}: {e['kind']:<6} {e['name']!r}  {verdict}")
    n = sum(tally.values())
    if sel == "even":
        judged = tally["right"] + tally["wrong"] + tally["not a name"]
        print(f"{sel}: top-10 entities {n}, labelled {judged}: kind right {tally['right']} "
              f"({tally['right'] / max(judged, 1):.3f}), wrong kind {tally['wrong']}, "
              f"not a name {tally['not a name']}, unlabelled {tally['unlabelled']}")
    else:
        if not listing:
            print(f"{sel}: top-10 entities {n} (no labels: check by hand with --list)")


if __name__ == "__main__":
    main(sys.argv)
