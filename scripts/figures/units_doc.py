#!/usr/bin/env python3
"""Rewrite the unit table of docs/units.md from the facts crate's unit lists.

    python3 scripts/figures/units_doc.py          # rewrite docs/units.md
    python3 scripts/figures/units_doc.py --check  # exit 1 if it is out of date

Rows follow crates/facts/data/unit_ids.tsv; each unit's surfaces are those of
crates/facts/data/units.tsv in file order, marked by how they are matched.
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates/facts/data"
DOC = ROOT / "docs/units.md"
MARK = {"word": "", "exact": "", "prefix": " (before)", "attached": " (touching)", "lookup": " (named only)"}


def rows(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def table():
    surfaces = {}
    for surface, unit, how in rows(DATA / "units.tsv"):
        surfaces.setdefault(unit, []).append(f"`{surface.strip()}{MARK[how]}`")
    out = ["| id | dimension | name | surfaces |", "|---|---|---|---|"]
    for fields in rows(DATA / "unit_ids.tsv"):
        uid, dimension, name = fields[0], fields[1], fields[2]
        out.append(f"| `{uid}` | {dimension} | {name} | {', '.join(surfaces.get(uid, []))} |")
    return out


def main():
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index("| id | dimension | name | surfaces |")
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    new = lines[:start] + table() + lines[end:]
    text = "\n".join(new) + "\n"
    if "--check" in sys.argv:
        if text != DOC.read_text(encoding="utf-8"):
            print("docs/units.md is out of date: run scripts/figures/units_doc.py")
            sys.exit(1)
        return
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
