#!/usr/bin/env python3
"""Language identification accuracy: UD dev items (running text of about 20
sentences, or one PUD document) and their first sentences, and the English
giveme5w1h dev articles (title and text). Runs each detector command on
the texts separated by NUL bytes and prints the share correct per language,
for both halves (items by even and odd position) and in all.
A detector answers "-" when it cannot tell; that counts as not right.
Usage: langid_score.py SHARED NAME=COMMAND... (COMMAND split on spaces)"""
import collections, glob, json, os, subprocess, sys, time

shared, tools = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
texts = []  # (lang, kind, half, text)
for path in sorted(glob.glob(os.path.join(shared, "data/sentences/ud/*.jsonl"))):
    for i, line in enumerate(open(path, encoding="utf-8")):
        d = json.loads(line)
        texts.append((d["lang"], "article", i % 2, d["text"]))
        texts.append((d["lang"], "sentence", i % 2, d["sentences"][0]))
for i, line in enumerate(open(os.path.join(shared, "data/stories/giveme5w1h-dev.jsonl"), encoding="utf-8")):
    d = json.loads(line)
    texts.append(("en", "article", i % 2, (d.get("title") or "") + "\n\n" + d["text"]))
data = b"\0".join(t.encode() for *_, t in texts)
print(f"{sum(k == 'article' for _, k, _, _ in texts)} articles and "
      f"{sum(k == 'sentence' for _, k, _, _ in texts)} sentences, {len(data) / 1e6:.1f} MB")
for name, cmd in tools:
    t0 = time.time()
    out = subprocess.run(cmd.split(), input=data, capture_output=True, check=True).stdout.decode().split("\n")
    secs = time.time() - t0
    score = collections.defaultdict(lambda: [0, 0])
    unanswered = collections.Counter()
    for (lang, kind, half, _), got in zip(texts, out):
        unanswered[kind] += got == "-"
        got = got.split("-")[0] if got != "-" else got
        for key in ((kind, lang, half), (kind, lang, 2), (kind, "all", half), (kind, "all", 2)):
            score[key][0] += got == lang
            score[key][1] += 1
    pct = lambda k: 100 * score[k][0] / score[k][1]
    for kind in ("article", "sentence"):
        langs = sorted({l for k, l, _ in score if k == kind and l != "all"})
        row = " ".join(f"{l} {pct((kind, l, 2)):.1f}" for l in langs)
        print(f"  {name:11} {kind:8} {row} | all {pct((kind, 'all', 2)):.2f} "
              f"(halves {pct((kind, 'all', 0)):.2f} / {pct((kind, 'all', 1)):.2f}; "
              f"no answer {unanswered[kind]})")
    print(f"  {name:11} {secs:.2f} s for all texts ({len(data) / 1e6 / secs:.1f} MB/s, process start included)")
