"""Entity samples per language for bench/names-lang.sh (see there)."""
import json
import os
import subprocess
import sys
import tempfile

LANGS = ("de", "fr", "es", "pt")
SAMPLE = 20


def articles(folder, lang, tmp):
    path = os.path.join(tmp, f"{lang}.jsonl")
    with open(os.path.join(folder, f"{lang}.jsonl"), encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                it = json.loads(line)
                out.write(json.dumps({"id": it["id"], "language": lang, "date": "2023-06-14",
                                      "text": it["text"]}, ensure_ascii=False) + "\n")
    return path


def sample(binary, path):
    out = subprocess.run([binary, "entities", "-q", path], capture_output=True, text=True, check=True).stdout
    names = [json.loads(line) for line in out.splitlines() if line.strip()]
    step = max(len(names) // SAMPLE, 1)
    return len(names), [f"{e['name']}:{e['kind']}" for e in names[::step][:SAMPLE]]


def main():
    folder, binaries = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            path = articles(folder, lang, tmp)
            for binary in binaries:
                n, picked = sample(binary, path)
                print(f"== {lang} ({binary}): {n} entities")
                for k, e in enumerate(picked, 1):
                    print(f"  {k:2d}. {e}")


if __name__ == "__main__":
    main()
