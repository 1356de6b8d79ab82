"""How small the ledger JSON could be while keeping the promised fields.

    python3 scripts/scale/json_floor.py LEDGER.json INPUT_BYTES

Reads a ledger written by `crosscheck analyze` (default options), keeps only
the document and claim fields that the ledger's field list promises
(../shared/docs/ledger-fields.md; the stories, entities, propositions and
timeline whole), drops every null, false, empty list and empty object, and
writes nothing: it prints each section's compact size and the total as a
multiple of INPUT_BYTES. This is a floor for any JSON that keeps one object
per claim with the promised fields, whatever else it leaves out.
"""

import json
import sys

PROMISED_DOCUMENT = {
    "id", "story", "source", "url", "title", "outlet", "author", "published",
    "published_estimate", "text", "duplicate_of", "sentences", "time_expressions", "sourcing",
}
PROMISED_CLAIM = {
    "id", "doc", "kind", "sentence", "span", "source", "cue", "channel", "hedged", "time",
    "quote", "quantity", "stance",
}
SECTIONS = ["documents", "stories", "entities", "claims", "propositions", "timeline"]


def bare(value):
    """`value` without nulls, falses and empty containers, recursively."""
    if isinstance(value, dict):
        kept = {k: bare(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, False, [], {})}
    if isinstance(value, list):
        return [bare(v) for v in value]
    return value


def main():
    ledger_path, input_bytes = sys.argv[1], int(sys.argv[2])
    with open(ledger_path, encoding="utf-8") as f:
        ledger = json.load(f)
    keep = {"documents": PROMISED_DOCUMENT, "claims": PROMISED_CLAIM}
    total = 0
    for name in SECTIONS:
        rows = ledger.get(name, [])
        if name in keep:
            rows = [{k: v for k, v in row.items() if k in keep[name]} for row in rows]
        size = len(json.dumps(bare(rows), separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        total += size
        print(f"{name:13} {size / 1e6:8.1f} MB")
    print(f"{'total':13} {total / 1e6:8.1f} MB = {total / input_bytes:.2f} x the input")


if __name__ == "__main__":
    main()
