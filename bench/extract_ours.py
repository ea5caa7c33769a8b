#!/usr/bin/env python3
"""Turns `parallax extract` JSON Lines into {page id: text}; the page id is
the input file name without .html.gz. usage: extract_ours.py < out.jsonl"""
import json
import os
import sys

pred = {}
for line in sys.stdin:
    a = json.loads(line)
    name = os.path.basename(a["input"]["path"])
    pred[name.split(".")[0]] = a["text"]
json.dump(pred, sys.stdout, ensure_ascii=False)
