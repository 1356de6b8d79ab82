"""quantulum3 side by side with crosscheck's figure reader.

Setup (outside the repo):
    python3 -m venv /work/.venv-figures && /work/.venv-figures/bin/pip install quantulum3==0.9.2

Run:
    /work/.venv-figures/bin/python scripts/baselines/quantulum3_bench.py [SHARED_DIR]
    /work/.venv-figures/bin/python scripts/baselines/quantulum3_bench.py --predictions /tmp/q3.json [SHARED_DIR]
    cargo run --release -p crosscheck-eval -- quantities --predictions /tmp/q3.json

With --predictions, the script only runs quantulum3 over the sentences that
`crosscheck-eval quantities` scores (the CQE sets in data/quantities/, the
quantulum3 test sentences, the hand-annotated news dev set) and writes its
values per sentence; the crosscheck scorer then scores them exactly as it
scores crosscheck (a quantulum3 range, reported by its mean, is compared by
midpoint, as the CQE evaluation does for quantulum3).

1. Scores quantulum3 on ../shared/data/quantulum3-tests/quantities.json with the
   same rules as crates/eval/src/quantulum.rs: each gold quantity is matched by
   at most one prediction of the same sentence with equal value (relative
   tolerance 1e-6; ranges by midpoint) whose span overlaps the gold surface
   when the surface is found in the sentence. Reports value accuracy, unit
   accuracy over value matches, value+unit accuracy and precision.
   (quantulum3's own test data: it was developed against these sentences.)
2. Scores quantulum3 on the hand-annotated Reuters-21578 sentences
   (crates/facts/tests/data/reuters-figures.json: offsets and values only),
   values only, as crates/eval/src/quantulum.rs does ("reuters_*" figures).
3. Runs quantulum3 on the seed articles (../shared/corpus/seeds/*.txt) and
   prints, per class, what it reads: years, durations, ordinal-like numbers
   and unit readings of plain words (the "an ally" -> light-year kind), so
   they can be set beside `cargo test -p crosscheck-facts --test seeds -- --nocapture`.
   No seed text is written anywhere; only counts and short surfaces are printed.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

from quantulum3 import parser

# TimeBank texts are read as the figure sets' sampler reads them, so that byte offsets agree.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "figures"))
from sample_news_devset import tml_text as timebank_text  # noqa: E402


def shared_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(__file__).resolve().parents[2] / ".." / "shared"


def predictions(sentence):
    out = []
    for q in parser.parse(sentence):
        value = q.value
        unc = getattr(q, "uncertainty", None)
        start, end = q.span
        out.append({"value": float(value), "unit": q.unit.name, "start": start, "end": end, "surface": q.surface, "unc": unc})
    return out


def same(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def score(sentence, gold, preds):
    used = [False] * len(preds)
    hits = []
    search_from = 0
    for g in gold:
        surface = g.get("surface", "")
        loc = None
        if surface:
            i = sentence.find(surface, search_from)
            if i < 0:
                i = sentence.find(surface)
            if i >= 0:
                loc = (i, i + len(surface))
                search_from = loc[1]
        hit = None
        for k, p in enumerate(preds):
            if used[k] or not same(p["value"], float(g["value"])):
                continue
            if loc is not None and not (p["start"] < loc[1] and loc[0] < p["end"]):
                continue
            hit = k
            break
        if hit is None:
            hits.append((False, False))
        else:
            used[hit] = True
            hits.append((True, preds[hit]["unit"].lower() == g["unit"].lower()))
    return hits, sum(used)


def gold_set(shared):
    cases = json.loads((shared / "data/quantulum3-tests/quantities.json").read_text())
    gold_n = value = unit = predicted = correct = 0
    misses = []
    for case in cases:
        sentence, gold = case["req"], case.get("res", [])
        preds = predictions(sentence)
        hits, matched = score(sentence, gold, preds)
        gold_n += len(gold)
        predicted += len(preds)
        correct += matched
        for g, (v, u) in zip(gold, hits):
            value += v
            unit += u
            if not v:
                misses.append(f"  miss {g.get('surface')!r} ({g['value']} {g['unit']})")
    r = lambda a, b: a / b if b else 0.0
    print("# quantulum3 0.9.2 on quantities.json")
    print(f"sentences: {len(cases)}")
    print(f"gold_quantities: {gold_n}")
    print(f"value_accuracy: {r(value, gold_n):.4f}")
    print(f"unit_accuracy_of_value_matches: {r(unit, value):.4f}")
    print(f"value_and_unit_accuracy: {r(unit, gold_n):.4f}")
    print(f"precision: {r(correct, predicted):.4f}")
    print(f"predicted: {predicted}")
    print("\n".join(misses))


def held_out(shared):
    gold = json.loads((Path(__file__).resolve().parents[2] / "crates/facts/tests/data/reuters-figures.json").read_text())
    lines = (shared / "corpus/reuters21578/reuters21578.jsonl").read_text().split("\n")
    n = value = predicted = correct = 0
    misses = []
    for s in gold["sentences"]:
        text = json.loads(lines[s["line"]])["text"].encode()[s["start"]:s["end"]].decode()
        expected = [{"value": v, "unit": "", "surface": ""} for v in s["values"]]
        preds = predictions(text)
        hits, matched = score(text, expected, preds)
        n += len(expected)
        predicted += len(preds)
        correct += matched
        for g, (v, _) in zip(expected, hits):
            value += v
            if not v:
                misses.append(f"  miss {g['value']} in line {s['line']}")
    print(f"\n# quantulum3 0.9.2 on {len(gold['sentences'])} hand-annotated Reuters sentences")
    print(f"reuters_gold_values: {n}")
    print(f"reuters_value_accuracy: {value / n:.4f}")
    print(f"reuters_precision: {correct / max(predicted, 1):.4f}")
    print(f"reuters_predicted: {predicted}")
    print("\n".join(misses))


YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def seeds(shared):
    paths = sorted((shared / "corpus/seeds").glob("*.txt"))
    classes = Counter()
    word_units = Counter()
    total = 0
    for p in paths:
        for q in parser.parse(p.read_text()):
            total += 1
            unit = q.unit.name
            surface = q.surface
            if YEAR.match(surface.strip()):
                classes["year read as a number"] += 1
            elif q.unit.entity.name == "time":
                classes[f"duration ({unit})"] += 1
            elif not any(c.isdigit() for c in surface) and unit != "dimensionless":
                classes["word read as a unit"] += 1
                word_units[f"{surface!r} -> {unit}"] += 1
            elif unit == "dimensionless":
                classes["plain number"] += 1
            else:
                classes[f"unit: {unit}"] += 1
    print(f"\n# quantulum3 0.9.2 on {len(paths)} seed articles: {total} quantities")
    for k, v in classes.most_common():
        print(f"{k}: {v}")
    print("word-as-unit readings:")
    for k, v in word_units.most_common():
        print(f"  {k} x{v}")


CQE_SETS = ["age-model", "currency-model", "dimension-model", "temperature-model"]


def news_sentences(shared, name="dev.json"):
    """A news set's sentences by id (dev.json, fresh.json, ...), read back through their locators."""
    dev = json.loads((Path(__file__).resolve().parents[2] / "crates/eval/data/news_figures" / name).read_text())
    reuters = None
    bodies = None
    out = {}
    for s in dev["sentences"]:
        if s["source"] == "reuters":
            if reuters is None:
                reuters = [json.loads(l)["text"] for l in (shared / "corpus/reuters21578/reuters21578.jsonl").read_text().splitlines()]
            text = reuters[int(s["doc"])]
        elif s["source"] == "polnear":
            text = (shared / "data/polnear/train/text" / s["doc"]).read_text()
        elif s["source"] == "polnear-dev":
            text = (shared / "data/polnear/dev/text" / s["doc"]).read_text()
        elif s["source"] == "timebank":
            text = timebank_text((shared / "data/timebank" / s["doc"]).read_text())
        else:
            if bodies is None:
                bodies = json.loads((shared / "data/article-extraction/ground-truth.json").read_text())
            text = bodies[s["doc"]]["articleBody"]
        out[s["id"]] = text.encode()[s["start"]:s["end"]].decode()
    return out


