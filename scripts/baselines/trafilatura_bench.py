#!/usr/bin/env python3
"""Trafilatura on the article-extraction benchmark, scored like crosscheck's
`crosscheck-eval article-extraction` (the benchmark's evaluate.py rules).

Setup (outside the repository):
    python3 -m venv /tmp/venv-ingest
    /tmp/venv-ingest/bin/pip install trafilatura==2.3.1 lxml_html_clean==0.4.6

Run:
    /tmp/venv-ingest/bin/python scripts/baselines/trafilatura_bench.py ../shared/data/article-extraction
    # score another extractor's output ({"<id>": "body text", ...}) the same way:
    /tmp/venv-ingest/bin/python scripts/baselines/trafilatura_bench.py DIR --predictions preds.json

Scoring: tokens are `\\w+` runs; each text is the multiset of its 4-token
shingles; per page tp/fp/fn normalised by their sum; precision and recall
averaged over pages where defined; F1 of the two means; accuracy = share of
pages whose token lists are identical. Timing covers `trafilatura.extract`
alone, one page at a time, on the already-decoded HTML string; the fastest
of --rounds passes is reported (the machine is shared).
"""
import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text):
    return TOKEN_RE.findall(text or "")


def shingles(text, n=4):
    tokens = tokenize(text)
    out = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        s = tuple(tokens[i : i + n])
        if s:
            out.append(s)
    return Counter(out)


def matching(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(gold, predictions):
    counts, identical = [], 0
    for key in sorted(gold):
        truth = gold[key].get("articleBody", "")
        pred = predictions.get(key) or ""
        counts.append(matching(truth, pred))
        identical += tokenize(truth) == tokenize(pred)
    p = statistics.mean([precision(*c) for c in counts if c[0] + c[1] > 0])
    r = statistics.mean([recall(*c) for c in counts if c[0] + c[2] > 0])
    f1 = 2 * p * r / (p + r)
    return p, r, f1, identical / len(counts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=Path)
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the fastest is reported")
    args = parser.parse_args()
    gold = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf8"))
    if args.predictions:
        predictions = json.loads(args.predictions.read_text(encoding="utf8"))
        p, r, f1, acc = score(gold, predictions)
        print(f"predictions: precision={p:.4f} recall={r:.4f} f1={f1:.4f} accuracy={acc:.4f}")
        return
    import trafilatura

    pages = {}
    for key in sorted(gold):
        with gzip.open(args.dir / "html" / f"{key}.html.gz", "rt", encoding="utf8", errors="replace") as f:
            pages[key] = f.read()
    predictions, elapsed = {}, float("inf")
    for _ in range(max(1, args.rounds)):
        spent = 0.0
        for key, html in pages.items():
            start = time.perf_counter()
            predictions[key] = trafilatura.extract(html, include_comments=False)
            spent += time.perf_counter() - start
        elapsed = min(elapsed, spent)
    p, r, f1, acc = score(gold, predictions)
    version = getattr(trafilatura, "__version__", "?")
    print(f"trafilatura {version}: pages={len(gold)} precision={p:.4f} recall={r:.4f} "
          f"f1={f1:.4f} accuracy={acc:.4f} ms_per_page={elapsed * 1000 / len(gold):.2f}")


if __name__ == "__main__":
    sys.exit(main())
