#!/bin/sh
# Cleaning on the five seeds and the example corpus: what was removed from
# each article and why, and the sentence counts before and after. Then the
# BBC corpus (clean articles, no web noise): every removal there is a
# repeat found in real text, counted by reason.
# Usage: bench/clean.sh
set -eu
cd "$(dirname "$0")/.."
SHARED=${PARALLAX_SHARED:-../shared}
PX=build/parallax
[ -x "$PX" ] || make -s build/parallax
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in "$SHARED/seeds" examples/corpus; do
    echo "== $set"
    $PX read --quiet "$set" > "$tmp/clean.jsonl"
    $PX sentences --quiet "$set" > "$tmp/clean.sent"
    $PX sentences --raw --quiet "$set" > "$tmp/raw.sent"
    python3 - "$tmp/clean.jsonl" "$tmp/raw.sent" "$tmp/clean.sent" <<'PY'
import collections, json, os, sys
arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
raw = {o["id"]: len(o["sentences"]) for o in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
cleaned = {o["id"]: len(o["sentences"]) for o in map(json.loads, open(sys.argv[3], encoding="utf-8"))}
total = collections.Counter()
for a in arts:
    name = os.path.basename(a["input"]["path"]) + (f":{a['input']['line']}" if "line" in a["input"] else "")
    print(f"{name}: {raw[a['id']]} sentences as read, {cleaned[a['id']]} after cleaning, {len(a['removed'])} removals")
    for r in a["removed"]:
        total[r["reason"]] += 1
        t = r["text"] if len(r["text"]) <= 100 else r["text"][:97] + "..."
        print(f"    [{r['reason']}] {t}")
print("removals by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())) + f" (total {sum(total.values())})")
PY
done
BBC=$SHARED/data/bulk/bbc
echo "== $BBC"
$PX read --quiet --show-removed "$BBC" 2>"$tmp/bbc.removed" >/dev/null
sed -n 's/^removed \[\([^]]*\)\].*/\1/p' "$tmp/bbc.removed" | sort | uniq -c |
    awk '{printf "%s%s %s", (NR > 1 ? ", " : "removals by reason: "), $2, $1; t += $1} END {print " (total " t ")"}'
