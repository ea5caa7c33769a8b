#!/usr/bin/env python3
"""Story clustering scores: BCubed precision/recall/F1 and pairwise F1.

usage: stories_eval.py strip GOLD.jsonl OUT.jsonl [--events SEL] [--by-date]
         writes the articles without the gold fields (event_id, event, topic,
         category); SEL = all | even | odd picks events by a hash of event_id;
         --by-date writes them in time order, as a stream would bring them
         (stable sort by date; an undated article takes the date of the
         article before it in the input, so it keeps its input place)
       stories_eval.py score GOLD.jsonl STORIES.jsonl [--events SEL]
         prints the scores of parallax cluster output against the gold events
       stories_eval.py list GOLD.jsonl STORIES.jsonl [--events SEL]
         lists the wrong merges (a story holding articles of several gold
         events: the count of each) and the splits (a gold event spread over
         several stories: the story ids and counts), to read them
       --by-topic (all commands): halves by a hash of the topic, the part of
         event_id before "-" (ECB+: the two events of a topic stay together)
"""
import hashlib
import json
import sys
from collections import Counter, defaultdict

GOLD_FIELDS = ("event_id", "event", "topic", "category")


SPLIT_BY_TOPIC = False


def half_key(event_id):
    """The halves split events by a hash of the event id; with --by-topic
    (ECB+, where `event_id` is topic-subcorpus and each topic holds two
    events of the same kind) by a hash of the topic, so that the two events
    of a topic stay in one half."""
    event_id = str(event_id)
    return event_id.split("-")[0] if SPLIT_BY_TOPIC else event_id


def half(event_id):
    return int(hashlib.sha1(half_key(event_id).encode()).hexdigest(), 16) % 2


def selected(row, sel):
    if sel == "all":
        return True
    return half(row["event_id"]) == (0 if sel == "even" else 1)


def load(path, sel):
    with open(path, encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if selected(r, sel)]


def by_date(rows):
    """Stable sort by date (the day and time as given, ISO strings compare in
    time order); an undated row takes the date of the row before it."""
    keyed, last = [], ""
    for i, r in enumerate(rows):
        d = r.get("date") or ""
        if d:
            last = d
        keyed.append((last, i, r))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [r for _, _, r in keyed]


def strip(gold, out, sel, dated=False):
    rows = load(gold, sel)
    if dated:
        rows = by_date(rows)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            for k in GOLD_FIELDS:
                r.pop(k, None)
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def scores(gold_of, pred_of):
    ids = [i for i in gold_of if i in pred_of]
    gsize = Counter(gold_of[i] for i in ids)
    psize = Counter(pred_of[i] for i in ids)
    both = Counter((gold_of[i], pred_of[i]) for i in ids)
    p = sum(both[(gold_of[i], pred_of[i])] / psize[pred_of[i]] for i in ids) / len(ids)
    r = sum(both[(gold_of[i], pred_of[i])] / gsize[gold_of[i]] for i in ids) / len(ids)
    f = 2 * p * r / (p + r) if p + r else 0
    tp = sum(n * (n - 1) / 2 for n in both.values())
    pp = sum(n * (n - 1) / 2 for n in psize.values())
    gp = sum(n * (n - 1) / 2 for n in gsize.values())
    pw_p = tp / pp if pp else 1.0
    pw_r = tp / gp if gp else 1.0
    pw_f = 2 * pw_p * pw_r / (pw_p + pw_r) if pw_p + pw_r else 0
    return p, r, f, pw_f, len(ids), len(gsize), len(psize)


def score(gold, stories, sel):
    gold_of = {r["id"]: r["event_id"] for r in load(gold, sel)}
    pred_of = {}
    with open(stories, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            for a in s["articles"]:
                pred_of[a] = s["story"]
    missing = [i for i in gold_of if i not in pred_of]
    p, r, f, pw, n, ng, npred = scores(gold_of, pred_of)
    print(f"articles {n} (missing {len(missing)})  events {ng}  stories {npred}")
    print(f"BCubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}   pairwise F1 {pw:.3f}")
    return f


def listing(gold, stories, sel):
    event_of = {r["id"]: r["event_id"] for r in load(gold, sel)}
    spread = defaultdict(list)
    with open(stories, encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            counts = Counter(event_of[a] for a in s["articles"] if a in event_of)
            for e, n in counts.items():
                spread[e].append(f"{s['story'][:8]}:{n}")
            if len(counts) > 1:
                print(f"merge {s['story'][:8]} {dict(counts)} {(s.get('title') or '')[:60]}")
    for e, where in sorted(spread.items()):
        if len(where) > 1:
            print(f"split {e} {' '.join(where)}")


def main(argv):
    global SPLIT_BY_TOPIC
    sel = "all"
    SPLIT_BY_TOPIC = "--by-topic" in argv
    if SPLIT_BY_TOPIC:
        argv.remove("--by-topic")
    dated = "--by-date" in argv
    if dated:
        argv.remove("--by-date")
    if "--events" in argv:
        i = argv.index("--events")
        sel = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) != 4 or argv[1] not in ("strip", "score", "list"):
        sys.exit(__doc__)
    if argv[1] == "strip":
        strip(argv[2], argv[3], sel, dated)
    elif argv[1] == "list":
        listing(argv[2], argv[3], sel)
    else:
        score(argv[2], argv[3], sel)


if __name__ == "__main__":
    main(sys.argv)
