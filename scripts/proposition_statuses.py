"""Counts a ledger's propositions by status and prints the conflicting and
disputed ones with every value, its source, party, the time it is about and
its sentence: the sheet used to read conflicts by hand (BENCHMARKS.md,
"Conflict precision").

    python3 scripts/proposition_statuses.py LEDGER.json [STATUS,STATUS...]

The default statuses listed are conflicting,disputed. Prints sentences from
the ledger (the articles you analysed); nothing is written anywhere.
"""

import collections
import json
import sys


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        ledger = json.load(f)
    wanted = (sys.argv[2] if len(sys.argv) > 2 else "conflicting,disputed").split(",")
    counts = collections.Counter(p["status"] for p in ledger["propositions"])
    print(
        f"{len(ledger['documents'])} documents, {len(ledger.get('stories', []))} stories, "
        f"{len(ledger['propositions'])} propositions: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    docs = {d["id"]: d for d in ledger["documents"]}
    claims = {c["id"]: c for c in ledger["claims"]}
    for p in ledger["propositions"]:
        if p["status"] not in wanted:
            continue
        print(f"\n{p['id']} {p.get('story', '')} {p['status']} {p['label']}: {p['explanation']}")
        for v in p["values"]:
            c = claims[v["claim"]]
            d = docs[c["doc"]]
            index = c.get("sentence_index", c.get("sentence"))
            s = d["sentences"][index] if isinstance(index, int) else None
            sentence = d["text"][s["start"]:s["end"]] if s else ""
            print(
                f"  {v['text'][:18]:18} | {(v.get('source') or '')[:22]:22} | "
                f"{(v.get('party') or '')[:14]:14} | {v.get('time', '')} | "
                f"{(d.get('title') or '')[:40]} | {' '.join(sentence.split())[:160]}"
            )


if __name__ == "__main__":
    main()
