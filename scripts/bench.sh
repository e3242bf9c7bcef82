#!/usr/bin/env bash
# Scale benchmarks (BENCHMARKS.md, "Scale"): recall against a bare toml + serde parse of
# the same banks, measured in one run so a noisy machine moves both alike.
#
#   scripts/bench.sh [DIR] [QUESTIONS] [REVIEWS] [RUNS]
#
# DIR (default /tmp/recall-bench) holds the corpus, made by examples/gen_corpus when it
# is missing (QUESTIONS 100000, REVIEWS 1000000 by default). Each timing is the median of
# RUNS (default 5) runs, interleaved with the baseline's. Nothing in the repository is
# written; the corpus database is only ever used through copies.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/recall-bench}
questions=${2:-100000}
reviews=${3:-1000000}
runs=${4:-5}

cargo build --release --quiet --bin recall \
  --example gen_corpus --example bare_parse --example first_question --example record_latency
bin=target/release
recall=$bin/recall
if [ ! -f "$dir/recall.db" ] || [ ! -d "$dir/banks" ]; then
  rm -rf "$dir"
  $bin/examples/gen_corpus --questions "$questions" --reviews "$reviews" --out "$dir"
fi
banks=$dir/banks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
# Milliseconds one run of "$@" takes (its output discarded).
time_ms() { local t0; t0=$(now_ms); "$@" >/dev/null 2>&1 || true; echo $(( $(now_ms) - t0 )); }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# Peak resident memory of "$@" in MB.
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null </dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

first_question() { $bin/examples/first_question '[1 of' "$recall" --db "$1" drill --plain "$banks"; }

declare -A samples
add() { samples[$1]+="$2"$'\n'; }
for run in $(seq "$runs"); do
  add bare "$($bin/examples/bare_parse "$banks" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')"
  # check: a new database has no cache (cold); the second check is served from it (warm).
  rm -f "$work"/check.db*
  add check_cold "$(time_ms "$recall" --db "$work/check.db" check "$banks")"
  add check_warm "$(time_ms "$recall" --db "$work/check.db" check "$banks")"
  # drill: first run against a new, empty database (no cache yet).
  rm -f "$work"/new.db*
  add drill_new "$(first_question "$work/new.db")"
  # drill with 1,000,000 reviews: first run (no cache yet), then the second run.
  rm -f "$work"/big.db*
  cp "$dir/recall.db" "$work/big.db"
  add drill_big_first "$(first_question "$work/big.db")"
  add drill_big_second "$(first_question "$work/big.db")"
  add stats "$(time_ms "$recall" --db "$work/big.db" stats "$banks")"
  add due "$(time_ms "$recall" --db "$work/big.db" due "$banks")"
done
med() { printf '%s' "${samples[$1]}" | median; }
bare=$(med bare)
rlabel="$(( reviews / 1000 ))k reviews"

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "corpus: $(find "$banks" -name '*.toml' | wc -l) files, $(du -sm "$banks" | cut -f1) MB, $questions questions; $(sqlite3 "$dir/recall.db" 'select count(*) from review' 2>/dev/null || echo "$reviews") reviews"
echo "median of $runs runs, in ms; ratio = time / bare toml+serde parse"
printf '%-44s %8s %7s\n' measurement ms ratio
row() { printf '%-44s %8s %7s\n' "$1" "$2" "$(ratio "$2" "$bare")"; }
row "bare toml+serde parse (baseline)" "$bare"
row "recall check, no cache (target <= 1.5)" "$(med check_cold)"
row "recall check, cached" "$(med check_warm)"
row "drill to 1st question, new db (target <= 2)" "$(med drill_new)"
row "drill to 1st question, $rlabel, 1st run" "$(med drill_big_first)"
row "drill to 1st question, $rlabel, 2nd run (<= 0.25)" "$(med drill_big_second)"
row "recall stats, $rlabel" "$(med stats)"
row "recall due, $rlabel" "$(med due)"

# Peak memory, one run each (the drill reads end of input after its first question).
rm -f "$work"/mem.db*
cp "$dir/recall.db" "$work/mem.db"
echo "peak memory (MB): check no cache $(peak_mb "$recall" --db "$work/mem.db" check "$banks")," \
  "check cached $(peak_mb "$recall" --db "$work/mem.db" check "$banks")," \
  "drill $(peak_mb "$recall" --db "$work/mem.db" drill --plain "$banks")," \
  "stats $(peak_mb "$recall" --db "$work/mem.db" stats "$banks")," \
  "due $(peak_mb "$recall" --db "$work/mem.db" due "$banks")," \
  "bare parse $(peak_mb $bin/examples/bare_parse "$banks")"
cp "$dir/recall.db" "$work/record.db"
$bin/examples/record_latency "$work/record.db" 300
echo "peak memory (MB): record 300 answers $(peak_mb $bin/examples/record_latency "$work/record.db" 300)"
