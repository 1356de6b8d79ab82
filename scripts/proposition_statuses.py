"""Counts a ledger's propositions by status and prints the conflicting and
disputed ones with every value, its source, party, the time it is about and
its sentence: the sheet used to read conflicts by hand (BENCHMARKS.md,
"Conflict precision").

    python3 scripts/proposition_statuses.py LEDGER.json [STATUS,STATUS...] [--unmarked N]

The ledger must hold the article texts (`crosscheck analyze ... --with-text`).
The default statuses listed are conflicting,disputed. It also counts, by
status, the propositions whose values differ and come from two or more
documents that are not copies of one another: the figures the verdicts could
have called a disagreement. `--unmarked N` prints a sample of N of those
not marked conflicting or disputed (the N with the smallest hash of
label, values and first title, so a rerun, or a run of a slightly changed
ledger, picks the same ones), to read what the verdicts leave unmarked. Prints sentences from the
ledger (the articles you analysed); nothing is written anywhere.
"""

import collections
import hashlib
import json
import sys

MARKED = ("conflicting", "disputed")


def differing(p: dict) -> bool:
    """Values that differ, from two or more independent documents."""
    independent = [v for v in p["values"] if not v.get("copy_of")]
    docs = {v["doc"] for v in independent}
    values = {(v.get("low"), v.get("high")) for v in independent}
    return len(docs) > 1 and len(values) > 1


def stable_key(p: dict, docs: dict) -> str:
    """A key that does not depend on proposition ids or ledger order."""
    first = docs.get(p["values"][0]["doc"], {}) if p["values"] else {}
    texts = ",".join(sorted(v["text"] for v in p["values"]))
    seed = f"{p['label']}|{texts}|{first.get('title') or ''}"
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()


def print_sheet(p: dict, docs: dict, claims: dict) -> None:
    print(f"\n{p['id']} {p.get('story', '')} {p['status']} {p['label']}: {p['explanation']}")
    for v in p["values"]:
        c = claims[v["claim"]]
        d = docs[c["doc"]]
        index = c.get("sentence_index", c.get("sentence"))
        sentences = d.get("sentences") or []
        s = sentences[index] if isinstance(index, int) and index < len(sentences) else None
        # Offsets are byte offsets into the UTF-8 text.
        text = (d.get("text") or "").encode("utf-8")
        sentence = text[s["start"] : s["end"]].decode("utf-8", "replace") if s else ""
        print(
            f"  {v['text'][:18]:18} | {(v.get('source') or '')[:22]:22} | "
            f"{(v.get('outlet') or '')[:10]:10} | "
            f"{(v.get('party') or '')[:14]:14} | {v.get('time', '')} | "
            f"{(d.get('title') or '')[:40]} | {' '.join(sentence.split())[:200]}"
        )


def main() -> None:
    args = sys.argv[1:]
    sample = 0
    if "--unmarked" in args:
        at = args.index("--unmarked")
        sample = int(args[at + 1])
        del args[at : at + 2]
    if not args:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        ledger = json.load(f)
    wanted = (args[1] if len(args) > 1 else ",".join(MARKED)).split(",")
    counts = collections.Counter(p["status"] for p in ledger["propositions"])
    print(
        f"{len(ledger['documents'])} documents, {len(ledger.get('stories', []))} stories, "
        f"{len(ledger['propositions'])} propositions: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    several = collections.Counter(p["status"] for p in ledger["propositions"] if differing(p))
    print(
        "differing values from two or more independent documents: "
        + ", ".join(f"{k} {v}" for k, v in sorted(several.items()))
    )
    docs = {d["id"]: d for d in ledger["documents"]}
    claims = {c["id"]: c for c in ledger["claims"]}
    for p in ledger["propositions"]:
        if p["status"] in wanted:
            print_sheet(p, docs, claims)
    if sample:
        pool = [p for p in ledger["propositions"] if differing(p) and p["status"] not in MARKED]
        pool.sort(key=lambda p: stable_key(p, docs))
        print(f"\n--- {min(sample, len(pool))} of {len(pool)} unmarked, hashed sample ---")
        for p in pool[:sample]:
            print_sheet(p, docs, claims)


if __name__ == "__main__":
    main()
