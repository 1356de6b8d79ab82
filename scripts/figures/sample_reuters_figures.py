"""Draws 50 figure claims at random from a ledger of Reuters-21578 stories, for reading by hand.

    head -3000 ../shared/corpus/reuters21578/reuters21578.jsonl > /tmp/reuters3000.jsonl
    ./target/release/crosscheck analyze /tmp/reuters3000.jsonl -o /tmp/reuters3000-ledger.json --quiet
    python3 scripts/figures/sample_reuters_figures.py /tmp/reuters3000-ledger.json [SEED]

Prints, per drawn claim (seed 12 unless given), its id, the figure as the ledger holds it (value,
bound, unit, rate, vague, subject) and its sentence, so that each can be judged right or wrong by
hand. The sentence is read from the document's text by the claim's sentence index (the ledger
refers to sentences by index). Writes nothing; the verdicts are recorded in BENCHMARKS.md by
claim id, without the text.
"""

import json
import random
import sys


def main():
    ledger = json.load(open(sys.argv[1], encoding="utf-8"))
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    documents = {d["id"]: d for d in ledger["documents"]}
    claims = [c for c in ledger["claims"] if c.get("quantity")]
    rng = random.Random(seed)
    for c in rng.sample(claims, 50):
        q = c["quantity"]
        doc = documents[c["doc"]]
        text = doc["text"].encode("utf-8")
        s = doc["sentences"][c["sentence"]]
        sentence = text[s["start"] : s["end"]].decode("utf-8", "replace")
        figure = text[q["span"]["start"] : q["span"]["end"]].decode("utf-8", "replace")
        print(c["id"])
        print(f"   {figure!r}: low={q['low']} high={q['high']} bound={q['bound']} approx={q['approximate']}"
              f" unit={q['unit']} rate={q['rate']} vague={q.get('vague')} subject={q['subject']!r}")
        print("   " + " ".join(sentence.split()))


if __name__ == "__main__":
    main()
