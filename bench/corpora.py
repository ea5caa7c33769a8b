#!/usr/bin/env python3
"""Benchmark inputs built from ../shared/data (written to bench/out, never
committed).

usage: corpora.py reuters OUT.jsonl        Reuters-21578 JSON arrays -> JSONL
       corpora.py stream N REUTERS.jsonl   N synthetic articles on stdout,
                                           resampled from Reuters, in time order
"""
import datetime
import glob
import json
import os
import random
import sys

SHARED = os.environ.get("PARALLAX_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))


def reuters(out):
    files = sorted(glob.glob(os.path.join(SHARED, "data/bulk/reuters21578/reut2-*.json")))
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for path in files:
            with open(path, encoding="utf-8", errors="replace") as fh:
                records = json.load(fh)
            for r in records:
                date = None
                try:
                    # "1-MAR-1987 01:30:29.50": the day may have one digit,
                    # so the fraction of a second is cut at its dot.
                    stamp = r["date"].strip().split(".")[0]
                    date = datetime.datetime.strptime(stamp, "%d-%b-%Y %H:%M:%S").strftime("%Y-%m-%dT%H:%M:%SZ")
                except (ValueError, KeyError, AttributeError):
                    pass
                body = " ".join((r.get("body") or "").split("\n"))
                art = {"id": "reuters-" + r["attrs"]["newid"], "source": "Reuters",
                       "title": (r.get("title") or "").strip() or None, "date": date, "text": body.strip()}
                f.write(json.dumps(art) + "\n")
                n += 1
    print(f"{n} Reuters articles -> {out}", file=sys.stderr)


def stream(n, src):
    """Articles resampled from Reuters: each keeps a random 60-100% of its
    source's sentences, gets a new id and a date that moves forward about
    1,000 articles a day, so the stream is in time order."""
    with open(src, encoding="utf-8") as f:
        pool = [a for a in map(json.loads, f) if a["text"]]
    rng = random.Random(1987)
    start = datetime.date(2000, 1, 1)
    out = sys.stdout
    for i in range(n):
        a = pool[rng.randrange(len(pool))]
        sents = a["text"].split(". ")
        keep = [s for s in sents if rng.random() < 0.8] or sents[:1]
        day = start + datetime.timedelta(days=i // 1000)
        out.write(json.dumps({"id": f"s{i}", "source": f"outlet{rng.randrange(50)}", "title": a["title"],
                              "date": day.isoformat(), "text": ". ".join(keep)}) + "\n")


def main(argv):
    if len(argv) == 3 and argv[1] == "reuters":
        reuters(argv[2])
    elif len(argv) == 4 and argv[1] == "stream":
        stream(int(argv[2]), argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
