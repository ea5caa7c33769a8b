#!/usr/bin/env python3
"""Copies HTML pages with every class and id attribute removed, to measure
how much extraction leans on the words sites use to name their boxes (a
page from a site with unusual names looks like this to the model).

usage: strip_class_id.py IN_DIR OUT_DIR"""
import os
import re
import sys

ATTR = re.compile(r"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), encoding="utf-8", errors="surrogateescape") as f:
        html = f.read()
    with open(os.path.join(dst, name), "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(ATTR.sub("", html))
