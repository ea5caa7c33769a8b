"""conflicts_ecb.py - disagreements across two events of one kind: each
ECB+ dev topic holds two different events of the same kind (the `ecb` and
`ecbplus` sub-corpora: two earthquakes, two rehab stays); both are analysed
as one story (`analyze --one-story --json`), as a clusterer that merged
them would, and the shown disagreements and the agreements are counted by
whether their claims come from one event or from both. A disagreement or
agreement drawn from both events is wrong by construction (the figures are
about two events); one drawn from one event is not judged (no gold).

Usage: conflicts_ecb.py PARALLAX ECBPLUS.jsonl
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    parallax, path = sys.argv[1:3]
    topics = {}
    for line in open(path, encoding="utf-8"):
        a = json.loads(line)
        # undated and without outlet names: each document is its own outlet
        a["source"] = a["id"]
        topics.setdefault(a["event_id"].split("-")[0], []).append(a)
    event_of = {}
    t = dict(dis_one=0, dis_both=0, agr_one=0, agr_both=0)
    with tempfile.TemporaryDirectory() as tmp:
        for topic, arts in sorted(topics.items(), key=lambda x: int(x[0])):
            p = os.path.join(tmp, "topic-%s.jsonl" % topic)
            with open(p, "w", encoding="utf-8") as f:
                for a in arts:
                    f.write(json.dumps(a) + "\n")
                    event_of[a["id"]] = a["event_id"]
            r = subprocess.run([parallax, "analyze", "-q", "--one-story", "--json", p],
                               stdout=subprocess.PIPE, check=True)
            for s in json.loads(r.stdout).get("stories", []):
                for kind, groups in (("dis", s.get("conflicts", [])), ("agr", s.get("agreements", []))):
                    for g in groups:
                        if kind == "dis" and not g.get("shown", True):
                            continue
                        events = {event_of.get(c.get("article")) for c in g["claims"]}
                        t[kind + ("_both" if len(events) > 1 else "_one")] += 1
    dis = t["dis_one"] + t["dis_both"]
    agr = t["agr_one"] + t["agr_both"]
    print("ECB+ dev, %d topics of two events each: disagreements shown %d, of both events %d (%.2f); "
          "agreements %d, of both events %d (%.2f)" % (
              len(topics), dis, t["dis_both"], t["dis_both"] / dis if dis else 0,
              agr, t["agr_both"], t["agr_both"] / agr if agr else 0))


if __name__ == "__main__":
    main()
