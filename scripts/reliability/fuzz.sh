#!/usr/bin/env bash
# The long fuzz run behind the fuzzing figures in BENCHMARKS.md: every
# target of crates/hostile/src/targets.rs, JOBS targets at a time, with
#
# - the stable driver (crosscheck-fuzz) for CPU_SECONDS of CPU time each
#   (on a shared machine CPU time, not the wall clock, says how much
#   fuzzing was done), seeded from invented inputs and the shared data
#   (../shared, read at run time);
# - with LIBFUZZER=1 and cargo-fuzz on a nightly toolchain, also libFuzzer
#   (coverage-guided) on the same targets for LIBFUZZER_SECONDS of wall
#   time each, from the same seeds plus the corpus it keeps in fuzz/corpus;
#   its CPU time is measured with /usr/bin/time.
#
# WALL_SECONDS (default a day) also caps each stable target's wall time,
# so that a run on a busy machine ends when planned; the figures then say
# how much CPU time each target got.
#
# Findings go to target/fuzz-findings/ (stable) and fuzz/artifacts/
# (libFuzzer); each target's report to target/fuzz-logs/. Runs at nice
# NICE (default 10). Exits 1 when anything crashed or hung.
#
#   JOBS=2 NICE=10 [WALL_SECONDS=N] scripts/reliability/fuzz.sh [CPU_SECONDS] [SEED]
#   STABLE=0 LIBFUZZER=1 LIBFUZZER_SECONDS=600 scripts/reliability/fuzz.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
cpu="${1:-200}"
seed="${2:-20261204}"
jobs="${JOBS:-2}"
nice="${NICE:-10}"
wall="${WALL_SECONDS:-86400}"
# The same packages as run.sh: one feature set, so no second build.
cargo build --release -q -p crosscheck -p crosscheck-hostile || exit 2
mkdir -p target/fuzz-logs target/fuzz-findings
targets=$(./target/release/crosscheck-fuzz --list | cut -d' ' -f1)
status=0
if [ "${STABLE:-1}" = "1" ]; then
  printf '%s\n' $targets | xargs -P "$jobs" -I{} sh -c \
    'nice -n "$4" ./target/release/crosscheck-fuzz --target "$1" --cpu-seconds "$2" \
       --seconds "$5" --seed "$3" --shared ../shared --out target/fuzz-findings \
       > "target/fuzz-logs/stable-$1.txt" 2>&1' _ {} "$cpu" "$seed" "$nice" "$wall" || status=1
  cat target/fuzz-logs/stable-*.txt | grep -v '^total'
fi
if [ "${LIBFUZZER:-0}" = "1" ]; then
  lf_seconds="${LIBFUZZER_SECONDS:-600}"
  ./target/release/crosscheck-fuzz --write-corpus fuzz/corpus --shared ../shared || exit 2
  (cd fuzz && cargo +nightly fuzz build) || exit 2
  printf '%s\n' $targets | tr - _ | xargs -P "$jobs" -I{} sh -c \
    'cd fuzz && /usr/bin/time -f "$1: %U s user, %S s system, %e s wall, peak %M KB" \
       nice -n "$4" cargo +nightly fuzz run "$1" -- -max_total_time="$2" \
       -rss_limit_mb=4096 -timeout=30 -seed="$3" -print_final_stats=1 \
       > "../target/fuzz-logs/libfuzzer-$1.txt" 2>&1' _ {} "$lf_seconds" "$seed" "$nice" || status=1
  for f in target/fuzz-logs/libfuzzer-*.txt; do
    grep -E '^(Done|stat::number_of_executed_units|[a-z_]+: [0-9.]+ s user)|SUMMARY|panicked' "$f"
  done
fi
exit "$status"
