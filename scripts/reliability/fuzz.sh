#!/usr/bin/env bash
# The long fuzz run behind the fuzzing figures in BENCHMARKS.md: every
# target of crates/hostile/src/targets.rs for SECONDS each (default 240)
# with the stable driver, seeded from invented inputs and the shared data
# (../shared, read at run time), at the lowest CPU priority. Findings go to
# target/fuzz-findings/. With cargo-fuzz and a nightly toolchain installed,
# LIBFUZZER=1 also runs each target under libFuzzer (coverage-guided) for
# the same time, from the same seeds.
#
#   scripts/reliability/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-240}"
seed="${2:-20261204}"
cargo build --release -q -p crosscheck-hostile
nice -n 19 ./target/release/crosscheck-fuzz --seconds "$seconds" --seed "$seed" \
  --shared ../shared --out target/fuzz-findings
if [ "${LIBFUZZER:-0}" = "1" ]; then
  ./target/release/crosscheck-fuzz --write-corpus fuzz/corpus --shared ../shared
  for t in ingest html warc warc_gz jsonl sentences numbers time pipeline; do
    (cd fuzz && nice -n 19 cargo +nightly fuzz run "$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -seed="$seed" 2>&1 | tail -n 3)
  done
fi
