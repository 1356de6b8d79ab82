"""Writes a corpus of COPIES distinct copies of real news for memory
scaling runs of `crosscheck analyze` (BENCHMARKS.md, Scale).

    python3 scripts/scale/corpus_copies.py OUT_DIR COPIES [--bench [--mb MB]]

Without --bench the corpus is the 19,043 Reuters-21578 stories
(../shared/corpus/reuters21578/reuters21578.jsonl); with --bench it is the
files `crosscheck bench --mb 100` reads (Reuters, the seeds, the
article-extraction HTML pages and the PolNeAR texts), one round of them per
copy; with --mb the corpus stops after the file that crosses MB megabytes
(counted as stored, as `crosscheck bench --mb MB` counts: 100 gives its
106.9 MB corpus, whose later rounds are copies here). Copy 1 is the files as they are. `analyze` skips a document whose
text it has seen, so every later copy k adds the line "Copy k." at the end
of each document's text (a JSONL record's "text", a text file's end, an
HTML page's body): the copies are distinct documents, near-duplicates of
the first copy, which the ledger marks as copies of it and puts in its
story. Nothing is written inside the repository unless OUT_DIR is there.
"""

import gzip
import json
import os
import sys

SHARED = os.environ.get(
    "CROSSCHECK_SHARED",
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"),
)
REUTERS = os.path.join(SHARED, "corpus", "reuters21578", "reuters21578.jsonl")


def bench_files():
    files = [REUTERS]
    for d in [
        "corpus/seeds",
        "data/article-extraction/html",
        "data/polnear/train/text",
        "data/polnear/dev/text",
    ]:
        path = os.path.join(SHARED, d)
        if os.path.isdir(path):
            files += sorted(os.path.join(path, n) for n in os.listdir(path))
    return [f for f in files if os.path.isfile(f) and os.path.getsize(f) > 0]


def marked(data: bytes, name: str, copy: int) -> bytes:
    line = f"Copy {copy}."
    if name.endswith(".jsonl"):
        out = []
        for raw in data.decode("utf-8").splitlines():
            if not raw.strip():
                continue
            record = json.loads(raw)
            record["text"] = record.get("text", "") + "\n\n" + line
            out.append(json.dumps(record, ensure_ascii=False))
        return ("\n".join(out) + "\n").encode("utf-8")
    if name.endswith(".gz"):
        return gzip.compress(marked(gzip.decompress(data), name[:-3], copy))
    if name.endswith((".html", ".htm")):
        text = data.decode("utf-8", errors="surrogateescape")
        at = text.lower().rfind("</body>")
        if at < 0:
            at = len(text)
        text = text[:at] + f"<p>{line}</p>" + text[at:]
        return text.encode("utf-8", errors="surrogateescape")
    return data.rstrip(b"\n") + f"\n\n{line}\n".encode()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, copies = sys.argv[1], int(sys.argv[2])
    files = bench_files() if "--bench" in sys.argv[3:] else [REUTERS]
    limit = float("inf")
    if "--mb" in sys.argv[3:]:
        limit = float(sys.argv[sys.argv.index("--mb") + 1]) * 1e6
    total = 0
    planned = 0
    for copy in range(1, copies + 1):
        folder = os.path.join(out, f"copy-{copy}")
        os.makedirs(folder, exist_ok=True)
        for i, path in enumerate(files):
            if planned >= limit:
                break
            planned += os.path.getsize(path)
            name = os.path.basename(path)
            with open(path, "rb") as f:
                data = f.read()
            if copy > 1:
                data = marked(data, name, copy)
            target = os.path.join(folder, f"{i:05}-{name}")
            with open(target, "wb") as f:
                f.write(data)
            total += len(data)
    print(f"{out}: {copies} copies of {len(files)} files, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