def news_set_names():
    """(key, file) of every hand-annotated news set: dev.json, then fresh.json,
    fresh2.json, ... in round order (keys as crosscheck-eval names them)."""
    data = Path(__file__).resolve().parent.parent.parent / "crates/eval/data/news_figures"
    rounds = sorted(
        int(p.stem[len("fresh"):] or 1) for p in data.glob("fresh*.json")
    )
    names = [("news", "dev.json")]
    for k in rounds:
        names.append(("news-fresh", "fresh.json") if k == 1 else ("news-fresh%d" % k, "fresh%d.json" % k))
    return names


def write_predictions(shared, path):
    values = lambda text: [float(q.value) for q in parser.parse(text)]
    out = {}
    for name in CQE_SETS:
        data = json.loads((shared / "data/quantities" / f"{name}.json").read_text())
        out[name] = [values(x["text"]) for x in data]
    cases = json.loads((shared / "data/quantulum3-tests/quantities.json").read_text())
    out["quantulum3"] = [values(c["req"]) for c in cases]
    for key, name in news_set_names():
        news = news_sentences(shared, name)
        out[key] = [values(news[k]) if k in news else [] for k in range(max(news) + 1)]
    Path(path).write_text(json.dumps(out))
    print(f"wrote {path}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--predictions":
        target = sys.argv[2]
        sys.argv = sys.argv[:1] + sys.argv[3:]
        write_predictions(shared_dir(), target)
        sys.exit(0)
    shared = shared_dir()
    gold_set(shared)
    held_out(shared)
    seeds(shared)
