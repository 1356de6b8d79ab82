#!/bin/bash
# Peak memory and CPU of `crosscheck analyze` on Reuters 1x/2x/4x, the 107 MB
# bench corpus and the 100k-figures sentence (BENCHMARKS.md, Scale).
#
#     cargo build --release --bin crosscheck
#     scripts/scale/measure_memory.sh [REFERENCE_BINARY]
#
# Writes only under a fresh temporary directory (removed at the end). With a
# reference binary (another build), each ledger is compared byte for byte
# with the reference's.
set -euo pipefail
cd "$(dirname "$0")/../.."
B=$PWD/target/release/crosscheck
REF=${1:-}
SHARED=${CROSSCHECK_SHARED:-$PWD/../shared}
R=$SHARED/corpus/reuters21578/reuters21578.jsonl
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 scripts/scale/corpus_copies.py "$W/r2" 2 >/dev/null
python3 scripts/scale/corpus_copies.py "$W/r4" 4 >/dev/null
python3 scripts/scale/corpus_copies.py "$W/b5" 5 --bench --mb 100 >/dev/null
python3 -c "print('Officials counted ' + ', '.join(str(i % 9 + 1) for i in range(100000)) + ' boats.')" >"$W/100k.txt"
run() { # NAME ARGS...
    local name=$1
    shift
    /usr/bin/time -f "$name: %U user %S sys %e wall %M KB peak" "$B" "$@" -o "$W/$name.json" --quiet 2>&1 | tail -1
    if [ -n "$REF" ]; then
        "$REF" "$@" -o "$W/$name.ref.json" --quiet
        cmp -s "$W/$name.json" "$W/$name.ref.json" && echo "$name: same bytes as the reference" || echo "$name: DIFFERS from the reference"
        rm -f "$W/$name.ref.json"
    fi
    rm -f "$W/$name.json"
}
run reuters-1x-jobs1 --jobs 1 analyze "$R"
run reuters-1x analyze "$R"
run reuters-2x analyze "$W/r2"
run reuters-4x analyze "$W/r4"
run bench-107mb analyze "$W/b5"
run figures-100k analyze "$W/100k.txt"
