"""Draws claims at random from the `regress` example's output, to read by
hand: the quote, its source and the claim's span, one block each.

    cargo run --release -p crosscheck-attribution --example regress -- OUT.jsonl \
        ../shared/corpus/reuters21578/reuters21578.jsonl
    python3 scripts/sample_claims.py OUT.jsonl [--direct | --reported] [--cue WORD] \
        [--n 30] [--seed 20261207] [--docs-below 19043]

`--docs-below N` keeps documents d0 .. d(N-1) (the Reuters stories when they
are read first), leaving out the line-per-paragraph variants ("d12p") the
example also writes. Prints article text: for reading, never for committing.
"""

import argparse
import json
import random
import re


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--direct", action="store_true")
    kind.add_argument("--reported", action="store_true")
    ap.add_argument("--cue")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--docs-below", type=int)
    args = ap.parse_args()

    rows = []
    with open(args.claims, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            m = re.fullmatch(r"d(\d+)", c.get("doc", ""))
            if args.docs_below is not None and not (m and int(m.group(1)) < args.docs_below):
                continue
            quote = c.get("quote") or {}
            if args.direct and not quote.get("direct"):
                continue
            if args.reported and quote.get("direct"):
                continue
            if args.cue and (c.get("cue") or "").lower() != args.cue.lower():
                continue
            rows.append(c)
    print(f"{len(rows)} claims; {min(args.n, len(rows))} drawn (seed {args.seed})")
    random.seed(args.seed)
    for c in random.sample(rows, min(args.n, len(rows))):
        source = c.get("source") or {}
        print(f"{c['doc']} | source: {source.get('name')} ({source.get('kind')}) | cue: {c.get('cue')}")
        print(f"   quote: {(c.get('quote') or {}).get('text', '')!r}")
        print(f"   span:  {c.get('span', {}).get('text', '')!r}")


if __name__ == "__main__":
    main()
