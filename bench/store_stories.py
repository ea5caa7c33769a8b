#!/usr/bin/env python3
"""Scores the stories a parallax store holds against gold events.

usage: store_stories.py DB GOLD.jsonl [--events SEL]
  reads each stored article's story from the database (story_articles,
  docs/store.md) and prints BCubed P/R/F1 and pairwise F1 as
  stories_eval.py does for `parallax cluster` output (SEL = all | even |
  odd, the same halves of the events).
"""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories_eval import load, scores  # noqa: E402


def main(argv):
    sel = "all"
    if "--events" in argv:
        i = argv.index("--events")
        sel = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) != 3:
        sys.exit(__doc__)
    db, gold = argv[1], argv[2]
    gold_of = {r["id"]: r["event_id"] for r in load(gold, sel)}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pred_of = dict(con.execute(
        "SELECT a.ext_id, sa.story_id FROM articles a "
        "JOIN story_articles sa ON sa.article_id = a.id"))
    con.close()
    missing = [i for i in gold_of if i not in pred_of]
    p, r, f, pw, n, ng, npred = scores(gold_of, pred_of)
    print(f"articles {n} (missing {len(missing)})  events {ng}  stories {npred}  "
          f"BCubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}   pairwise F1 {pw:.3f}")


if __name__ == "__main__":
    main(sys.argv)
