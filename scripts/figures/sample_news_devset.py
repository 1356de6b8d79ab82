"""Draws the sentences of the hand-annotated news figures dev set.

Run from the repository root (reads ../shared, writes nothing into the repo):

    python3 scripts/figures/sample_news_devset.py > /tmp/news-devset-candidates.txt

Prints, for each drawn sentence, its locator (source, document, byte start,
byte end) and its text, so that it can be annotated by hand. The locators and
the hand-written values (never the text) are kept in
crates/eval/data/news_figures/dev.json; `crosscheck-eval news-figures` reads
the sentences back from ../shared by those locators.

Sentences are drawn with a fixed seed from three sources, 60 each: the
Reuters-21578 stories (1987 wire), PolNeAR train texts (2016 US political
news) and the article-extraction benchmark's article bodies (recent news and
blogs). A sentence qualifies when it holds a digit or a number word, is 40 to
400 characters long and is mostly prose (tables excluded). Sentences alternate
between the `tune` part (the ones looked at while developing) and the `test`
part (measured only at the end).

    python3 scripts/figures/sample_news_devset.py --fresh [ROUND] > /tmp/news-fresh-candidates.txt

draws a `fresh` set instead (round 1: crates/eval/data/news_figures/fresh.json, round 2:
fresh2.json, round 3: fresh3.json, round 4: fresh4.json, round 5: fresh5.json, round 6:
fresh6.json, round 7: fresh7.json, round 8: fresh8.json, round 9: fresh9.json, round 10:
fresh10.json, rounds 11 to 24: fresh11.json to fresh24.json, each leaving out the sentences of
the files already there): 60
sentences drawn on 2026-12-04, after the reader was settled, with another seed,
30 from PolNeAR dev texts (a split the dev set never drew from) and 30 from
the article-extraction bodies, leaving out every sentence the dev set holds.
Round 24 used up those two pools; from round 25 (2026-12-06) all 60 sentences
come from the TimeBank 1.2 news texts (WSJ 1989, AP, ABC, CNN, NYT 1998), which
no figures set had drawn from, read as crosscheck-eval reads them (tags
stripped, XML entities decoded). From round 34 (the same day) the 60 sentences
come from the PolNeAR training texts (2016 US political news), outside the
sentences the dev set drew from them: the figure reader was never tuned on
them (the attribution work reads them, not their numbers).
It was annotated by hand before crosscheck was run on it, and no rule was
changed after reading its errors.
"""

import glob
import gzip
import json
import os
import random
import re
import sys

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
NUMBER_WORD = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half)\b",
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")


def sentences(text):
    """(start, end) byte offsets of naive sentences in `text` (UTF-8)."""
    raw = text.encode("utf-8")
    out = []
    start = 0
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        p0 = para.start()
        last = 0
        chunk = para.group(0)
        for m in SENTENCE_END.finditer(chunk):
            out.append((p0 + last, p0 + m.start() + len(m.group(0).rstrip())))
            last = m.end()
        out.append((p0 + last, p0 + len(chunk)))
    # character offsets -> byte offsets
    result = []
    for a, b in out:
        s = text[a:b].strip()
        if not s:
            continue
        a2 = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        b2 = a2 + len(s)
        result.append((len(text[:a2].encode("utf-8")), len(text[:b2].encode("utf-8"))))
    del raw, start
    return result


def qualifies(s):
    if not (40 <= len(s) <= 400):
        return False
    if not (re.search(r"\d", s) or NUMBER_WORD.search(s)):
        return False
    letters = sum(c.isalpha() for c in s)
    digits = sum(c.isdigit() for c in s)
    return letters > 3 * digits and letters > 0.5 * len(s)


def reuters():
    path = os.path.join(SHARED, "corpus/reuters21578/reuters21578.jsonl")
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            yield ("reuters", str(line_no), json.loads(line).get("text", ""))


def polnear(split="train"):
    source = "polnear" if split == "train" else "polnear-" + split
    for path in sorted(glob.glob(os.path.join(SHARED, "data/polnear", split, "text/*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield (source, os.path.basename(path), f.read())


def article_extraction():
    path = os.path.join(SHARED, "data/article-extraction/ground-truth.json")
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    for key in sorted(gold):
        yield ("article-extraction", key, gold[key].get("articleBody", ""))


XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def tml_text(xml):
    """The text of a TimeML file's <TEXT>, tags stripped and the five XML entities decoded, as
    crosscheck-eval reads it (crates/eval/src/timebank.rs), so that byte offsets agree."""
    body = xml[xml.index("<TEXT>") + len("<TEXT>") : xml.index("</TEXT>")]
    body = re.sub(r"<[^>]*>", "", body)
    return re.sub(
        r"&(amp|lt|gt|quot|apos);", lambda m: XML_ENTITIES[m.group(1)], body
    )


def timebank():
    for path in sorted(glob.glob(os.path.join(SHARED, "data/timebank/*.tml"))):
        with open(path, encoding="utf-8") as f:
            yield ("timebank", os.path.basename(path), tml_text(f.read()))


def draw(docs, n, rng, skip=frozenset()):
    pool = []
    for source, doc, text in docs:
        for a, b in sentences(text):
            s = text.encode("utf-8")[a:b].decode("utf-8")
            if qualifies(s) and (source, doc, a, b) not in skip:
                pool.append((source, doc, a, b, s))
    if len(pool) < n:
        source = pool[0][0] if pool else "the source"
        sys.exit(
            "sample_news_devset.py: only %d qualifying sentences of %s are left outside the "
            "earlier sets, %d needed: no further round can be drawn from it" % (len(pool), source, n)
        )
    return rng.sample(pool, n)


def fresh(round_no):
    """A `fresh` set: another seed, other splits, no sentence of an earlier set."""
    data = os.path.join(os.path.dirname(__file__), "..", "..", "crates/eval/data/news_figures")
    earlier = ["dev.json"] + ["fresh.json" if k == 1 else "fresh%d.json" % k for k in range(1, round_no)]
    skip = set()
    for name in earlier:
        with open(os.path.join(data, name), encoding="utf-8") as f:
            skip.update(
                (s["source"], s["doc"], s["start"], s["end"]) for s in json.load(f)["sentences"]
            )
    rng = random.Random(20261204 + round_no)
    if round_no >= 34:
        drawn = draw(polnear("train"), 60, rng, skip)
    elif round_no >= 25:
        drawn = draw(timebank(), 60, rng, skip)
    else:
        drawn = draw(polnear("dev"), 30, rng, skip) + draw(article_extraction(), 30, rng, skip)
    part = "fresh" if round_no == 1 else "fresh%d" % round_no
    for k, (source, doc, a, b, s) in enumerate(drawn):
        print(json.dumps({"id": k, "part": part, "source": source, "doc": doc, "start": a, "end": b}))
        print("    " + s.replace("\n", " "))


def main():
    if "--fresh" in sys.argv[1:]:
        rest = sys.argv[sys.argv.index("--fresh") + 1 :]
        fresh(int(rest[0]) if rest else 1)
        return
    rng = random.Random(20261204)
    drawn = []
    for docs in (reuters(), polnear(), article_extraction()):
        drawn.extend(draw(docs, 60, rng))
    for k, (source, doc, a, b, s) in enumerate(drawn):
        part = "tune" if k % 2 == 0 else "test"
        print(json.dumps({"id": k, "part": part, "source": source, "doc": doc, "start": a, "end": b}))
        print("    " + s.replace("\n", " "))


if __name__ == "__main__":
    main()
