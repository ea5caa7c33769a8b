#!/usr/bin/env python3
"""Counts page furniture and function words in what `parallax analyze`
reports: top-5 framing terms per outlet, summary sentences, timeline
entries and the top entities of each story.

usage: furniture.py REPORT.json [--list]

The word lists below are a measuring aid only: they never reach the
program, which must find furniture without them. A framing term counts as
  furniture  when one of its words is in FURNITURE_WORDS,
  function   when all its words are function words (FUNCTION_WORDS),
  reporting  when all its words are reporting verbs or function words and one
             is a reporting verb ("says", "police said", "told").
Counted apart, not in the share: framing terms whose words are all words of
a person's name in the story's entities (named by two or more words,
mentioned three times or more), such as a transcript's "NELSON:" labels.
A summary sentence or timeline entry is furniture when FURNITURE_TEXT
matches it; an entity when its name is furniture or starts or ends with a
function word ("for Harambe").
"""
import json
import re
import sys

FUNCTION_WORDS = set("""
a about above across after again against all almost along already also although always am among amongst an
and another any anyone anything anyway are around as at away be became because been before being below
beside besides between beyond both but by can cannot could did do does doing done down during each either
else enough etc even ever every everyone everything few for former from further had has have having he
hence her here hers herself him himself his how however i if in indeed instead into is it its itself just
last latter least less lot lots many may me might mine more moreover most mostly much must my myself near
neither never nevertheless next no nobody none nor not nothing now of off often on once one only onto or
other others otherwise ought our ours ourselves out over own per perhaps quite rather really same several
shall she should since so some somehow someone something sometimes somewhat still such than that the their
theirs them themselves then there thereby therefore these they this those though through throughout thus
to together too toward towards under unless until up upon us very via was we well were what whatever when
whenever where whereas wherever whether which while who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
would've could've should've it's that's there's they're we're you're i'm don't doesn't didn't isn't
wasn't aren't weren't won't can't couldn't wouldn't shouldn't hasn't haven't hadn't let's
""".split())

# Function words of other languages: framing terms made of them are counted;
# in an entity's name they open real names ("Las Vegas", "Der Spiegel",
# "Le Monde"), so there only a name that is one of them alone counts.
OTHER_FUNCTION_WORDS = set("""
la le les de des du et en un une est que qui pour dans sur par pas au aux el los las del y por con para se
su al lo der die das und ist nicht mit den dem ein eine zu von auf sich auch im für es als wie bei nach
il di che non per una gli della nel delle e o
""".split()) - FUNCTION_WORDS
FUNCTION_WORDS |= OTHER_FUNCTION_WORDS

REPORTING = set("""say says said saying tell tells told telling added adds according wrote writes
reported reports reportedly stated states claimed claims explained noted""".split())

FURNITURE_WORDS = set("""advertisement advertisements advertising caption captions hide continue reading
newsletter newsletters please subscribe subscribers subscription photo photos photograph photographs
image images copyright getty click share shares email e-mail section updated gallery pictured picture
pictures comments comment highlights sign follow contributed scroll loading thank thanks video videos
watch embed tweet facebook twitter instagram whatsapp pinterest linkedin read related cookies cookie
javascript browser app download menu login log""".split())

FURNITURE_PHRASES = {"main story", "story highlights", "read more", "all rights", "rights reserved",
                     "email address", "world section", "sign up", "click here", "view all"}

FURNITURE_TEXT = re.compile(
    r"hide caption|image caption|images? copyright|\bcaption\b|\((?:photo|image|picture)s?\b|"
    r"\b(?:photo|image|picture)s?\s*:|getty images|\bAP Photo\b|continue reading|\badvertisement\b|"
    r"story highlights|\bread more\b|click here|sign up|newsletter|subscribe|pic\.twitter|"
    r"\(@\w+\)|@\w+\s*\)|updated:?\s*\d|contributed to this report|all rights reserved|\bcopyright\b|"
    r"follow us|share this|scroll down|view all|email address|^\s*\d+ of \d+\b|\bwatch:|\brelated:|"
    r"\bvideo:|\bphotos?\s+\d+ of \d+|\bby agencies\b|\(pictured\)|\bpictured\b|^\s*\S+\s*\|",
    re.I)

FURNITURE_ENTITIES = re.compile(
    r"^(?:hide caption|caption|getty(?: images)?|images?|photos?|pictures?|advertisement|continue|"
    r"read more|story highlights|ap photo|epa|rex(?: features)?|shutterstock|alamy|copyright|"
    r"newsletter|updated|share|related|video|watch|click|main story|view|sign)$", re.I)


