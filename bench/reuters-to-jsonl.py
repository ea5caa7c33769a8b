#!/usr/bin/env python3
"""Converts the Reuters-21578 JSON arrays of ../shared/data/bulk into one JSON
Lines file (id, title, date, source, text), the input shape parallax reads.
Usage: reuters-to-jsonl.py SHARED_DIR OUT.jsonl"""
import glob, json, os, sys

shared, out = sys.argv[1], sys.argv[2]
n = 0
with open(out, "w", encoding="utf-8") as f:
    for path in sorted(glob.glob(os.path.join(shared, "data/bulk/reuters21578/*.json"))):
        with open(path, encoding="utf-8", errors="replace") as src:
            for rec in json.load(src):
                body = (rec.get("body") or "").strip()
                if not body:
                    continue
                f.write(json.dumps({
                    "id": "reuters-" + str(rec["attrs"]["newid"]),
                    "source": "Reuters",
                    "title": (rec.get("title") or "").strip(),
                    "date": (rec.get("date") or "").strip(),
                    "text": body,
                }) + "\n")
                n += 1
print(f"{n} articles -> {out}", file=sys.stderr)
