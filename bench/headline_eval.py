#!/usr/bin/env python3
"""Headline and gist of each gold event of giveme5w1h-dev, per half of the
events (the halves of bench/stories_eval.py), and of the seeds.

usage: headline_eval.py PARALLAX GOLD.jsonl SEEDS_DIR

For each event with two or more outlets, the event's articles (gold fields
stripped) are compared as one story (`analyze --json --one-story`), and:
  title      share of headlines taken from a title (the rest: a sentence)
  outlets    mean share of the event's outlets whose text holds at least half
             of the headline's content words (lower-cased words of 3+ letters
             outside a short stopword list): how many outlets it speaks for
  2+ outlets share of headlines whose words come from two or more outlets'
             text (shared_words >= 2)
  gist cites mean number of outlets the gist (first summary sentence) cites

Then the same events once more with every title removed (as in the seeds,
where four of five articles have none), so that the headline must be a
sentence:
  in titles  mean share of the sentence headline's content words found in
             the event's own (removed) titles: how far it says what the
             editors of the outlets said the story is; the same for the gist
"""
import json, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(__file__))
from stories_eval import GOLD_FIELDS, half  # noqa: E402

STOP = set("the and for that with from this have has had was were are been will said says would could about into after over "
           "than their they them then there what when which while who whom its his her not but all any can may new one two".split())


def words(text):
    return {w for w in re.findall(r"[a-z]{3,}", (text or "").lower()) if w not in STOP}


def analyze(px, paths):
    out = subprocess.run([px, "analyze", "--json", "--one-story", "-q", *paths], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["stories"][0]


def outlet_share(story, texts_by_outlet):
    hw = words(story["headline"]["text"]) if story.get("headline") else set()
    if not hw:
        return 0.0
    n = sum(1 for t in texts_by_outlet.values() if 2 * len(hw & t) >= len(hw))
    return n / len(texts_by_outlet)


def title_share(story, titles):
    hw = words(story["headline"]["text"]) if story.get("headline") else set()
    return len(hw & titles) / len(hw) if hw else 0.0


def gist_share(story, titles):
    gist = story["summary"][0]["text"] if story.get("summary") else ""
    return title_share({"headline": {"text": gist}}, titles)


def report_untitled(name, stories):
    if stories:
        share = sum(title_share(s, t) for s, t in stories) / len(stories)
        gist = sum(gist_share(s, t) for s, t in stories) / len(stories)
        print(f"{name:<10} events {len(stories):3}  untitled: headline words in the titles {share:.2f}"
              f"  gist words in the titles {gist:.2f}")


def report(name, stories):
    n = len(stories)
    if not n:
        return
    title = sum(1 for s, _ in stories if s.get("headline") and s["headline"]["from"] == "title") / n
    share = sum(outlet_share(s, t) for s, t in stories) / n
    two = sum(1 for s, _ in stories if s.get("headline") and s["headline"]["shared_words"] >= 2) / n
    cites = sum(len(s["summary"][0]["cites"]) if s["summary"] else 0 for s, _ in stories) / n
    print(f"{name:<10} events {n:3}  title {title:.2f}  outlets {share:.2f}  2+ outlets {two:.2f}  gist cites {cites:.2f}")


def main(px, gold, seeds):
    events = {}
    for line in open(gold, encoding="utf-8"):
        row = json.loads(line)
        events.setdefault(row["event_id"], []).append(row)
    halves = {"even": [], "odd": []}
    untitled = {"even": [], "odd": []}
    with tempfile.TemporaryDirectory() as tmp:
        for eid, rows in sorted(events.items()):
            if len({r["source"] for r in rows}) < 2:
                continue
            path = os.path.join(tmp, "event.jsonl")
            bare = os.path.join(tmp, "untitled.jsonl")
            with open(path, "w", encoding="utf-8") as f, open(bare, "w", encoding="utf-8") as g:
                for r in rows:
                    kept = {k: v for k, v in r.items() if k not in GOLD_FIELDS}
                    f.write(json.dumps(kept) + "\n")
                    g.write(json.dumps({k: v for k, v in kept.items() if k != "title"}) + "\n")
            titles = set().union(*(words(r.get("title")) for r in rows))
            untitled["even" if half(eid) == 0 else "odd"].append((analyze(px, [bare]), titles))
            texts = {}
            for r in rows:
                texts.setdefault(r["source"], set()).update(words(r.get("text")) | words(r.get("title")))
            halves["even" if half(eid) == 0 else "odd"].append((analyze(px, [path]), texts))
    report("even", halves["even"])
    report("odd", halves["odd"])
    report("all", halves["even"] + halves["odd"])
    report_untitled("even", untitled["even"])
    report_untitled("odd", untitled["odd"])
    seeds = analyze(px, [seeds])
    texts = {}
    for f in sorted(os.listdir(seeds_dir)):
        texts[f.rsplit(".", 1)[0]] = words(open(os.path.join(seeds_dir, f), encoding="utf-8").read())
    report("seeds", [(seeds, texts)])
    print(f"seeds headline ({seeds['headline']['from']}): {seeds['headline']['text']}")
    for a in seeds["articles"]:
        if a.get("title"):
            alt = dict(seeds, headline={"text": a["title"]})
            print(f"seeds title not chosen: outlets {outlet_share(alt, texts):.2f}: {a['title']}")
    print(f"seeds gist: {seeds['summary'][0]['text']}")


if __name__ == "__main__":
    seeds_dir = sys.argv[3]
    main(sys.argv[1], sys.argv[2], seeds_dir)
