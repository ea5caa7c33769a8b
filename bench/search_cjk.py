"""Recall and precision of CJK search for bench/search-cjk.sh (see there)."""
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

LANGS = ("zh", "ja")
QUERIES = 300


def is_cjk(ch):
    cp = ord(ch)
    return (0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0x3400 <= cp <= 0x4DBF or
            0x4E00 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7A3 or 0xF900 <= cp <= 0xFAFF)


def sentences(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.extend(s.strip() for s in json.loads(line)["sentences"] if s.strip())
    return out


def cjk_runs(text):
    runs, cur = [], ""
    for ch in text:
        if is_cjk(ch) and unicodedata.category(ch).startswith("L"):
            cur += ch
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = ""
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def queries(docs, rng):
    out = []
    while len(out) < QUERIES:
        runs = cjk_runs(rng.choice(docs))
        if not runs:
            continue
        run = rng.choice(runs)
        n = rng.randint(2, min(4, len(run)))
        i = rng.randint(0, len(run) - n)
        out.append(run[i:i + n])
    return out


def parallax_hits(binary, db, q):
    r = subprocess.run([binary, "search", "--json", "--limit", "100000", "--db", db, q],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return set()
    return {int(x["ext_id"]) for x in json.loads(r.stdout)["results"]}


def store(binary, docs, lang, tmp):
    path = os.path.join(tmp, f"{lang}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({"id": str(i), "language": lang, "source": "ud.example", "text": d},
                               ensure_ascii=False) + "\n")
    db = os.path.join(tmp, f"{lang}-{os.path.basename(binary)}-{abs(hash(binary))}.db")
    subprocess.run([binary, "ingest", "-q", "--no-analyze", "--db", db, path], check=True,
                   capture_output=True)
    return db


def fts5(docs, tokenizer):
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{tokenizer}')")
    con.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", enumerate(docs))
    def hits(q):
        try:
            return {r[0] for r in con.execute("SELECT rowid FROM t WHERE t MATCH ?", ('"' + q + '"',))}
        except sqlite3.OperationalError:
            return set()
    return hits


def score(rows, name, lang, qs, gold, hits_of):
    by_len = {}
    for q in qs:
        got, want = hits_of(q), gold[q]
        k = "2" if len(q) == 2 else "3-4"
        for key in (k, "all"):
            t = by_len.setdefault(key, [0, 0, 0])
            t[0] += len(got & want)
            t[1] += len(got)
            t[2] += len(want)
    for key in ("2", "3-4", "all"):
        tp, got, want = by_len[key]
        rows.append((lang, name, key, tp / want if want else 0.0, tp / got if got else 1.0))


def main():
    binary, ud = sys.argv[1], sys.argv[2]
    before = sys.argv[3] if len(sys.argv) > 3 else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            docs = sentences(os.path.join(ud, f"{lang}.jsonl"))
            qs = queries(docs, random.Random(7))
            gold = {q: {i for i, d in enumerate(docs) if q in d} for q in qs}
            print(f"{lang}: {len(docs)} sentences, {len(qs)} strings "
                  f"({sum(len(q) == 2 for q in qs)} of 2 characters)")
            db = store(binary, docs, lang, tmp)
            score(rows, "parallax", lang, qs, gold, lambda q: parallax_hits(binary, db, q))
            if before:
                dbb = store(before, docs, lang, tmp)
                score(rows, "parallax before", lang, qs, gold, lambda q: parallax_hits(before, dbb, q))
            score(rows, "FTS5 unicode61", lang, qs, gold, fts5(docs, "unicode61"))
            score(rows, "FTS5 trigram", lang, qs, gold, fts5(docs, "trigram"))
    print("| lang | index | strings | recall | precision |")
    print("|---|---|---|---:|---:|")
    for lang, name, key, r, p in rows:
        print(f"| {lang} | {name} | {key} | {r:.3f} | {p:.3f} |")


if __name__ == "__main__":
    main()
