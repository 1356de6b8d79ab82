"""Summarise what a seed ledger says about entities, for before/after checks.

Prints one line per alias group (entity id, type, name, aliases, refers_to,
distinct mention surfaces), per metonym, and per claim source (claim id,
source kind, name, entity), sorted, so two runs can be diffed:

    crosscheck --quiet analyze ../shared/corpus/seeds -o before.json
    python3 scripts/ner_seed_summary.py before.json > before.txt
    (same for after) ; diff before.txt after.txt

Only names are printed (no article text beyond entity names).
"""
import json
import sys


def main(path):
    ledger = json.load(open(path, encoding="utf-8"))
    lines = []
    for e in ledger["entities"]:
        surfaces = sorted({m["span"]["text"] for m in e["mentions"]})
        lines.append(
            "entity\t%s\t%s\t%s\taliases=%s\trefers_to=%s\tsurfaces=%s\tmentions=%d"
            % (e["id"], e["type"], e["name"], "|".join(sorted(e["aliases"])),
               e.get("refers_to"), "|".join(surfaces), len(e["mentions"]))
        )
    for c in ledger["claims"]:
        s = c.get("source") or {}
        lines.append(
            "source\t%s\t%s\t%s\t%s\t%s"
            % (c["id"], s.get("kind"), s.get("name"), s.get("entity"), s.get("role"))
        )
    for t in ledger.get("stance_timelines", []):
        lines.append("stance\t%s\t%s\t%s" % (t["actor"], t["about"],
                     ",".join(st["polarity"] for st in t["steps"])))
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
