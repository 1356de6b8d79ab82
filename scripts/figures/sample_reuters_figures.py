"""Draws 50 figure claims at random from a ledger of Reuters-21578 stories, for reading by hand.

    head -3000 ../shared/corpus/reuters21578/reuters21578.jsonl > /tmp/reuters3000.jsonl
    ./target/release/crosscheck analyze /tmp/reuters3000.jsonl -o /tmp/reuters3000-ledger.json --quiet
    python3 scripts/figures/sample_reuters_figures.py /tmp/reuters3000-ledger.json

Prints, per drawn claim (fixed seed), its id, the figure as the ledger holds it (value, bound,
unit, rate, vague, subject) and its sentence, so that each can be judged right or wrong by hand.
Writes nothing; the verdicts are recorded in BENCHMARKS.md by claim id, without the text.
"""

import json
import random
import sys


def main():
    ledger = json.load(open(sys.argv[1], encoding="utf-8"))
    claims = [c for c in ledger["claims"] if c.get("quantity")]
    rng = random.Random(12)
    for c in rng.sample(claims, 50):
        q = c["quantity"]
        print(c["id"])
        print(f"   {q['span']['text']!r}: low={q['low']} high={q['high']} bound={q['bound']} approx={q['approximate']}"
              f" unit={q['unit']} rate={q['rate']} vague={q.get('vague')} subject={q['subject']!r}")
        print("   " + " ".join(c["sentence"].split()))


if __name__ == "__main__":
    main()
