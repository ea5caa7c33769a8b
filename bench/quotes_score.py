#!/usr/bin/env python3
"""Scores `parallax quotes` against PolNeAR direct quotes (docs/claims.md).

usage: quotes_score.py PARALLAX POLNEAR_DIR SPLIT [SPLIT...]

Gold rule: an attribution whose Content (all pieces) holds a segment of
three or more words inside double quotation marks is a direct quote (full
or partial); its gold spans are the quoted segments (marks excluded).
Shorter quoted terms are what parallax calls "term" quotes and are left
out on both sides. One annotation
file per article (the first by name) is used. Predictions: quotes of kind
speech or partial. A gold quote and a predicted quote match (overlap) when
a gold segment and a predicted piece share a character; greedy one-to-one
by overlap size. Exact: the segments and pieces, trimmed of surrounding
white space and punctuation and joined by one space, are equal. Speaker
accuracy, over overlap-matched pairs whose gold attribution has a Source:
correct when the predicted speaker mention overlaps the gold Source span,
or the head word (last word, possessive removed) of the gold Source equals
a word of the predicted speaker or of its mention, or the head word of the
predicted speaker is a word of the gold Source ("Alicia Bannon" for "Alicia
Bannon, senior counsel in the Brennan Center's Democracy Program").
A second figure, "speaker or relay", also counts a pair correct when the
gold Source names the quote's relay (`relay`: `X said, according to CNN`
gives speaker X and relay CNN; PolNeAR's Source is then CNN) by the same
head-word rules. Offsets: `quotes --raw` is also run on each split's text
folder, and a quote counts as exact when its pieces, sliced out of the
file by their code point offsets and joined by one space, are its text.
"""
import json, os, re, subprocess, sys, tempfile

# splits whose speaker errors, missed gold quotes and unmatched predicted
# quotes are listed on stderr (QUOTES_LIST=train);
# only the train split is for reading errors, dev is held out
LIST = set(os.environ.get('QUOTES_LIST', '').split(','))

# with QUOTES_CONTEXT=1 each listed speaker error also shows its text,
# from the gold Source or the quote (whichever comes first) to the quote's end
CONTEXT = os.environ.get('QUOTES_CONTEXT') == '1'

MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
PUNCT = ' \t\n.,;:!?\'"\u201c\u201d\u2018\u2019-\u2014()[]'


def parse_ann(path):
    spans, rels = {}, []
    for line in open(path, encoding='utf-8'):
        if line.startswith('T'):
            parts = line.rstrip('\n').split('\t')
            if len(parts) < 2:
                continue
            label, _, offs = parts[1].partition(' ')
            pieces = []
            for seg in offs.split(';'):
                a, b = seg.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, pieces)
        elif line.startswith('E'):
            parts = line.rstrip('\n').split('\t')
            args = dict(x.split(':', 1) for x in parts[1].split()[1:] if ':' in x)
            rels.append(args)
    return spans, rels


def quoted_segments(text, a, b):
    """Segments of text[a:b] inside double quotation marks (marks excluded)."""
    segs, open_at = [], None
    for i in range(a, b):
        c = text[i]
        if c not in MARKS:
            continue
        opens = c in '\u201c\u201e\u00ab' or (c == '"' and open_at is None)
        if open_at is None and opens:
            open_at = i + 1
        elif open_at is not None and not (c in '\u201c\u201e\u00ab'):
            segs.append((open_at, i))
            open_at = None
        elif c in '\u201c\u201e\u00ab':
            open_at = i + 1
    if open_at is not None:
        segs.append((open_at, b))  # quote continues past the content span
    # a content that opens inside a quote: a closing mark with no opening one
    first_mark = next((i for i in range(a, b) if text[i] in MARKS), None)
    if first_mark is not None and text[first_mark] in '\u201d\u00bb' and (not segs or segs[0][0] > first_mark):
        segs.insert(0, (a, first_mark))
    return [(s, e) for s, e in segs if text[s:e].strip(PUNCT)]


def gold_quotes(text, ann):
    spans, rels = parse_ann(ann)
    out = []
    for r in rels:
        pieces = []
        for role in ('Content', 'Content2'):
            if role in r and r[role] in spans:
                pieces += spans[r[role]][1]
        if not pieces:
            continue
        total = sum(len(text[a:b].replace(' ', '')) for a, b in pieces)
        segs = []
        for a, b in pieces:
            segs += quoted_segments(text, a, b)
        if not any(len(text[a:b].split()) >= 3 for a, b in segs):
            continue
        src = spans.get(r.get('Source', ''), (None, []))[1]
        out.append({'segs': segs, 'source': src})
    return out


def context(text, segs):
    a = max(0, min(s for s, _ in segs) - 120)
    b = min(len(text), max(e for _, e in segs) + 60)
    return '    | ' + text[a:b].replace('\n', ' / ')


def norm(text, segs):
    return ' '.join(text[a:b].strip(PUNCT) for a, b in segs).lower()


def head(s):
    w = re.findall(r"[\w\-]+", re.sub(r"['\u2019]s?\b", '', s))
    return w[-1].lower() if w else ''


def overlap(segs_a, segs_b):
    return sum(max(0, min(b, d) - max(a, c)) for a, b in segs_a for c, d in segs_b)


