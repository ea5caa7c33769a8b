#!/usr/bin/env python3
"""The peer for ingest: Python's sqlite3 inserting the same JSON Lines into a
plain table with an FTS5 index (porter unicode61), 500 rows per transaction,
WAL - storage and indexing only, no duplicate detection, no clustering.
Usage: sqlite-fts-ingest.py DB INPUT.jsonl..."""
import json, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
db.executescript("""
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS articles(id INTEGER PRIMARY KEY, ext_id TEXT, source TEXT,
  title TEXT, date TEXT, text TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',
  content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS a_ins AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
""")
batch = []
def flush():
    with db:
        db.executemany("INSERT INTO articles(ext_id, source, title, date, text) VALUES (?,?,?,?,?)", batch)
    batch.clear()
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            batch.append((r.get("id"), r.get("source"), r.get("title"), r.get("date"), r.get("text")))
            if len(batch) == 500:
                flush()
flush()
