#!/usr/bin/env bash
# Reproduces the reliability table in BENCHMARKS.md (issue 14): builds the
# release binary and the suite, then runs every hostile case against it,
# each in its own temp dir with a deadline and a 2 GiB address-space limit
# where memory is the point. Needs sh and, for memory figures, /usr/bin/time;
# cases needing mknod (root), mkfifo or sqlite3 are skipped where those are
# missing. Takes about 5-10 minutes on 2 cores.
#
#   scripts/reliability/run.sh                 # the whole suite
#   scripts/reliability/run.sh "3 hangs"       # one class (or a case name part)
#   DEADLINE=300 scripts/reliability/run.sh    # wall seconds before a case is a hang
#                                              # (default 120; more on a loaded machine)
#
# Prints the Markdown table; the per-case results go to
# target/reliability-cases.tsv. Exits 1 when a case crashed, hung, lost
# data or ended with the wrong status.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -q -p crosscheck -p crosscheck-hostile
filter="${1:-}"
exec ./target/release/crosscheck-reliability \
  --binary target/release/crosscheck \
  --filter "$filter" \
  --deadline "${DEADLINE:-120}" \
  --cases target/reliability-cases.tsv
