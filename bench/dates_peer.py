#!/usr/bin/env python3
"""Peer for bench/dates.sh: Debian's python3-dateparser (search_dates, the
article date as RELATIVE_BASE, past preferred) scored like
bench/dates_score.py. It finds expressions and a point in time but no type
or grain: its value is the day (YYYY-MM-DD), its type always "date".

usage: dates_peer.py TEMPEVAL.jsonl  (run with /usr/bin/python3)"""
import datetime, json, os, sys, warnings

warnings.filterwarnings('ignore')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dates_score import score  # noqa: E402
from dateparser.search import search_dates  # noqa: E402


def find(doc):
    base = datetime.datetime.fromisoformat(doc['dct'][:10])
    found = search_dates(doc['text'], languages=['en'],
                         settings={'RELATIVE_BASE': base, 'PREFER_DATES_FROM': 'past'}) or []
    out, at = [], 0
    for words, when in found:
        start = doc['text'].find(words, at)
        if start < 0:
            continue
        at = start + len(words)
        out.append({'start': start, 'end': at, 'type': 'date', 'value': when.strftime('%Y-%m-%d')})
    return out


def main():
    docs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    pred = [find(d) for d in docs]
    for name, idx in (('even', range(0, len(docs), 2)), ('odd', range(1, len(docs), 2))):
        s = score(docs, pred, list(idx))
        print(f"peer dateparser {name:4} relaxed P/R/F1 {s['relaxed'][0]:.3f}/{s['relaxed'][1]:.3f}/"
              f"{s['relaxed'][2]:.3f}  strict F1 {s['strict'][2]:.3f}  value F1 {s['value_f1']:.3f}")


if __name__ == '__main__':
    main()
