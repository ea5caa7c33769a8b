#!/bin/sh
# Quote benchmark: PolNeAR direct-quote spans and speakers (train and dev,
# scored separately; rules in bench/quotes_score.py and docs/claims.md),
# QUOTES_LIST=train lists the speaker errors, missed gold and unmatched
# predicted quotes of train on stderr;
# then extraction speed (entities + quotes + numbers) per 100 articles.
# `bench/quotes.sh --errors`: train only, its errors listed on stderr with
# the text of each speaker error (QUOTES_CONTEXT=1), no speed run.
set -e
cd "$(dirname "$0")/.."
BIN=${PARALLAX_BIN:-build/parallax}
DATA=${PARALLAX_SHARED:-../shared}/data
[ -x "$BIN" ] || make --no-print-directory build/parallax >/dev/null
if [ "$1" = "--errors" ]; then
    QUOTES_LIST=train QUOTES_CONTEXT=1 exec python3 bench/quotes_score.py "$BIN" "$DATA/quotes/polnear" train
fi
python3 bench/quotes_score.py "$BIN" "$DATA/quotes/polnear" train dev
# speed: the 2,225 BBC articles through each command; CPU time (user+sys)
# of the commands, since wall time on a shared machine measures the load
python3 - "$BIN" "$DATA/bulk/bbc" <<'PY'
import os, resource, subprocess, sys, time
binary, folder = sys.argv[1], sys.argv[2]
n = sum(f.endswith('.txt') for _, _, fs in os.walk(folder) for f in fs)
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
t0, w0 = cpu(), time.time()
subprocess.run([binary, 'read', '-q', folder], stdout=subprocess.DEVNULL)
read = cpu() - t0
t1 = cpu()
for c in ('entities', 'quotes', 'numbers'):
    subprocess.run([binary, c, '-q', folder], stdout=subprocess.DEVNULL)
total = cpu() - t1
extract = total - 3 * read
print(f"speed: {n} BBC articles; entities+quotes+numbers {total:.2f}s CPU incl. reading 3x "
      f"= {total * 100 / n:.3f}s per 100 articles; extraction alone {max(extract, 0) * 100 / n:.3f}s "
      f"per 100 articles (read: {read:.2f}s); wall {time.time() - w0:.1f}s")
PY
