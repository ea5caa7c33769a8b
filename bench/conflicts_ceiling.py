"""conflicts_ceiling.py - where the recall of disagreements is lost, in
counts only (no quantity, claim or sentence is printed, so the unseen half
can be counted without being read).

Usage: conflicts_ceiling.py PARALLAX ARTICLES.jsonl GOLD.jsonl --half even|odd

For each gold conflict or evolving quantity of the half, how far some pair
of its reports (of two articles, with two different gold values) gets:
- read: a claim of each article lies on its report (as bench/conflicts_score.py
  matches a claim to a report);
- event: both claims have scope `event` (only those are compared);
- grouped: both are claims of one disagreement the JSON report holds,
  shown or not (the ceiling of recall for the confidence threshold);
- shown: ... of a shown disagreement (the recall conflicts_score.py prints).
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conflicts_score as cs  # noqa: E402  (how a claim lies on a gold report)


def reaches(q, claims, keep):
    """Does some pair of q's reports with different values have a kept claim
    of its article lying on each?"""
    reps = q["reports"]
    for i, ri in enumerate(reps):
        for rj in reps[i + 1:]:
            if ri["article"] == rj["article"] or cs.close(ri["value"], rj["value"]):
                continue
            if any(cs.claim_on_report(c, ri) and keep(c) for c in claims) and \
                    any(cs.claim_on_report(c, rj) and keep(c) for c in claims):
                return True
    return False


def main():
    parallax, articles_path, gold_path = sys.argv[1:4]
    half = sys.argv[sys.argv.index("--half") + 1]
    by_event = {}
    for line in open(articles_path, encoding="utf-8"):
        by_event.setdefault(str(json.loads(line)["event_id"]), []).append(line)
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        e = json.loads(line)
        gold[str(e["event_id"])] = e
    events = [e for e in sorted(gold, key=int) if int(e) % 2 == (0 if half == "even" else 1)]
    t = dict(gold=0, read=0, event=0, grouped=0, shown=0)
    with tempfile.TemporaryDirectory() as tmp:
        for ev in events:
            path = os.path.join(tmp, "event.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(by_event.get(ev, []))
            report = json.loads(cs.run([parallax, "analyze", "-q", "--one-story", "--json", path]))
            groups = [c for s in report.get("stories", []) for c in s.get("conflicts", [])]
            claims = [json.loads(l) for l in cs.run([parallax, "numbers", path]).splitlines() if l.strip()]
            for q in gold[ev]["quantities"]:
                if q["status"] not in ("conflict", "evolving"):
                    continue
                one = {"quantities": [q]}
                t["gold"] += 1
                t["read"] += reaches(q, claims, lambda c: True)
                t["event"] += reaches(q, claims, lambda c: c.get("scope") == "event")
                t["grouped"] += any(cs.pair_right(g["claims"], one, ("conflict", "evolving"), False) is not None
                                    for g in groups)
                t["shown"] += any(cs.pair_right(g["claims"], one, ("conflict", "evolving"), False) is not None
                                  for g in groups if g.get("shown", True))
    print("%s half, %d gold disagreements: both figures read %d, both in event scope %d, "
          "in one disagreement of the report %d, shown %d" % (
              half, t["gold"], t["read"], t["event"], t["grouped"], t["shown"]))


if __name__ == "__main__":
    main()
