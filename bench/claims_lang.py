"""Counts and samples for bench/claims-lang.sh (see there)."""
import json
import os
import subprocess
import sys
import tempfile

LANGS = ("de", "fr", "es", "pt")  # with UD dev text
EXAMPLES = ("de", "fr", "es", "it", "pt")
KINDS = ("quotes", "numbers", "dates")
SAMPLE = 20


def run(binary, kind, path):
    out = subprocess.run([binary, kind, "-q", path], capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def describe(kind, o):
    if kind == "quotes":
        return f"quote [{o.get('kind')}] «{o.get('text')}» speaker={o.get('speaker')} cue={o.get('cue')}"
    if kind == "numbers":
        return (f"number [{o.get('kind')}] «{o.get('text')}» value={o.get('value')} unit={o.get('unit')} "
                f"counted={o.get('counted')}")
    return f"date «{o.get('text')}» value={o.get('value')} grain={o.get('grain')}"


def examples(binary):
    for lang in EXAMPLES:
        path = f"examples/lang/{lang}.jsonl"
        print(f"== examples/lang/{lang}.jsonl")
        for kind in KINDS:
            for o in run(binary, kind, path):
                print("  " + describe(kind, o))


def ud_items(folder, lang):
    with open(os.path.join(folder, f"{lang}.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def half_file(items, parity, tmp):
    """The items at even (0) or odd (1) positions as articles, dated so
    relative dates resolve; the number of their sentences."""
    path = os.path.join(tmp, f"half{parity}.jsonl")
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for i, it in enumerate(items):
            if i % 2 != parity:
                continue
            n += len(it["sentences"])
            f.write(json.dumps({"id": it["id"], "language": it["lang"], "date": "2023-06-14",
                                "text": it["text"]}, ensure_ascii=False) + "\n")
    return path, n


def counts(binary, folder, label):
    print(f"\n{label}: finds per 1,000 sentences of UD dev text (even items / odd items)")
    print("| lang | sentences | quotes | numbers | dates |")
    print("|---|---:|---:|---:|---:|")
    finds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            items = ud_items(folder, lang)
            row, total = [], 0
            per = {k: [] for k in KINDS}
            for parity in (0, 1):
                path, n = half_file(items, parity, tmp)
                total += n
                for kind in KINDS:
                    found = run(binary, kind, path)
                    per[kind].append(1000 * len(found) / max(n, 1))
                    finds.setdefault((lang, kind), []).extend(found)
            row = [f"{per[k][0]:.1f} / {per[k][1]:.1f}" for k in KINDS]
            print(f"| {lang} | {total} | " + " | ".join(row) + " |")
    return finds


def sample(finds):
    print(f"\nsample: {SAMPLE} finds per language, evenly spaced over quotes, numbers and dates")
    for lang in LANGS:
        pool = [(kind, o) for kind in KINDS for o in finds.get((lang, kind), [])]
        step = max(len(pool) // SAMPLE, 1)
        print(f"== {lang} ({len(pool)} finds)")
        for n, (kind, o) in enumerate(pool[::step][:SAMPLE], 1):
            print(f"  {n:2d}. {o.get('article')}: " + describe(kind, o))


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    examples(binary)
    finds = counts(binary, folder, f"after ({binary})")
    if len(sys.argv) > 3:
        counts(sys.argv[3], folder, f"before ({sys.argv[3]})")
    sample(finds)


if __name__ == "__main__":
    main()
