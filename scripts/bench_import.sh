#!/usr/bin/env bash
# Import benchmark (BENCHMARKS.md, "Importing a lesson"): `recall import` of 10, 20, 40,
# ... copies of the seed lesson, in both of its forms (markdown, and the plain-text
# export whose lost spaces are repaired), to show how the time grows with the size.
#
#   scripts/bench_import.sh [RUNS] [COPIES...]
#
# Each time is the median of RUNS (default 3) runs, wall clock. Nothing in the repository
# is written.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=${*:-10 20 40 80 160 320 640}

cargo build --release --quiet --bin recall
recall=target/release/recall
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
printf '%-10s %7s %10s %10s %10s\n' form copies MB ms 'ms per MB'
for form in md lesson.txt; do
  lesson=tests/fixtures/lessons/MOD-DOCKER-04.$form
  for n in $sizes; do
    input=$work/lesson.$form
    : >"$input"
    for _ in $(seq "$n"); do cat "$lesson" >>"$input"; done
    times=$(for _ in $(seq "$runs"); do
      t0=$(now_ms)
      "$recall" import "$input" -o "$work/bank.toml" 2>/dev/null || true
      echo $(($(now_ms) - t0))
    done | median)
    bytes=$(stat -c %s "$input")
    awk -v f="$form" -v n="$n" -v b="$bytes" -v t="$times" \
      'BEGIN {mb = b / 1048576; printf "%-10s %7d %10.1f %10d %10.0f\n", f, n, mb, t, t / mb}'
  done
done
