#!/usr/bin/env python3
"""Normalise a crosscheck ledger (schema 1 or 2) to one canonical form, so that
ledgers written before and after a schema change can be compared by md5.

    python3 scripts/ledger_normalize.py LEDGER.json [--drop quantity.measure] [--out FILE]

Prints the md5 of the canonical form (and writes the form to --out when given).
A schema-1 ledger is mapped to the schema-2 shape independently of the Rust
code: `sentence_index` becomes `sentence`, the copied sentence text is dropped
after checking that it equals the text the document gives for that index and
span (the rule of `Document::claim_sentences`), and the always-null payloads of
the other kinds are dropped. `--drop PATH` removes a field a newer schema adds
(`quantity.measure`: inside every claim's quantity) before hashing.
Canonical form: keys sorted, no whitespace, UTF-8.
"""

import argparse
import hashlib
import json
import sys


def claim_sentences(doc_text: bytes, sentences, first, span):
    """The bytes of the sentences holding a claim's evidence (schema 2 rule)."""
    if first < len(sentences) and sentences[first]["start"] <= span["end"]:
        head = sentences[first]
        reached = head
        for s in sentences[first + 1:]:
            if s["start"] < span["end"]:
                reached = s
            else:
                break
        start = min(head["start"], span["start"])
        end = max(reached["end"], span["end"])
        return doc_text[start:end]
    return doc_text[span["start"]:span["end"]]


def upgrade_v1(ledger, problems):
    docs = {d["id"]: d for d in ledger.get("documents", [])}
    for claim in ledger.get("claims", []):
        if "sentence_index" not in claim:
            continue
        index = claim.pop("sentence_index")
        text = claim.pop("sentence")
        doc = docs.get(claim["doc"])
        if doc is not None:
            derived = claim_sentences(doc["text"].encode(), doc["sentences"], index, claim["span"])
            if derived.decode("utf-8", "replace") != text:
                problems.append(f"{claim['id']}: sentence text differs from the document's")
        claim["sentence"] = index
        for payload in ("quote", "quantity", "stance"):
            if payload != claim["kind"]:
                if claim.get(payload) is not None:
                    problems.append(f"{claim['id']}: {claim['kind']} claim carries a {payload}")
                claim.pop(payload, None)
    ledger["schema"] = "crosscheck.ledger/2"


def drop(ledger, path):
    kind, field = path.split(".", 1)
    for claim in ledger.get("claims", []):
        payload = claim.get(kind)
        if isinstance(payload, dict):
            payload.pop(field, None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger")
    ap.add_argument("--drop", action="append", default=[], metavar="KIND.FIELD")
    ap.add_argument("--out")
    args = ap.parse_args()
    with open(args.ledger, encoding="utf-8") as f:
        ledger = json.load(f)
    problems = []
    if ledger.get("schema") == "crosscheck.ledger/1":
        upgrade_v1(ledger, problems)
    for path in args.drop:
        drop(ledger, path)
    canonical = json.dumps(ledger, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    if args.out:
        with open(args.out, "wb") as f:
            f.write(canonical)
    for p in problems[:20]:
        print("problem:", p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problems", file=sys.stderr)
    print(hashlib.md5(canonical).hexdigest(), args.ledger)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
