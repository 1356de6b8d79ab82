"""Counts reported-speech contents that end in a function word ("... for an",
"... to the"): almost always a content cut short (a wrapped line read as a
paragraph, a subject the rules could not read). A regression check on a
ledger, not a score: the gold for it is reading the listed ones.

    python3 scripts/reported_fragments.py LEDGER.json [--show N]

Needs a ledger with document texts only for `--show` (`--with-text`).
Prints nothing from the articles unless asked.
"""

import json
import random
import sys

FUNCTION_WORDS = {
    "to", "the", "of", "a", "an", "and", "its", "for", "in", "on", "at", "by",
    "with", "that", "was", "is", "will", "be", "has", "have", "had",
}


def main() -> None:
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    show = 0
    if "--show" in args:
        show = int(args[args.index("--show") + 1])
    with open(args[0], encoding="utf-8") as f:
        ledger = json.load(f)
    reported = [
        c for c in ledger["claims"]
        if "quote" in c and not c["quote"]["direct"]
    ]
    cut = [
        c for c in reported
        if c["quote"]["text"].split() and c["quote"]["text"].split()[-1].lower() in FUNCTION_WORDS
    ]
    print(f"reported contents: {len(reported)}")
    print(f"ending in a function word: {len(cut)} ({len(cut) / max(len(reported), 1):.2%})")
    random.seed(0)
    for c in random.sample(cut, min(show, len(cut))):
        print("  …" + c["quote"]["text"][-70:])


if __name__ == "__main__":
    main()
