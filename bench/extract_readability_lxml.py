#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) on every page of a folder:
prints {page id: text} as JSON. Run with /usr/bin/python3.
usage: extract_readability_lxml.py DIR"""
import json
import logging
import os
import sys

import lxml.html
from readability import Document

logging.disable(logging.CRITICAL)
d = sys.argv[1]
out = {}
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
        html = f.read()
    try:
        summary = Document(html).summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content()
    except Exception:
        text = ""
    out[name.split(".")[0]] = text
json.dump(out, sys.stdout, ensure_ascii=False)
