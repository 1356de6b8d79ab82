"""Scores any recogniser on the CoNLL-2003 held-out training documents.

    python3 scripts/ner/conll_holdout.py prep DIR          # writes DIR/NNN.txt and DIR/gold.json
    python3 scripts/ner/conll_holdout.py score DIR PRED    # prints P, R, F1

`prep` writes the 157 held-out documents of ../shared/data/conll2003/train.conllu
(every sixth from the sixth, as `crosscheck-eval conll2003-holdout` and
`train_ner` hold them out) as text the way the eval reads them: tokens joined
by spaces, one sentence a line. `gold.json` lists each document's names as
[start byte, end byte, type]. PRED is a JSON list, one list a document, of
[start, end, type] with types PER, ORG, LOC, MISC; a name counts when its
span and type are exact (conlleval's rule). Used to compare a recogniser that
predates `crosscheck-eval conll2003-holdout` (scripts/ner/old_recogniser_dump.rs).
"""

import json
import os
import sys
from collections import Counter

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")


def documents():
    docs, current, sentence = [], None, []
    path = os.path.join(SHARED, "data/conll2003/train.conllu")
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                if sentence and current is not None:
                    current.append(sentence)
                sentence = []
                continue
            if parts[1] == "-DOCSTART-":
                current = []
                docs.append(current)
                continue
            sentence.append((parts[1], parts[2]))
    if sentence and current is not None:
        current.append(sentence)
    return [d for i, d in enumerate(docs) if i % 6 == 5]


def prep(out):
    os.makedirs(out, exist_ok=True)
    gold = []
    for k, doc in enumerate(documents()):
        text, names = "", []
        for sentence in doc:
            open_name = None
            for j, (word, tag) in enumerate(sentence + [("", "O")]):
                if j == len(sentence):
                    start = end = None
                else:
                    if j > 0:
                        text += " "
                    start = len(text.encode("utf-8"))
                    text += word
                    end = len(text.encode("utf-8"))
                inside = tag.startswith("I-") and open_name and open_name[2] == tag[2:]
                if inside:
                    open_name[1] = end
                    continue
                if open_name:
                    names.append(open_name)
                open_name = [start, end, tag[2:]] if tag != "O" else None
            text += "\n"
        with open(os.path.join(out, f"{k:03d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        gold.append(names)
    with open(os.path.join(out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f)
    print(f"{len(gold)} documents, {sum(map(len, gold))} names in {out}")


def score(out, predictions):
    with open(os.path.join(out, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    with open(predictions, encoding="utf-8") as f:
        predicted = json.load(f)
    tp = fp = fn = 0
    for g, p in zip(gold, predicted):
        gs, ps = Counter(map(tuple, g)), Counter(map(tuple, p))
        tp += sum((gs & ps).values())
        fp += sum((ps - gs).values())
        fn += sum((gs - ps).values())
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prep"]:
        prep(sys.argv[2])
    elif sys.argv[1:2] == ["score"]:
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
