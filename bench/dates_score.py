#!/usr/bin/env python3
"""TempEval-3 Task A style scoring of `parallax dates --raw` against the
TempEval-3 training corpus (../shared/data/timex/README.md).

usage: dates_score.py PARALLAX TEMPEVAL.jsonl [--errors even|odd]

Documents with an even index (0, 2, ...) are the tuning half, odd ones
the other. Gold and predicted expressions are matched one to one in text
order by overlap. Reported per half: relaxed and strict span precision,
recall and F1, type accuracy and value accuracy over relaxed matches, and
value F1 (a relaxed match counts only when its value is equal)."""
import json, os, subprocess, sys, tempfile


def run(binary, docs):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({'id': str(i), 'date': d['dct'][:10], 'text': d['text']}) + '\n')
        path = f.name
    try:
        out = subprocess.run([binary, 'dates', '--raw', '-q', path], capture_output=True,
                             text=True, check=True).stdout
    finally:
        os.unlink(path)
    pred = [[] for _ in docs]
    for line in out.splitlines():
        x = json.loads(line)
        pred[int(x['article'])].append(x)
    return pred


def match(gold, pred):
    """One-to-one overlap matches in text order: list of (g, p)."""
    pairs, used, k = [], set(), 0
    pred = sorted(pred, key=lambda p: p['start'])
    for g in sorted(gold, key=lambda g: g['start']):
        while k < len(pred) and pred[k]['end'] <= g['start']:
            k += 1
        for j in range(k, len(pred)):
            p = pred[j]
            if p['start'] >= g['end']:
                break
            if j not in used:
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


def prf(tp_p, tp_r, n_pred, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs, pred, idx, errors=False):
    n_gold = n_pred = relaxed = strict = typed = valued = 0
    for i in idx:
        gold = docs[i]['timex']
        pairs = match(gold, pred[i])
        n_gold += len(gold)
        n_pred += len(pred[i])
        relaxed += len(pairs)
        for g, p in pairs:
            strict += g['start'] == p['start'] and g['end'] == p['end']
            typed += g['type'].lower() == p['type']
            ok = g['value'] == p['value']
            valued += ok
            if errors and not ok:
                t = docs[i]['text']
                print(f"  value {docs[i]['dct'][:10]} {g['text']!r} gold {g['value']} ours {p['value']} "
                      f"({p['text']!r}) | {t[max(0, g['start'] - 60):g['end'] + 40]!r}")
        if errors:
            hit_g = {id(g) for g, _ in pairs}
            hit_p = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in hit_g:
                    t = docs[i]['text']
                    print(f"  missed {g['type']} {g['text']!r} {g['value']} | {t[max(0, g['start'] - 40):g['end'] + 30]!r}")
            for p in pred[i]:
                if id(p) not in hit_p:
                    t = docs[i]['text']
                    print(f"  spurious {p['type']} {p['text']!r} {p['value']} | {t[max(0, p['start'] - 40):p['end'] + 30]!r}")
    rp, rr, rf = prf(relaxed, relaxed, n_pred, n_gold)
    sp, sr, sf = prf(strict, strict, n_pred, n_gold)
    vp, vr, vf = prf(valued, valued, n_pred, n_gold)
    return {'docs': len(idx), 'gold': n_gold, 'pred': n_pred,
            'relaxed': (rp, rr, rf), 'strict': (sp, sr, sf),
            'type_acc': typed / relaxed if relaxed else 0.0,
            'value_acc': valued / relaxed if relaxed else 0.0, 'value_f1': vf}


def main():
    binary, path = sys.argv[1], sys.argv[2]
    errors = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == '--errors' else None
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    pred = run(binary, docs)
    halves = {'even': range(0, len(docs), 2), 'odd': range(1, len(docs), 2)}
    if errors:
        score(docs, pred, list(halves[errors]), errors=True)
        return
    for name, idx in list(halves.items()) + [('all', range(len(docs)))]:
        s = score(docs, pred, list(idx))
        print(f"{name:4} docs {s['docs']:3} gold {s['gold']:4} ours {s['pred']:4}  "
              f"relaxed P/R/F1 {s['relaxed'][0]:.3f}/{s['relaxed'][1]:.3f}/{s['relaxed'][2]:.3f}  "
              f"strict F1 {s['strict'][2]:.3f}  type acc {s['type_acc']:.3f}  "
              f"value acc {s['value_acc']:.3f}  value F1 {s['value_f1']:.3f}")


if __name__ == '__main__':
    main()
