"""conflicts_score.py - scores the numbers of `parallax analyze` against the
hand-made quantity gold of the Giveme5W1H dev events.

Usage: conflicts_score.py PARALLAX ARTICLES.jsonl GOLD.jsonl [--half even|odd|all] [--show]

Per event, the articles are written to one JSONL file and analysed as one
story (`analyze --one-story --json`); their numbers are read with
`parallax numbers`. Three figures per half (events split by the parity of
their numeric id):

- disagreements (the report's `conflicts`, status conflict or evolving):
  one is right when two of its claims, from different articles, are reports
  of one gold conflict/evolving quantity with different gold values.
  Recall: the gold conflict/evolving quantities some right disagreement
  covers.
- agreements (the report's `agreements`): right when two of its claims,
  from different articles, are reports of one gold quantity with the same
  gold value. Recall: the gold `agree` quantities some right agreement
  covers.
- value F1: each gold report is found when a claim of its article lies on
  its number (same sentence, the number's words) and has its value;
  precision is over the claims lying on gold numbers, each claim counted
  once: right when it has the value of a gold report it lies on (a score
  "8-7" is two gold reports, 8 and 7, on the same words). The number's
  words are digits, number words, words that stand for a figure ("no",
  "pair", "score"), spelled ordinals, and "a"/"an" in a figure with no
  other number word ("more than a mile").

ALL_CONFLICTS=1 in the environment scores every disagreement of the JSON
report, also those below the display threshold (the ceiling of recall).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

NUMBER_WORDS = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen dozens hundreds "
    "thousands millions billions scores tens half "
    # words that stand for a figure: "no passengers", "the only woman", "a pair of"
    "no only sole single pair couple score "
    # spelled ordinals: "the third pitch", "his second award"
    "second third fourth fifth sixth seventh eighth ninth tenth".split())
# "a"/"an" carry the value only of a figure written with no other number
# word: "more than a mile", "about an hour"
ONE_WORDS = {"a", "an"}


def words(s):
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", s)


def core(text):
    """The words of a figure that carry its value: digits and number words."""
    out = set()
    for w in words(text):
        if re.search(r"[0-9]", w):
            out.add(w.replace(",", ""))
            out.update(re.findall(r"[0-9]+(?:\.[0-9]+)?", w.replace(",", "")))
        elif w in NUMBER_WORDS or re.match(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)", w):
            out.add(w)
    if not out:
        out = {w for w in words(text) if w in ONE_WORDS}
    return out


def same_sentence(a, b):
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return False
    inter = len(wa & wb)
    return inter / min(len(wa), len(wb)) >= 0.8


def claim_on_report(claim, rep):
    if claim.get("article") != rep["article"]:
        return False
    if not same_sentence(claim.get("sentence") or "", rep["sentence"]):
        return False
    c = core(claim.get("text") or "")
    return bool(c) and bool(c & core(rep["text"]))


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def gold_hits(claim, event_gold):
    """(quantity index, report) pairs the claim is a report of."""
    hits = []
    for qi, q in enumerate(event_gold["quantities"]):
        for rep in q["reports"]:
            if claim_on_report(claim, rep):
                hits.append((qi, rep))
    return hits


def pair_right(claims, event_gold, want_statuses, want_equal):
    """Is there a pair of claims of different articles reporting one gold
    quantity (with a status in want_statuses) with equal (want_equal) or
    different gold values? Returns the quantity index or None."""
    hits = [gold_hits(c, event_gold) for c in claims]
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].get("article") == claims[j].get("article"):
                continue
            for qi, ri in hits[i]:
                q = event_gold["quantities"][qi]
                if q["status"] not in want_statuses:
                    continue
                for qj, rj in hits[j]:
                    if qj != qi or ri["article"] == rj["article"]:
                        continue
                    eq = close(ri["value"], rj["value"])
                    if eq == want_equal:
                        return qi
    return None


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.stderr.write("failed: %s\n%s" % (" ".join(cmd), r.stderr.decode(errors="replace")))
        sys.exit(1)
    return r.stdout.decode()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    half = "all"
    if "--half" in sys.argv:
        half = sys.argv[sys.argv.index("--half") + 1]
        args.remove(half)
    # misses are listed for the tuning half only: the other is scored, not read
    show = "--show" in sys.argv and half == "even"
    parallax, articles_path, gold_path = args[:3]
    by_event = {}
    for line in open(articles_path, encoding="utf-8"):
        a = json.loads(line)
        by_event.setdefault(str(a["event_id"]), []).append(line)
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        e = json.loads(line)
        gold[str(e["event_id"])] = e
    halves = {"even": 0, "odd": 1}
    events = sorted(gold, key=int)
    if half in halves:
        events = [e for e in events if int(e) % 2 == halves[half]]
    t = dict(conf_rep=0, conf_right=0, conf_gold=0, conf_found=0, agr_rep=0, agr_right=0,
             agr_gold=0, agr_found=0, val_gold=0, val_hit=0, val_on=0, val_right=0,
             score_gold=0, score_on=0, score_right=0, score_hit=0)
    with tempfile.TemporaryDirectory() as tmp:
        for ev in events:
            eg = gold[ev]
            path = os.path.join(tmp, "event-%s.jsonl" % ev)
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(by_event.get(ev, []))
            report = json.loads(run([parallax, "analyze", "-q", "--one-story", "--json", path]))
            stories = report.get("stories", [])
            # the report shows the disagreements above its confidence threshold
            conflicts = [c for s in stories for c in s.get("conflicts", []) if c.get("shown", True) or os.environ.get("ALL_CONFLICTS")]
            agreements = [c for s in stories for c in s.get("agreements", [])]
            claims = [json.loads(l) for l in run([parallax, "numbers", path]).splitlines() if l.strip()]
            disagree_q = [qi for qi, q in enumerate(eg["quantities"]) if q["status"] in ("conflict", "evolving")]
            agree_q = [qi for qi, q in enumerate(eg["quantities"]) if q["status"] == "agree"]
            t["conf_gold"] += len(disagree_q)
            t["agr_gold"] += len(agree_q)
            found = set()
            for c in conflicts:
                qi = pair_right(c["claims"], eg, ("conflict", "evolving"), False)
                t["conf_rep"] += 1
                t["conf_right"] += qi is not None
                if qi is not None:
                    found.add(qi)
                if show:
                    mark = "OK " if qi is not None else "BAD"
                    print("%s %s e%s %s (%.2f %s): %s" % (mark, c.get("status"), ev, c.get("counted"),
                          c.get("confidence", 0), c.get("evidence"),
                          " | ".join("%s %s" % (x.get("source"), x.get("text")) for x in c["claims"])))
            t["conf_found"] += len(found)
            found = set()
            for g in agreements:
                qi = pair_right(g["claims"], eg, ("agree", "conflict", "evolving"), True)
                t["agr_rep"] += 1
                t["agr_right"] += qi is not None
                if qi is not None and eg["quantities"][qi]["status"] == "agree":
                    found.add(qi)
                if show:
                    mark = "OK " if qi is not None else "BAD"
                    print("%s agree e%s %s (%.2f %s): %s" % (mark, ev, g.get("counted"), g.get("confidence", 0), g.get("evidence"),
                          " | ".join("%s %s" % (x.get("source"), x.get("text")) for x in g["claims"])))
            t["agr_found"] += len(found)
            if show:
                for qi in disagree_q:
                    q = eg["quantities"][qi]
                    print("gold %s e%s %s: %s" % (q["status"], ev, q["what"],
                          " | ".join("%s %s" % (r["source"], r["text"]) for r in q["reports"])))
            on_values = {}
            for q in eg["quantities"]:
                for rep in q["reports"]:
                    # scores and records ("34-6", "50-32-1") are by design no claims
                    score = bool(re.search(r"\d-\d", rep["text"])) and not re.search(r"\d-\d[\d,]* ?[a-z]", rep["text"])
                    t["score_gold"] += score
                    t["val_gold"] += 1
                    on = [c for c in claims if claim_on_report(c, rep)]
                    for c in on:
                        on_values.setdefault(id(c), [c, False, False])
                        on_values[id(c)][1] |= close(c["value"], rep["value"])
                        on_values[id(c)][2] |= score
                    right = [c for c in on if close(c["value"], rep["value"])]
                    t["val_hit"] += bool(right)
                    t["score_hit"] += score and bool(right)
                    if show and not right:
                        print("value e%s gold %r=%s got %s" % (ev, rep["text"], rep["value"],
                              [(c["text"], c["value"]) for c in on]))
            for c, ok, sc in on_values.values():
                if show and not ok:
                    print("wrong e%s %r=%s %s" % (ev, c["text"], c["value"], c.get("kind")))
                t["val_on"] += 1
                t["val_right"] += ok
                t["score_on"] += sc
                t["score_right"] += sc and ok

    def ratio(a, b):
        return a / b if b else 0.0

    cp, cr = ratio(t["conf_right"], t["conf_rep"]), ratio(t["conf_found"], t["conf_gold"])
    ap, ar = ratio(t["agr_right"], t["agr_rep"]), ratio(t["agr_found"], t["agr_gold"])
    vp, vr = ratio(t["val_right"], t["val_on"]), ratio(t["val_hit"], t["val_gold"])
    vf = ratio(2 * vp * vr, vp + vr)
    sp = ratio(t["val_right"] - t["score_right"], t["val_on"] - t["score_on"])
    sr = ratio(t["val_hit"] - t["score_hit"], t["val_gold"] - t["score_gold"])
    sf = ratio(2 * sp * sr, sp + sr)
    print("%s half (%d events): disagreements P %.2f (%d/%d) R %.2f (%d/%d); "
          "agreements P %.2f (%d/%d) R %.2f (%d/%d); value P %.3f R %.3f F1 %.3f "
          "(without the %d scores and records: F1 %.3f)" % (
              half, len(events), cp, t["conf_right"], t["conf_rep"], cr, t["conf_found"], t["conf_gold"],
              ap, t["agr_right"], t["agr_rep"], ar, t["agr_found"], t["agr_gold"], vp, vr, vf,
              t["score_gold"], sf))


if __name__ == "__main__":
    main()