def score(parallax, root, split):
    tdir = os.path.join(root, split, 'text')
    adir = os.path.join(root, split, 'attributions')
    anns = {}
    for f in sorted(os.listdir(adir)):
        anns.setdefault(f.rsplit('_', 1)[0], f)
    texts = {}
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tmp:
        for name in sorted(anns):
            p = os.path.join(tdir, name + '.txt')
            if not os.path.exists(p):
                continue
            texts[name] = open(p, encoding='utf-8', newline='').read()
            tmp.write(json.dumps({'id': name, 'text': texts[name]}) + '\n')
    out = subprocess.run([parallax, 'quotes', '--raw', '-q', tmp.name], capture_output=True, text=True)
    os.unlink(tmp.name)
    preds = {}
    for line in out.stdout.splitlines():
        q = json.loads(line)
        if q['kind'] == 'term':
            continue
        preds.setdefault(q['article'], []).append(q)
    n_gold = n_pred = m_overlap = m_exact = spk_n = spk_ok = relay_ok = 0
    for name, text in texts.items():
        gold = gold_quotes(text, os.path.join(adir, anns[name]))
        pred = preds.get(name, [])
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(pred):
                ov = overlap(g['segs'], [(x['start'], x['end']) for x in p['pieces']])
                if ov:
                    pairs.append((ov, gi, pi))
        used_g, used_p = set(), set()
        for ov, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi], pred[pi]
            m_overlap += 1
            psegs = [(x['start'], x['end']) for x in p['pieces']]
            if norm(text, g['segs']) == norm(text, psegs):
                m_exact += 1
            if g['source']:
                spk_n += 1
                gtext = ' '.join(text[a:b] for a, b in g['source'])
                ok = False
                if p.get('speaker_start') is not None:
                    ok = overlap(g['source'], [(p['speaker_start'], p['speaker_end'])]) > 0
                words = set(re.findall(r"[\w\-]+", ((p.get('speaker') or '') + ' ' + (p.get('speaker_mention') or '')).lower()))
                gwords = set(re.findall(r"[\w\-]+", gtext.lower()))
                ok = ok or bool(head(gtext) and head(gtext) in words)
                ok = ok or bool(p.get('speaker') and head(p['speaker']) in gwords)
                spk_ok += ok
                if not ok and split in LIST:
                    print(f"  speaker error {name}: gold {gtext!r} predicted {p.get('speaker')!r} "
                          f"(mention {p.get('speaker_mention')!r}, cue {p.get('cue')!r}) "
                          f"quote {p['text'][:70]!r}", file=sys.stderr)
                    if CONTEXT:
                        print(context(text, g['source'] + psegs), file=sys.stderr)
                if not ok and p.get('relay'):
                    rwords = set(re.findall(r"[\w\-]+", p['relay'].lower()))
                    ok = bool(head(gtext) and head(gtext) in rwords) or head(p['relay']) in gwords
                relay_ok += ok
        if split in LIST:
            for gi, g in enumerate(gold):
                if gi not in used_g:
                    print(f"  missed gold {name}: {norm(text, g['segs'])[:90]!r}", file=sys.stderr)
            for pi, p in enumerate(pred):
                if pi not in used_p:
                    print(f"  unmatched predicted {name}: {p['text'][:90]!r}", file=sys.stderr)
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0
    po, ro = m_overlap / max(n_pred, 1), m_overlap / max(n_gold, 1)
    pe, re_ = m_exact / max(n_pred, 1), m_exact / max(n_gold, 1)
    print(f"{split}: articles {len(texts)}, gold direct quotes {n_gold}, predicted {n_pred}")
    print(f"  overlap  P {po:.3f}  R {ro:.3f}  F1 {f1(po, ro):.3f}")
    print(f"  exact    P {pe:.3f}  R {re_:.3f}  F1 {f1(pe, re_):.3f}")
    print(f"  speaker accuracy {spk_ok / max(spk_n, 1):.3f} ({spk_ok}/{spk_n} matched quotes with a gold source)")
    print(f"  speaker or relay {relay_ok / max(spk_n, 1):.3f} ({relay_ok}/{spk_n})")


def offsets(parallax, root, split):
    """Share of quotes whose pieces, sliced out of the input .txt file by
    their code point offsets (`quotes --raw` on the text folder itself),
    are the quote's text."""
    tdir = os.path.join(root, split, 'text')
    out = subprocess.run([parallax, 'quotes', '--raw', '-q', tdir], capture_output=True, text=True)
    files, n, exact = {}, 0, 0
    for line in out.stdout.splitlines():
        q = json.loads(line)
        name = q['source'] + '.txt'
        if name not in files:
            files[name] = open(os.path.join(tdir, name), encoding='utf-8', newline='').read()
        text = files[name]
        n += 1
        exact += ' '.join(text[p['start']:p['end']] for p in q['pieces']) == q['text']
    print(f"  offsets exact on the .txt files {exact / max(n, 1):.3f} ({exact}/{n} quotes)")


if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    for split in sys.argv[3:]:
        score(sys.argv[1], sys.argv[2], split)
        offsets(sys.argv[1], sys.argv[2], split)