PRONOUN_OPENER = re.compile(r"(?:he|she|it|they|his|her|its|their|this|these|those|that|i|we|you|my|our)\b",
                            re.I)


def words(term):
    return [w for w in re.split(r"\s+", term.lower()) if w]


def term_class(term):
    ws = words(term)
    if not ws:
        return None
    if any(w in FURNITURE_WORDS for w in ws) or term.lower() in FURNITURE_PHRASES:
        return "furniture"
    if all(w in FUNCTION_WORDS for w in ws):
        return "function"
    if all(w in FUNCTION_WORDS or w in REPORTING for w in ws) and any(w in REPORTING for w in ws):
        return "reporting"
    return None


def entity_bad(name):
    if FURNITURE_ENTITIES.match(name.strip()):
        return True
    ws = [w for w in name.split() if w]

    def function(w):  # "US" in capitals is the country, not "us"
        if len(ws) > 1 and w.lower() in OTHER_FUNCTION_WORDS:
            return False
        return w.lower() in FUNCTION_WORDS and not (len(w) > 1 and w.isupper())
    return bool(ws) and (function(ws[0]) or function(ws[-1]))


def main(argv):
    report = json.load(open(argv[1], encoding="utf-8"))
    show = "--list" in argv
    n = {"framing": 0, "summary": 0, "timeline": 0, "entities": 0}
    bad = {k: 0 for k in n}
    kinds = {"furniture": 0, "function": 0, "reporting": 0}
    listed = []
    names = 0  # framing terms that are people's names: no word choice either
    # summary sentences and majority facts opening on a pronoun: alone, they
    # do not say whom they are about (counted apart, not furniture)
    pronoun = {"summary": 0, "facts": 0, "n_facts": 0}
    for s in report["stories"]:
        # people named by two or more words, mentioned three times or more:
        # single-word "people" are often the tagger's mistakes ("Watch")
        person_words = {w for e in s["entities"]
                        if e.get("kind") == "person" and e["mentions"] >= 3 and len(words(e["name"])) >= 2
                        for w in words(e["name"]) if w not in FUNCTION_WORDS}
        for f in s["framing"]:
            for t in f["terms"][:5]:
                n["framing"] += 1
                if all(w in person_words for w in words(t["term"])):
                    names += 1
                    listed.append(f"framing  [name] {f['source']}: {t['term']}")
                c = term_class(t["term"])
                if c:
                    bad["framing"] += 1
                    kinds[c] += 1
                    listed.append(f"framing  [{c}] {f['source']}: {t['term']}")
        for x in s["summary"]:
            pronoun["summary"] += bool(PRONOUN_OPENER.match(x["text"]))
        consensus = s.get("consensus", {})
        for f in consensus.get("facts", []):
            if len(f["sources"]) >= consensus.get("majority", 2):
                pronoun["n_facts"] += 1
                pronoun["facts"] += bool(PRONOUN_OPENER.match(f["text"]))
        for x in s["summary"]:
            n["summary"] += 1
            if FURNITURE_TEXT.search(x["text"]):
                bad["summary"] += 1
                listed.append(f"summary  {x['source']}: {x['text'][:140]}")
        for x in s["timeline"]:
            n["timeline"] += 1
            if FURNITURE_TEXT.search(x["text"]):
                bad["timeline"] += 1
                listed.append(f"timeline {x['source']}: {x['expression']} | {x['text'][:120]}")
        for e in s["entities"][:10]:
            n["entities"] += 1
            if entity_bad(e["name"]):
                bad["entities"] += 1
                listed.append(f"entity   {e['name']}")
    if show:
        print("\n".join(x.replace("\n", " / ") for x in listed))

    def pct(k):
        return f"{bad[k]}/{n[k]} = {100.0 * bad[k] / n[k]:.1f} %" if n[k] else "0/0"
    print(f"stories {len(report['stories'])}  "
          f"framing top-5: {pct('framing')} (furniture {kinds['furniture']}, function {kinds['function']}, "
          f"reporting {kinds['reporting']}; people's names {names})  summary: {pct('summary')}  timeline: {pct('timeline')}  "
          f"top-10 entities: {pct('entities')}  opening on a pronoun: summary {pronoun['summary']}/{n['summary']}, "
          f"majority facts {pronoun['facts']}/{pronoun['n_facts']}")


if __name__ == "__main__":
    main(sys.argv)
