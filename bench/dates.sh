#!/bin/sh
# Temporal expression benchmark: TempEval-3 Task A style scoring of
# `parallax dates --raw` on the TempEval-3 training corpus (TimeBank +
# AQUAINT, 256 documents), the even-indexed documents (tuning half) and the
# odd-indexed ones scored separately; rules in bench/dates_score.py.
# Then the same scoring of python3-dateparser as a peer, and speed on the
# 2,225 BBC articles.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
python3 bench/dates_score.py "$BIN" "$DATA/timex/tempeval3-train.jsonl" "$@"
# peer: Debian's python3-dateparser (scripts/install-deps --bench), when present
if /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
    /usr/bin/python3 bench/dates_peer.py "$DATA/timex/tempeval3-train.jsonl"
else
    echo "peer dateparser: not installed (scripts/install-deps --bench)"
fi
python3 - "$BIN" "$DATA/bulk/bbc" <<'PY'
import os, resource, subprocess, sys
binary, folder = sys.argv[1], sys.argv[2]
n = sum(f.endswith('.txt') for _, _, fs in os.walk(folder) for f in fs)
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
t0 = cpu()
subprocess.run([binary, 'read', '-q', folder], stdout=subprocess.DEVNULL)
read = cpu() - t0
t1 = cpu()
out = subprocess.run([binary, 'dates', '-q', folder], capture_output=True).stdout
dates = cpu() - t1
found = out.count(b'\n')
print(f"speed: {n} BBC articles ({size / 1e6:.1f} MB), {found} expressions; "
      f"dates {dates:.2f}s CPU, of which reading {read:.2f}s: "
      f"{size / 1e6 / max(dates - read, 1e-9):.1f} MB/s for the stage alone")
PY
# linear time: one giant sentence (no full stop) of 1x and 8x the size
python3 - "$BIN" <<'PY'
import os, resource, subprocess, sys, tempfile
binary = sys.argv[1]
unit = "officials met on Monday, Nov. 27 and again three days later at 3 p.m. in the third quarter and "
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
times = []
for mult in (1, 8):
    reps = 10000 * mult
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write("date: 2023-12-10\n\n" + unit * reps + "\n")
        path = f.name
    t0 = cpu()
    out = subprocess.run([binary, 'dates', '-q', path], capture_output=True).stdout
    times.append(cpu() - t0)
    os.unlink(path)
    print(f"giant sentence: {reps * len(unit.split()):,} tokens ({len(unit) * reps / 1e6:.1f} MB), "
          f"{out.count(10):,} expressions, {times[-1]:.2f}s CPU")
print(f"giant sentence: 8x the input took {times[1] / max(times[0], 1e-9):.1f}x the time")
PY
